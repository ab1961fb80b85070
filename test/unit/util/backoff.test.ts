import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/util/backoff';

describe('backoff', () => {
  it('doubles up to the cap, each delay between half and all of its ceiling', () => {
    const low = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0 });
    const high = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 1 });
    const take = (b: Backoff) => Array.from({ length: 7 }, () => b.next());
    expect(take(low)).toEqual([50, 100, 200, 400, 500, 500, 500]);
    expect(take(high)).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('spreads clients that fail together', () => {
    const draws = [0.1, 0.9];
    const delays = draws.map((r) => new Backoff({ initialMs: 1000, random: () => r }).next());
    expect(delays).toEqual([550, 950]);
  });

  it('starts over after a reset', () => {
    const b = new Backoff({ initialMs: 100, random: () => 1 });
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(100);
  });
});
