/** Per-container log buffers that tests write to, read by `pods/{name}/log` (with follow). */

export interface LogLine {
  time: Date;
  text: string;
}

interface Buffers {
  current: LogLine[];
  previous: LogLine[];
}

export interface Follower {
  line(line: LogLine): void;
  end(): void;
}

export class PodLogs {
  private buffers = new Map<string, Buffers>();
  private followers = new Map<string, Set<Follower>>();

  /** Keeps at most `maxLines` lines per container. */
  constructor(private maxLines = 10_000) {}

  append(namespace: string, pod: string, container: string, lines: string[], time: Date, previous = false): void {
    const key = `${namespace}/${pod}/${container}`;
    let b = this.buffers.get(key);
    if (!b) this.buffers.set(key, (b = { current: [], previous: [] }));
    const target = previous ? b.previous : b.current;
    for (const text of lines) {
      const line = { time, text };
      target.push(line);
      if (!previous) for (const f of this.followers.get(key) ?? []) f.line(line);
    }
    if (target.length > this.maxLines) target.splice(0, target.length - this.maxLines);
  }

  /** `undefined` when the container has no such log (for previous: no earlier run). */
  read(namespace: string, pod: string, container: string, previous: boolean): LogLine[] | undefined {
    const b = this.buffers.get(`${namespace}/${pod}/${container}`);
    if (previous) return b && b.previous.length > 0 ? b.previous : undefined;
    return b?.current ?? [];
  }

  follow(namespace: string, pod: string, container: string, follower: Follower): () => void {
    const key = `${namespace}/${pod}/${container}`;
    let set = this.followers.get(key);
    if (!set) this.followers.set(key, (set = new Set()));
    set.add(follower);
    return () => {
      set.delete(follower);
      if (set.size === 0) this.followers.delete(key);
    };
  }

  /** The pod is gone: followers' streams end and its logs are dropped. */
  endPod(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`;
    for (const [key, set] of [...this.followers]) {
      if (!key.startsWith(prefix)) continue;
      for (const f of [...set]) f.end();
      this.followers.delete(key);
    }
    for (const key of [...this.buffers.keys()]) if (key.startsWith(prefix)) this.buffers.delete(key);
  }

  /** Ends every follower (the server is closing). */
  endAll(): void {
    for (const set of this.followers.values()) for (const f of [...set]) f.end();
    this.followers.clear();
  }

  clear(): void {
    this.endAll();
    this.buffers.clear();
  }
}
