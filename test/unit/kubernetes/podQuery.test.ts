import { describe, expect, it } from 'vitest';
import { OpsdeckError } from '../../../src/contract/errors';
import type { PodPhase } from '../../../src/contract/types';
import type { PodProjection } from '../../../src/kubernetes/kinds/pods';
import { ObjectCache } from '../../../src/kubernetes/objectCache';
import type { MetricsSnapshot } from '../../../src/kubernetes/metrics';
import { PodQueryEngine, type PodQuery } from '../../../src/kubernetes/podQuery';

const NO_METRICS: MetricsSnapshot = { status: { available: false, note: null, at: null }, nodes: null, pods: new Map() };

function pod(namespace: string, name: string, over: Partial<PodProjection> = {}): PodProjection {
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    uid: `${namespace}-${name}`,
    phase: 'Running',
    status: 'Running',
    readyContainers: 1,
    containers: 1,
    restarts: 0,
    node: 'node-1',
    labels: {},
    createdAt: 1_000,
    owner: null,
    requestCpuMillis: 0,
    requestMemoryBytes: 0,
    requestGpus: 0,
    ...over,
  };
}

const q = (over: Partial<PodQuery> = {}): PodQuery => ({ sort: 'name', dir: 'asc', offset: 0, limit: 100, ...over });
const names = (engine: PodQueryEngine, query: PodQuery) => engine.run(query, NO_METRICS).rows.map((r) => `${r.namespace}/${r.name}`);

function setup() {
  const cache = new ObjectCache<PodProjection>();
  cache.replaceAll([
    pod('shop', 'web-1', { labels: { app: 'web', tier: 'frontend' }, createdAt: 3_000, restarts: 4 }),
    pod('shop', 'web-2', { labels: { app: 'web', tier: 'frontend' }, createdAt: 1_000, phase: 'Pending', status: 'ContainerCreating' }),
    pod('shop', 'db-0', { labels: { app: 'db', tier: 'backend' }, createdAt: 2_000, restarts: 1 }),
    pod('billing', 'web-1', { labels: { app: 'web' }, createdAt: 4_000, phase: 'Failed', status: 'Error' }),
    pod('kube-system', 'coredns-abc', { labels: { 'k8s-app': 'kube-dns' }, createdAt: 500 }),
  ]);
  return { cache, engine: new PodQueryEngine(cache) };
}

