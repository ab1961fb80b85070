import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogBatcher, type LogBatch } from '../../../src/util/logBatcher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function batcher(options: { maxChunkLines?: number; maxChunkBytes?: number; maxPendingBytes?: number } = {}) {
  const sent: LogBatch<string>[] = [];
  let drained = 0;
  // A line's size is its length plus a newline, as for log text.
  const b = new LogBatcher<string>({ windowMs: 100, sizeOf: (l) => l.length + 1, ...options, send: (batch) => sent.push(batch), drained: () => drained++ });
  return { b, sent, drained: () => drained };
}

describe('LogBatcher', () => {
  it('sends what arrived within a window as one chunk, no sooner than the window allows', () => {
    const { b, sent } = batcher();
    b.add(['a']);
    b.add(['b', 'c']);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([{ lines: ['a', 'b', 'c'], ended: false, error: null }]);
    b.add(['d']);
    vi.advanceTimersByTime(99);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.at(-1)).toEqual({ lines: ['d'], ended: false, error: null });
  });

  it('splits a burst into chunks of bounded lines and bytes', () => {
    const { b, sent } = batcher({ maxChunkLines: 3, maxChunkBytes: 10 });
    b.add(['1', '2', '3', '4', '5']);
    b.add(['xxxxxxxx', 'y']);
    vi.advanceTimersByTime(0);
    expect(sent.map((c) => c.lines)).toEqual([['1', '2', '3'], ['4', '5'], ['xxxxxxxx'], ['y']]);
  });

  it('says when it is full and tells the reader once a send made room', () => {
    const { b, drained } = batcher({ maxPendingBytes: 6 });
    b.add(['ab', 'cd']);
    expect(b.full).toBe(true);
    vi.advanceTimersByTime(0);
    expect(b.full).toBe(false);
    expect(drained()).toBe(1);
  });

  it('ends with the lines left and the reason in the last chunk, and sends nothing after', () => {
    const { b, sent } = batcher({ maxChunkLines: 2 });
    b.add(['a', 'b', 'c']);
    b.end('pods "x" not found');
    expect(sent).toEqual([
      { lines: ['a', 'b'], ended: false, error: null },
      { lines: ['c'], ended: true, error: 'pods "x" not found' },
    ]);
    b.add(['late']);
    b.end(null);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });

  it('ends with an empty chunk when nothing is waiting', () => {
    const { b, sent } = batcher();
    b.end(null);
    expect(sent).toEqual([{ lines: [], ended: true, error: null }]);
  });

  it('sends nothing once cancelled', () => {
    const { b, sent } = batcher();
    b.add(['a']);
    b.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });
});
