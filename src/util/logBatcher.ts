export interface LogBatch<T> {
  lines: T[];
  ended: boolean;
  error: string | null;
}

export interface LogBatcherOptions<T> {
  send(batch: LogBatch<T>): void;
  /** Bytes a line takes in a message. */
  sizeOf(line: T): number;
  /** Called after a send made room: a paused reader may go on. */
  drained(): void;
  /** Sends happen at most this often (default 100 ms). */
  windowMs?: number;
  maxChunkLines?: number;
  maxChunkBytes?: number;
  /** Past this the reader should pause until the next send (default 1 MiB). */
  maxPendingBytes?: number;
}

/**
 * Gathers a followed log's lines and sends them at most every window, in chunks of bounded
 * lines and bytes. What waits between sends is bounded too: when `full`, the reader pauses
 * and the API server's connection holds the rest.
 */
export class LogBatcher<T> {
  private pending: T[] = [];
  /** Each pending line's size, measured once as it arrives. */
  private pendingSizes: number[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastSent = -Infinity;
  private ended = false;
  private readonly windowMs: number;
  private readonly maxChunkLines: number;
  private readonly maxChunkBytes: number;
  private readonly maxPendingBytes: number;

  constructor(private readonly options: LogBatcherOptions<T>) {
    this.windowMs = options.windowMs ?? 100;
    this.maxChunkLines = options.maxChunkLines ?? 2000;
    this.maxChunkBytes = options.maxChunkBytes ?? 256 * 1024;
    this.maxPendingBytes = options.maxPendingBytes ?? 1024 * 1024;
  }

  get full(): boolean {
    return this.pendingBytes >= this.maxPendingBytes;
  }

  add(lines: T[]): void {
    if (this.ended || lines.length === 0) return;
    for (const line of lines) {
      const size = this.options.sizeOf(line);
      this.pending.push(line);
      this.pendingSizes.push(size);
      this.pendingBytes += size;
    }
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.lastSent + this.windowMs - Date.now()));
  }

  /** Sends what is left and the end; the last chunk says why it ended. */
  end(error: string | null): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    const chunks = this.takeChunks();
    const last = chunks.pop() ?? [];
    for (const lines of chunks) this.options.send({ lines, ended: false, error: null });
    this.options.send({ lines: last, ended: true, error });
  }

  /** Drops everything without sending (the host is stopping). */
  cancel(): void {
    this.ended = true;
    clearTimeout(this.timer);
    this.pending = [];
    this.pendingSizes = [];
    this.pendingBytes = 0;
  }

  private flush(): void {
    this.timer = undefined;
    this.lastSent = Date.now();
    for (const lines of this.takeChunks()) this.options.send({ lines, ended: false, error: null });
    this.options.drained();
  }

  private takeChunks(): T[][] {
    const chunks: T[][] = [];
    let chunk: T[] = [];
    let bytes = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const line = this.pending[i]!;
      const size = this.pendingSizes[i]!;
      if (chunk.length > 0 && (chunk.length >= this.maxChunkLines || bytes + size > this.maxChunkBytes)) {
        chunks.push(chunk);
        chunk = [];
        bytes = 0;
      }
      chunk.push(line);
      bytes += size;
    }
    if (chunk.length > 0) chunks.push(chunk);
    this.pending = [];
    this.pendingSizes = [];
    this.pendingBytes = 0;
    return chunks;
  }
}
