import { describe, expect, it } from 'vitest';
import { OpsdeckError } from '../../../src/contract/errors';
import type { PodPhase } from '../../../src/contract/types';
import type { PodProjection } from '../../../src/kubernetes/kinds/pods';
import { ObjectCache } from '../../../src/kubernetes/objectCache';
import { PodQueryEngine, type PodQuery } from '../../../src/kubernetes/podQuery';

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
    ...over,
  };
}

const q = (over: Partial<PodQuery> = {}): PodQuery => ({ sort: 'name', dir: 'asc', offset: 0, limit: 100, ...over });
const names = (engine: PodQueryEngine, query: PodQuery) => engine.run(query).rows.map((r) => `${r.namespace}/${r.name}`);

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
    expect(engine.run(q({ namespace: 'shop', limit: 1, offset: 1 }))).toMatchObject({ total: 5, matched: 3, offset: 1, rows: [{ name: 'web-1' }] });
    expect(engine.run(q({ offset: 10 }))).toMatchObject({ total: 5, matched: 5, rows: [] });
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
    const page = engine.run(q({ offset: 600, limit: 10_000 }));
    expect(page.rows).toHaveLength(500);
    expect(page.rows[0]?.name).toBe('pod-0600');
    expect(page.rows.at(-1)?.name).toBe('pod-1099');
  });

  it('sees changes to the cache on the next query', () => {
    const { cache, engine } = setup();
    expect(engine.run(q({ namespace: 'shop' })).matched).toBe(3);
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
    queries.forEach((query) => engine.run(query));
    // A fixed walk of changes: every 7th pod restarts more, every 11th goes, new ones arrive.
    for (let step = 0; step < 40; step++) {
      if (step % 3 === 0) cache.upsert(make((step * 7) % 60, step));
      if (step % 5 === 0) cache.remove(`ns-${(step * 11) % 3}/pod-${(step * 11) % 60}`);
      if (step % 4 === 0) cache.upsert(make(100 + step, step % 6));
      for (const query of queries) expect(engine.run(query)).toEqual(new PodQueryEngine(cache).run(query));
    }
    cache.replaceAll([make(1, 1), make(2, 2)]);
    for (const query of queries) expect(engine.run(query)).toEqual(new PodQueryEngine(cache).run(query));
  });

  it('answers a bad label selector with BAD_REQUEST and the reason', () => {
    const { engine } = setup();
    const run = () => engine.run(q({ labelSelector: 'app in (web' }));
    expect(run).toThrow(OpsdeckError);
    expect(run).toThrow('Label selector: expected "," or ")" at position 12, found the end');
    try {
      run();
    } catch (err) {
      expect((err as OpsdeckError).code).toBe('BAD_REQUEST');
    }
  });
});
