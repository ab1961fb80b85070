import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into lines as it arrives (a watch sends one JSON event per
 * line), keeping a partial line, or a character cut in two, for the next chunk.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  push(chunk: Buffer): string[] {
    const text = this.rest + this.decoder.write(chunk);
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    return lines.filter((l) => l.trim() !== '');
  }

  /** What is left when the stream ends: a last line without a newline. */
  end(): string[] {
    const last = this.rest + this.decoder.end();
    this.rest = '';
    return last.trim() === '' ? [] : [last];
  }
}
