import type Docker from 'dockerode';
import { LineSplitter } from '../util/lineSplitter';
import type { StatsHistory } from './statsHistory';
import { statsSample, type RawStats } from './statsMath';

type Body = NodeJS.ReadableStream & { destroy?: () => void };

interface Stream {
  /** null while the request is being answered. */
  body: Body | null;
  /** The newest message not yet read into the history. */
  latest: string | null;
  /** False until the first sample: that one is read as soon as it arrives, not at the next tick. */
  sampled: boolean;
}

/**
 * One stats stream per running container. The engine pushes a reading about every second;
 * only the newest one per container is parsed, once per interval. A stream carries the engine's
 * previous reading with each message (precpu_stats), so CPU is figured exactly as `docker stats`
 * does. Measured cheaper than polling with stream=false, which also waits a second per request.
 */
export class StatsStreams {
  private readonly streams = new Map<string, Stream>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly docker: Docker,
    private readonly intervalMs: number,
    private readonly history: StatsHistory,
    private readonly onSamples: () => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.read(), this.intervalMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const id of [...this.streams.keys()]) this.close(id);
  }

  /** Opens streams for containers that run now and closes those of containers that stopped. */
  sync(running: string[]): void {
    if (this.stopped) return;
    const wanted = new Set(running);
    for (const id of [...this.streams.keys()]) if (!wanted.has(id)) this.close(id);
    for (const id of running) if (!this.streams.has(id)) void this.open(id);
  }

  private async open(id: string): Promise<void> {
    const stream: Stream = { body: null, latest: null, sampled: false };
    this.streams.set(id, stream);
    let body: Body;
    try {
      body = (await this.docker.getContainer(id).stats({ stream: true })) as Body;
    } catch {
      // Gone or stopped before the stream opened; the next sync tries again if it runs.
      this.streams.delete(id);
      return;
    }
    if (this.streams.get(id) !== stream) return void body.destroy?.();
    stream.body = body;
    const lines = new LineSplitter();
    body.on('data', (chunk: Buffer) => {
      const last = lines.push(chunk).at(-1);
      if (!last) return;
      stream.latest = last;
      if (!stream.sampled && this.take(id, stream)) this.onSamples();
    });
    const ended = () => {
      if (this.streams.get(id) === stream) this.streams.delete(id);
    };
    body.on('end', ended);
    body.on('error', ended);
    body.on('close', ended);
  }

  private close(id: string): void {
    const stream = this.streams.get(id);
    this.streams.delete(id);
    stream?.body?.destroy?.();
  }

  private read(): void {
    let added = false;
    for (const [id, stream] of this.streams) if (this.take(id, stream)) added = true;
    if (added) this.onSamples();
  }

  /** Reads the stream's newest message into the history; false when there was none to use. */
  private take(id: string, stream: Stream): boolean {
    const line = stream.latest;
    stream.latest = null;
    if (!line) return false;
    let raw: RawStats;
    try {
      raw = JSON.parse(line) as RawStats;
    } catch {
      return false;
    }
    // The first message has no previous reading to figure CPU from.
    if (!raw.precpu_stats?.system_cpu_usage || !raw.cpu_stats?.system_cpu_usage) return false;
    const at = raw.read ? Date.parse(raw.read) : NaN;
    this.history.add(id, statsSample(raw, Number.isFinite(at) && at > 0 ? at : Date.now()));
    stream.sampled = true;
    return true;
  }
}