describe('pod query', () => {
  it('filters by namespace, text, phase and label selector together', () => {
    const { engine } = setup();
    expect(names(engine, q({ namespace: 'shop' }))).toEqual(['shop/db-0', 'shop/web-1', 'shop/web-2']);
    expect(names(engine, q({ text: 'WEB' }))).toEqual(['billing/web-1', 'shop/web-1', 'shop/web-2']);
    expect(names(engine, q({ phase: 'Pending' }))).toEqual(['shop/web-2']);
    expect(names(engine, q({ labelSelector: 'app=web,tier in (frontend)' }))).toEqual(['shop/web-1', 'shop/web-2']);
    expect(names(engine, q({ labelSelector: '!tier' }))).toEqual(['kube-system/coredns-abc', 'billing/web-1']);
    expect(names(engine, q({ namespace: 'shop', text: 'web', phase: 'Running' as PodPhase }))).toEqual(['shop/web-1']);
    expect(names(engine, q({ namespace: 'nowhere' }))).toEqual([]);
  });

  it('counts every pod and the matches, whatever the page', () => {
    const { engine } = setup();
    expect(engine.run(q({ namespace: 'shop', limit: 1, offset: 1 }), NO_METRICS)).toMatchObject({ total: 5, matched: 3, offset: 1, rows: [{ name: 'web-1' }] });
    expect(engine.run(q({ offset: 10 }), NO_METRICS)).toMatchObject({ total: 5, matched: 5, rows: [] });
  });

  it.each([
    ['name', 'asc', ['kube-system/coredns-abc', 'shop/db-0', 'billing/web-1', 'shop/web-1', 'shop/web-2']],
    ['namespace', 'asc', ['billing/web-1', 'kube-system/coredns-abc', 'shop/db-0', 'shop/web-1', 'shop/web-2']],
    ['age', 'asc', ['billing/web-1', 'shop/web-1', 'shop/db-0', 'shop/web-2', 'kube-system/coredns-abc']],
    ['restarts', 'desc', ['shop/web-1', 'shop/db-0', 'shop/web-2', 'kube-system/coredns-abc', 'billing/web-1']],
    ['status', 'asc', ['shop/web-2', 'billing/web-1', 'kube-system/coredns-abc', 'shop/db-0', 'shop/web-1']],
  ] as const)('sorts by %s %s with a stable tie-break', (sort, dir, expected) => {
    const { engine } = setup();
    expect(names(engine, q({ sort, dir }))).toEqual(expected);
  });

  it('pages through one sorted result and caps a page at 500 rows', () => {
    const cache = new ObjectCache<PodProjection>();
    cache.replaceAll(Array.from({ length: 1200 }, (_, i) => pod('ns', `pod-${String(i).padStart(4, '0')}`)));
    const engine = new PodQueryEngine(cache);
    const page = engine.run(q({ offset: 600, limit: 10_000 }), NO_METRICS);
    expect(page.rows).toHaveLength(500);
    expect(page.rows[0]?.name).toBe('pod-0600');
    expect(page.rows.at(-1)?.name).toBe('pod-1099');
  });

  it('sees changes to the cache on the next query', () => {
    const { cache, engine } = setup();
    expect(engine.run(q({ namespace: 'shop' }), NO_METRICS).matched).toBe(3);
    cache.upsert(pod('shop', 'cache-0'));
    cache.remove('shop/web-2');
    expect(names(engine, q({ namespace: 'shop' }))).toEqual(['shop/cache-0', 'shop/db-0', 'shop/web-1']);
    cache.upsert(pod('shop', 'db-0', { labels: { app: 'db', tier: 'backend' }, createdAt: 2_000, restarts: 9 }));
    expect(names(engine, q({ sort: 'restarts', dir: 'desc', limit: 1 }))).toEqual(['shop/db-0']);
  });

  it('keeps a patched result equal to a fresh sort through adds, updates, deletes and relists', () => {
    const cache = new ObjectCache<PodProjection>();
    const make = (i: number, restarts: number) => pod(`ns-${i % 3}`, `pod-${i}`, { restarts, labels: { app: i % 2 ? 'web' : 'db' } });
    cache.replaceAll(Array.from({ length: 60 }, (_, i) => make(i, i % 4)));
    const engine = new PodQueryEngine(cache);
    const queries = [q({ sort: 'restarts', dir: 'desc' }), q({ labelSelector: 'app=web', sort: 'name' }), q({ namespace: 'ns-1', sort: 'age' })];
    queries.forEach((query) => engine.run(query, NO_METRICS));
    // A fixed walk of changes: every 7th pod restarts more, every 11th goes, new ones arrive.
    for (let step = 0; step < 40; step++) {
      if (step % 3 === 0) cache.upsert(make((step * 7) % 60, step));
      if (step % 5 === 0) cache.remove(`ns-${(step * 11) % 3}/pod-${(step * 11) % 60}`);
      if (step % 4 === 0) cache.upsert(make(100 + step, step % 6));
      for (const query of queries) expect(engine.run(query, NO_METRICS)).toEqual(new PodQueryEngine(cache).run(query, NO_METRICS));
    }
    cache.replaceAll([make(1, 1), make(2, 2)]);
    for (const query of queries) expect(engine.run(query, NO_METRICS)).toEqual(new PodQueryEngine(cache).run(query, NO_METRICS));
  });

  it('keeps results and column orders equal to a fresh sort through large batches of changes', () => {
    const cache = new ObjectCache<PodProjection>();
    const make = (i: number, restarts: number) => pod(`ns-${i % 5}`, `pod-${String(i).padStart(3, '0')}`, { restarts, createdAt: i % 11, labels: { app: i % 2 ? 'web' : 'db' } });
    cache.replaceAll(Array.from({ length: 300 }, (_, i) => make(i, i % 7)));
    const engine = new PodQueryEngine(cache);
    const queries = [
      q({ sort: 'restarts', dir: 'desc', limit: 500 }),
      q({ text: 'pod-1', sort: 'restarts', limit: 500 }),
      q({ labelSelector: 'app=web', sort: 'name', dir: 'desc', limit: 500 }),
      q({ phase: 'Running', sort: 'age', limit: 500 }),
    ];
    for (let round = 0; round < 5; round++) {
      for (const query of queries) expect(engine.run(query, NO_METRICS)).toEqual(new PodQueryEngine(cache).run(query, NO_METRICS));
      // Hundreds of changes between two queries, some pods changing twice and some going.
      for (let i = 0; i < 150; i++) {
        const n = (round * 37 + i * 13) % 300;
        cache.upsert(make(n, round * 10 + (i % 9)));
        if (i % 10 === 0) cache.upsert(make(n, round * 10 + 9));
        if (i % 15 === 0) cache.remove(`ns-${(n + 1) % 5}/pod-${String((n + 1) % 300).padStart(3, '0')}`);
        if (i % 20 === 0) cache.upsert(make(300 + round * 10 + i / 20, i % 5));
      }
    }
  });

  it('stays equal to a fresh sort across more changes between two queries than the cache journals', () => {
    const cache = new ObjectCache<PodProjection>();
    const make = (i: number, restarts: number) => pod('ns', `pod-${String(i).padStart(3, '0')}`, { restarts });
    cache.replaceAll(Array.from({ length: 200 }, (_, i) => make(i, 0)));
    const engine = new PodQueryEngine(cache);
    const queries = [q({ sort: 'restarts', dir: 'desc', limit: 500 }), q({ text: 'pod-1', sort: 'restarts', limit: 500 })];
    queries.forEach((query) => engine.run(query, NO_METRICS));
    for (let i = 1; i <= 10_000; i++) cache.upsert(make(i % 200, i));
    for (const query of queries) expect(engine.run(query, NO_METRICS)).toEqual(new PodQueryEngine(cache).run(query, NO_METRICS));
  });

  it('sorts by usage from metrics.k8s.io with unreported pods last in either direction, and shows the figures', () => {
    const { engine } = setup();
    const usage = (cpuMillis: number, memoryBytes: number) => ({ cpuMillis, memoryBytes });
    const metrics: MetricsSnapshot = {
      status: { available: true, note: null, at: 1 },
      nodes: usage(0, 0),
      pods: new Map([
        ['shop/web-1', usage(300, 10)],
        ['shop/db-0', usage(100, 30)],
        ['billing/web-1', usage(200, 20)],
      ]),
    };
    const order = (sort: 'cpu' | 'memory', dir: 'asc' | 'desc') => engine.run(q({ sort, dir }), metrics).rows.map((r) => `${r.namespace}/${r.name}`);
    expect(order('cpu', 'desc')).toEqual(['shop/web-1', 'billing/web-1', 'shop/db-0', 'kube-system/coredns-abc', 'shop/web-2']);
    expect(order('cpu', 'asc')).toEqual(['shop/db-0', 'billing/web-1', 'shop/web-1', 'kube-system/coredns-abc', 'shop/web-2']);
    expect(order('memory', 'desc')).toEqual(['shop/db-0', 'billing/web-1', 'shop/web-1', 'kube-system/coredns-abc', 'shop/web-2']);
    expect(engine.run(q({ namespace: 'shop' }), metrics).rows.map((r) => [r.name, r.cpuMillis, r.memoryBytes])).toEqual([
      ['db-0', 100, 30],
      ['web-1', 300, 10],
      ['web-2', null, null],
    ]);
    // A new reading reorders a kept result.
    const next: MetricsSnapshot = { ...metrics, status: { ...metrics.status, at: 2 }, pods: new Map([['shop/web-2', usage(999, 1)]]) };
    expect(engine.run(q({ sort: 'cpu', dir: 'desc', limit: 1 }), next).rows[0]?.name).toBe('web-2');
  });

  it('answers a bad label selector with BAD_REQUEST and the reason', () => {
    const { engine } = setup();
    const run = () => engine.run(q({ labelSelector: 'app in (web' }), NO_METRICS);
    expect(run).toThrow(OpsdeckError);
    expect(run).toThrow('Label selector: expected "," or ")" at position 12, found the end');
    try {
      run();
    } catch (err) {
      expect((err as OpsdeckError).code).toBe('BAD_REQUEST');
    }
  });
});
