import crypto from 'node:crypto';

export const CHUNK_MIN = 512 * 1024;
export const CHUNK_AVG = 1024 * 1024;
export const CHUNK_MAX = 8 * 1024 * 1024;

// Normalized chunking (FastCDC): a stricter mask before the average size, a looser one after,
// so chunk sizes gather around the average. The gear hash shifts one bit per byte, so its top
// bits depend on the last 32 bytes: the masks test those.
const MASK_STRICT = 0xfffffc00 | 0; // 22 bits
const MASK_LOOSE = 0xffffc000 | 0; // 18 bits

/** The gear table, derived from the repository's secret so boundaries do not reveal content. */
export function gearTable(seed: Buffer): Int32Array {
  const table = new Int32Array(256);
  for (let block = 0; block < 32; block++) {
    const bytes = crypto.createHmac('sha256', seed).update(`gear-${block}`).digest();
    for (let i = 0; i < 8; i++) table[block * 8 + i] = bytes.readInt32LE(i * 4);
  }
  return table;
}

/**
 * Content-defined chunking over a byte stream fed in pieces of any size: the same bytes give the
 * same chunks however they were split. Buffers given to `push` must not be reused by the caller.
 */
export class Chunker {
  private parts: Buffer[] = [];
  private length = 0;
  private hash = 0;

  constructor(private readonly gear: Int32Array) {}

  /** Feeds bytes; returns the chunks they completed. */
  push(data: Buffer): Buffer[] {
    const chunks: Buffer[] = [];
    let start = 0;
    while (start < data.length) {
      const cut = this.findCut(data, start);
      if (cut < 0) {
        this.parts.push(data.subarray(start));
        break;
      }
      this.parts.push(data.subarray(start, cut));
      chunks.push(this.take());
      start = cut;
    }
    return chunks;
  }

  /** The last chunk, when bytes are left over at the end of the stream. */
  finish(): Buffer | null {
    return this.length > 0 || this.parts.length > 0 ? this.take() : null;
  }

  private take(): Buffer {
    const chunk = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.length = 0;
    this.hash = 0;
    return chunk;
  }

  /** Index in `data` where the current chunk ends, or -1 when it goes on past `data`; updates the state. */
  private findCut(data: Buffer, start: number): number {
    const gear = this.gear;
    const end = data.length;
    let i = start;
    let length = this.length;
    let h = this.hash;
    if (length < CHUNK_MIN) {
      const skip = Math.min(CHUNK_MIN - length, end - i);
      i += skip;
      length += skip;
      if (length < CHUNK_MIN) {
        this.length = length;
        return -1;
      }
    }
    const strictEnd = Math.min(end, i + Math.max(0, CHUNK_AVG - length));
    const from = i;
    for (; i < strictEnd; i++) {
      h = ((h << 1) + gear[data[i]!]!) | 0;
      if ((h & MASK_STRICT) === 0) return i + 1;
    }
    length += i - from;
    const looseEnd = Math.min(end, i + (CHUNK_MAX - length));
    const from2 = i;
    for (; i < looseEnd; i++) {
      h = ((h << 1) + gear[data[i]!]!) | 0;
      if ((h & MASK_LOOSE) === 0) return i + 1;
    }
    length += i - from2;
    if (length >= CHUNK_MAX) return i;
    this.length = length;
    this.hash = h;
    return -1;
  }
}
