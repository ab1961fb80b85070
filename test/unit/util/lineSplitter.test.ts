import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../src/util/lineSplitter';

describe('line splitter', () => {
  it('returns whole lines only, keeping a partial line for the next chunk', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('{"a":1}\n{"b"'))).toEqual(['{"a":1}']);
    expect(s.push(Buffer.from(':2}\n\n{"c":3}\n'))).toEqual(['{"b":2}', '{"c":3}']);
    expect(s.end()).toEqual([]);
  });

  it('keeps a character split across chunks whole', () => {
    const s = new LineSplitter();
    const bytes = Buffer.from('{"name":"café"}\n');
    const cut = bytes.indexOf(0xc3) + 1;
    expect(s.push(bytes.subarray(0, cut))).toEqual([]);
    expect(s.push(bytes.subarray(cut))).toEqual(['{"name":"café"}']);
  });

  it('hands over a last line that has no newline when the stream ends', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('{"a":1}'))).toEqual([]);
    expect(s.end()).toEqual(['{"a":1}']);
  });
});
