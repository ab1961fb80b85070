import { StringDecoder } from 'node:string_decoder';
import type { DockerLogLine } from '../contract';

type StreamName = DockerLogLine['stream'];

/**
 * Splits the engine's multiplexed log stream (non-TTY containers): each frame is an 8-byte
 * header (stream type, three zero bytes, big-endian payload length) and the payload.
 * Frames may arrive cut anywhere; the remainder waits for the next chunk.
 */
export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): { stream: StreamName; data: Buffer }[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: { stream: StreamName; data: Buffer }[] = [];
    let offset = 0;
    while (this.pending.length - offset >= 8) {
      const size = this.pending.readUInt32BE(offset + 4);
      if (this.pending.length - offset - 8 < size) break;
      // 0 is stdin (never sent for logs), 1 stdout, 2 stderr.
      const stream: StreamName = this.pending[offset] === 2 ? 'stderr' : 'stdout';
      frames.push({ stream, data: this.pending.subarray(offset + 8, offset + 8 + size) });
      offset += 8 + size;
    }
    this.pending = this.pending.subarray(offset);
    return frames;
  }
}

/** Assembles lines per stream (a line may span frames), splitting off the engine's timestamp when asked for. */
export class LogLineAssembler {
  private readonly parts = new Map<StreamName, { decoder: StringDecoder; rest: string }>();

  constructor(private readonly timestamps: boolean) {}

  push(stream: StreamName, data: Buffer): DockerLogLine[] {
    let part = this.parts.get(stream);
    if (!part) this.parts.set(stream, (part = { decoder: new StringDecoder('utf8'), rest: '' }));
    const pieces = (part.rest + part.decoder.write(data)).split('\n');
    part.rest = pieces.pop() ?? '';
    return pieces.map((p) => this.line(stream, p));
  }

  /** Lines left without a final newline when the stream ends. */
  end(): DockerLogLine[] {
    const out: DockerLogLine[] = [];
    for (const [stream, part] of this.parts) {
      const last = part.rest + part.decoder.end();
      part.rest = '';
      if (last !== '') out.push(this.line(stream, last));
    }
    return out;
  }

  private line(stream: StreamName, raw: string): DockerLogLine {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.timestamps) return { stream, ts: null, text };
    const space = text.indexOf(' ');
    return space > 0 ? { stream, ts: text.slice(0, space), text: text.slice(space + 1) } : { stream, ts: text, text: '' };
  }
}

/** Decodes log bytes into lines: demultiplexed unless the container has a TTY (then one raw stream). */
export class LogDecoder {
  private readonly demuxer: FrameDemuxer | null;
  private readonly lines: LogLineAssembler;

  constructor(tty: boolean, timestamps: boolean) {
    this.demuxer = tty ? null : new FrameDemuxer();
    this.lines = new LogLineAssembler(timestamps);
  }

  push(chunk: Buffer): DockerLogLine[] {
    if (!this.demuxer) return this.lines.push('stdout', chunk);
    return this.demuxer.push(chunk).flatMap((f) => this.lines.push(f.stream, f.data));
  }

  end(): DockerLogLine[] {
    return this.lines.end();
  }
}
