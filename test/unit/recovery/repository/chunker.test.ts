import { describe, expect, it } from 'vitest';
import { CHUNK_MAX, CHUNK_MIN, Chunker, gearTable } from '../../../../src/recovery/repository/chunker';
import { seededBytes } from './seededBytes';

function chunk(gear: Int32Array, data: Buffer, pieceSize: number): Buffer[] {
  const chunker = new Chunker(gear);
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += pieceSize) out.push(...chunker.push(Buffer.from(data.subarray(i, i + pieceSize))));
  const last = chunker.finish();
  if (last) out.push(last);
  return out;
}

const sizes = (chunks: Buffer[]) => chunks.map((c) => c.length);

describe('content-defined chunker', () => {
  const gear = gearTable(Buffer.alloc(32, 1));
  const data = seededBytes('a', 24 * 1024 * 1024);

  it('cuts the same chunks however the stream is split, within the size bounds', () => {
    const whole = chunk(gear, data, data.length);
    expect(sizes(chunk(gear, data, 65_537))).toEqual(sizes(whole));
    expect(sizes(chunk(gear, data, 4 * 1024 * 1024))).toEqual(sizes(whole));
    expect(Buffer.concat(whole).equals(data)).toBe(true);
    expect(whole.length).toBeGreaterThan(5);
    for (const c of whole.slice(0, -1)) {
      expect(c.length).toBeGreaterThanOrEqual(CHUNK_MIN);
      expect(c.length).toBeLessThanOrEqual(CHUNK_MAX);
    }
  });

  it('keeps the chunks after an insertion: only the chunk holding it changes', () => {
    const before = chunk(gear, data, data.length).map((c) => c.toString('base64'));
    const edited = Buffer.concat([data.subarray(0, 5_000_000), Buffer.from('inserted bytes'), data.subarray(5_000_000)]);
    const after = new Set(chunk(gear, edited, edited.length).map((c) => c.toString('base64')));
    const shared = before.filter((c) => after.has(c)).length;
    expect(shared).toBeGreaterThanOrEqual(before.length - 2);
  });

  it('puts boundaries elsewhere under another repository secret', () => {
    const other = gearTable(Buffer.alloc(32, 2));
    expect(sizes(chunk(other, data, data.length))).not.toEqual(sizes(chunk(gear, data, data.length)));
  });

  it('cuts at the maximum size when the content never matches', () => {
    const zeros = Buffer.alloc(CHUNK_MAX * 2 + 10);
    const cut = sizes(chunk(gear, zeros, 1 << 20));
    expect(cut.reduce((a, b) => a + b, 0)).toBe(zeros.length);
    expect(cut.every((n) => n <= CHUNK_MAX)).toBe(true);
  });
});
