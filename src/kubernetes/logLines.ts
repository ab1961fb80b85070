import { StringDecoder } from 'node:string_decoder';

/** The longest log line kept whole: one runaway line must not take all memory or fill a frame. */
export const MAX_LOG_LINE_CHARS = 64 * 1024;
const CUT_MARK = ' … [line cut at 64 KiB]';

/** Bytes a line takes in a message (UTF-8 and its newline). */
export const lineBytes = (line: string): number => Buffer.byteLength(line) + 1;

/**
 * Splits a log's bytes into lines as they arrive. Unlike a watch, a log keeps its empty
 * lines; a line longer than MAX_LOG_LINE_CHARS is cut and marked.
 */
export class LogLineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private cut = false;

  push(chunk: Buffer): string[] {
    return this.split(this.decoder.write(chunk));
  }

  /** The last line, when the log does not end with a newline. */
  end(): string[] {
    const lines = this.split(this.decoder.end());
    if (this.partial !== '' || this.cut) lines.push(this.finish());
    return lines;
  }

  private split(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.append(text.slice(start, nl));
      lines.push(this.finish());
      start = nl + 1;
    }
    this.append(text.slice(start));
    return lines;
  }

  private append(piece: string): void {
    if (this.cut) return;
    const room = MAX_LOG_LINE_CHARS - this.partial.length;
    if (piece.length <= room) {
      this.partial += piece;
      return;
    }
    this.partial += piece.slice(0, room);
    this.cut = true;
  }

  private finish(): string {
    const line = this.cut ? this.partial + CUT_MARK : this.partial;
    this.partial = '';
    this.cut = false;
    return line;
  }
}

/** The newest lines of a log within a line count and a byte budget; older ones drop out as newer arrive. */
export class LogTail {
  private lines: string[] = [];
  private start = 0;
  private bytes = 0;
  private dropped = false;

  constructor(
    private readonly maxLines: number,
    private readonly maxBytes: number,
  ) {}

  add(line: string): void {
    this.lines.push(line);
    this.bytes += lineBytes(line);
    while (this.lines.length - this.start > this.maxLines || (this.bytes > this.maxBytes && this.start < this.lines.length)) {
      this.bytes -= lineBytes(this.lines[this.start]!);
      this.start++;
      this.dropped = true;
    }
    // Forget dropped lines now and then, so a long log is never held whole.
    if (this.start > 1024 && this.start * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.start);
      this.start = 0;
    }
  }

  result(): { lines: string[]; truncated: boolean } {
    return { lines: this.lines.slice(this.start), truncated: this.dropped };
  }
}
