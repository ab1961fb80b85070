import { describe, expect, it } from 'vitest';
import { LogLineSplitter, LogTail, MAX_LOG_LINE_CHARS } from '../../../src/kubernetes/logLines';

const b = (s: string) => Buffer.from(s);

describe('LogLineSplitter', () => {
  it('keeps empty lines and joins lines and characters split across chunks', () => {
    const s = new LogLineSplitter();
    const euro = b('€');
    expect(s.push(b('one\n\ntw'))).toEqual(['one', '']);
    expect(s.push(Buffer.concat([b('o '), euro.subarray(0, 1)]))).toEqual([]);
    expect(s.push(Buffer.concat([euro.subarray(1), b('\nlast')]))).toEqual(['two €']);
    expect(s.end()).toEqual(['last']);
  });

  it('gives no extra line when the log ends with a newline', () => {
    const s = new LogLineSplitter();
    expect(s.push(b('a\n'))).toEqual(['a']);
    expect(s.end()).toEqual([]);
  });

  it('cuts a runaway line and marks it, then goes on with the next', () => {
    const s = new LogLineSplitter();
    const long = 'x'.repeat(MAX_LOG_LINE_CHARS + 10);
    expect(s.push(b(long.slice(0, 1000)))).toEqual([]);
    const [cut, next] = s.push(b(`${long.slice(1000)}\nnext\n`));
    expect(cut!.startsWith('x'.repeat(MAX_LOG_LINE_CHARS))).toBe(true);
    expect(cut!.slice(MAX_LOG_LINE_CHARS)).toBe(' … [line cut at 64 KiB]');
    expect(next).toBe('next');
  });
});

describe('LogTail', () => {
  it('keeps the newest lines within the count and says it dropped some', () => {
    const t = new LogTail(2, 1000);
    for (const l of ['a', 'b', 'c']) t.add(l);
    expect(t.result()).toEqual({ lines: ['b', 'c'], truncated: true });
  });

  it('keeps the newest lines within the byte budget', () => {
    const t = new LogTail(100, 8);
    for (const l of ['aaa', 'bbb', 'ccc']) t.add(l);
    expect(t.result()).toEqual({ lines: ['bbb', 'ccc'], truncated: true });
  });

  it('is not truncated when everything fits', () => {
    const t = new LogTail(3, 100);
    for (const l of ['a', '', 'c']) t.add(l);
    expect(t.result()).toEqual({ lines: ['a', '', 'c'], truncated: false });
  });

  it('keeps the right lines across its internal compaction', () => {
    const t = new LogTail(10, 1_000_000);
    for (let i = 0; i < 5000; i++) t.add(String(i));
    expect(t.result().lines).toEqual(Array.from({ length: 10 }, (_, i) => String(4990 + i)));
  });
});
