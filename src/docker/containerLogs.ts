import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import type { DockerLogChunk, DockerLogLine, DockerLogRead } from '../contract';
import { OpsdeckError } from '../contract';
import { LogBatcher } from '../util/logBatcher';
import { LogDecoder } from './logStream';

/** The last `tailLines` lines of a container's log; one more is asked for to tell whether there were more. */
export async function readLogs(container: Docker.Container, options: FollowOptions): Promise<DockerLogRead> {
  const body = (await container.logs({ follow: false, stdout: true, stderr: true, tail: options.tailLines + 1, timestamps: options.timestamps })) as Buffer;
  const decoder = new LogDecoder(options.tty, options.timestamps);
  const lines = [...decoder.push(Buffer.isBuffer(body) ? body : Buffer.from(String(body))), ...decoder.end()];
  const truncated = lines.length > options.tailLines;
  return { lines: truncated ? lines.slice(lines.length - options.tailLines) : lines, tty: options.tty, truncated };
}

/** Each followed log holds a connection to the engine. */
const MAX_FOLLOWS = 20;

type Body = NodeJS.ReadableStream & { destroy?: () => void; isPaused(): boolean };

interface Follow {
  body: Body;
  batcher: LogBatcher<DockerLogLine>;
}

export interface FollowOptions {
  tty: boolean;
  timestamps: boolean;
  tailLines: number;
}

/** What a line takes in a message, roughly: its text, its timestamp and the stream name. */
const lineSize = (line: DockerLogLine) => Buffer.byteLength(line.text) + (line.ts?.length ?? 0) + 16;

/** Followed container logs; lines go out as chunks, batched like the Kubernetes ones. */
export class LogFollows {
  private readonly follows = new Map<string, Follow>();

  constructor(private readonly onChunk: (chunk: DockerLogChunk) => void) {}

  async start(container: Docker.Container, options: FollowOptions): Promise<string> {
    if (this.follows.size >= MAX_FOLLOWS) throw new OpsdeckError('UNAVAILABLE', `At most ${MAX_FOLLOWS} logs can be followed at once: stop one first.`);
    const body = (await container.logs({ follow: true, stdout: true, stderr: true, tail: options.tailLines, timestamps: options.timestamps })) as Body;
    const streamId = randomUUID();
    const batcher = new LogBatcher<DockerLogLine>({
      send: (batch) => this.onChunk({ streamId, ...batch }),
      sizeOf: lineSize,
      drained: () => {
        if (body.isPaused()) body.resume();
      },
    });
    this.follows.set(streamId, { body, batcher });
    const decoder = new LogDecoder(options.tty, options.timestamps);
    body.on('data', (chunk: Buffer) => {
      batcher.add(decoder.push(chunk));
      if (batcher.full) body.pause();
    });
    const finish = (error: string | null) => {
      if (!this.follows.has(streamId)) return;
      batcher.add(decoder.end());
      this.end(streamId, error);
    };
    body.on('end', () => finish(null));
    body.on('close', () => finish(null));
    body.on('error', (err: Error) => finish(err.message));
    return streamId;
  }

  /** Ends a stream; its last lines and the end go out as a final chunk. */
  stop(streamId: string): boolean {
    return this.end(streamId, null);
  }

  /** Ends every stream without sending anything more (the host is stopping). */
  stopAll(): void {
    for (const follow of this.follows.values()) {
      follow.batcher.cancel();
      follow.body.destroy?.();
    }
    this.follows.clear();
  }

  private end(streamId: string, error: string | null): boolean {
    const follow = this.follows.get(streamId);
    if (!follow) return false;
    this.follows.delete(streamId);
    follow.body.destroy?.();
    follow.batcher.end(error);
    return true;
  }
}
