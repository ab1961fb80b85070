import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../src/contract';
import type { CheckProgress } from '../../../src/contract';
import type { RecommendationProvider } from '../../../src/engines/providers';
import { CheckRunner } from '../../../src/overview/checkRunner';
import { RecommendationHub } from '../../../src/overview/recommendationHub';

const item = (id: string, priority: number, effect: Recommendation['effect'] = { text: '' }): Recommendation => ({
  id,
  engine: 'cost',
  kind: 'k',
  title: id,
  reason: '',
  evidence: [],
  effect,
  priority,
});

const provider = (engine: RecommendationProvider['engine'], items: () => Promise<Recommendation[]>): RecommendationProvider => ({ engine, recommendations: items });

describe('recommendation hub', () => {
  it('orders by priority, then risk, then saving, then id, and drops repeated ids', async () => {
    const hub = new RecommendationHub(() => 42);
    hub.register(
      provider('cost', async () => [item('b', 50, { text: '', monthlySaving: 10 }), item('a', 50, { text: '', monthlySaving: 30 }), item('z', 90)]),
      provider('readiness', async () => [item('m', 50, { text: '', risk: 'high' }), item('c', 50), item('z', 10)]),
    );
    const list = await hub.list();
    expect(list.items.map((i) => i.id)).toEqual(['z', 'm', 'a', 'b', 'c']);
    expect(list).toMatchObject({ failures: [], computedAt: 42 });
  });

  it('keeps the other engines\' items when one provider throws or never answers', async () => {
    const hub = new RecommendationHub(Date.now, 50);
    hub.register(
      provider('cost', async () => {
        throw new Error('billing export unreadable');
      }),
      provider('recovery', () => new Promise(() => undefined)),
      {
        engine: 'monitoring',
        recommendations: () => {
          throw new Error('thrown before any promise');
        },
      },
      provider('readiness', async () => [item('r', 60)]),
    );
    const list = await hub.list();
    expect(list.items.map((i) => i.id)).toEqual(['r']);
    expect(list.failures).toEqual([
      { engine: 'cost', message: 'billing export unreadable' },
      { engine: 'recovery', message: 'The recovery engine did not answer within 0.05 s' },
      { engine: 'monitoring', message: 'thrown before any promise' },
    ]);
  });
});

describe('check runner', () => {
  it('runs every check, reports each as it finishes, and sums them up; a throwing check fails alone', async () => {
    const progress: CheckProgress[] = [];
    const runner = new CheckRunner((p) => progress.push(p));
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    runner.register(
      { id: 'slow', engine: 'docker', label: 'Slow', run: async () => (await slow, { status: 'pass', summary: 'ok' }) },
      { id: 'broken', engine: 'cost', label: 'Broken', run: async () => Promise.reject(new Error('no billing export')) },
      { id: 'quick', engine: 'kubernetes', label: 'Quick', run: async () => ({ status: 'skipped', summary: 'No context is watched.' }) },
    );
    const run = runner.run();
    expect(runner.run()).toBe(run);
    await new Promise((r) => setImmediate(r));
    // The two that settle at once have reported, in whichever order; the slow one has not.
    expect(progress.map((p) => p.outcome.id).sort()).toEqual(['broken', 'quick']);
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 3],
      [2, 3],
    ]);
    release();
    const summary = await run;
    expect(progress.at(-1)).toMatchObject({ done: 3, outcome: { id: 'slow', status: 'pass' } });
    expect(summary.outcomes.map((o) => [o.id, o.status, o.summary])).toEqual([
      ['slow', 'pass', 'ok'],
      ['broken', 'fail', 'no billing export'],
      ['quick', 'skipped', 'No context is watched.'],
    ]);
    expect(summary.counts).toEqual({ pass: 1, warn: 0, fail: 1, skipped: 1 });
    expect(new Set(progress.map((p) => p.runId))).toEqual(new Set([summary.runId]));
  });
});
