/** Gathers items and hands them over together, at most once per window, however fast they come. */
export class Coalescer<T> {
  private pending = new Set<T>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (items: T[]) => void,
  ) {}

  add(item: T): void {
    this.pending.add(item);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const items = [...this.pending];
      this.pending.clear();
      this.flush(items);
    }, this.windowMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
