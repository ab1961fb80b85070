import { describe, expect, it } from 'vitest';
import type { PodProjection } from '../../../src/kubernetes/kinds/pods';
import { ObjectCache } from '../../../src/kubernetes/objectCache';

const pod = (namespace: string, name: string, restarts = 0) =>
  ({ key: `${namespace}/${name}`, namespace, name, restarts, labels: {} }) as unknown as PodProjection;

describe('object cache', () => {
  it('indexes by namespace and keeps the index right through updates and deletes', () => {
    const cache = new ObjectCache<PodProjection>();
    cache.replaceAll([pod('a', 'x'), pod('a', 'y'), pod('b', 'x')]);
    expect([...cache.inNamespace('a')].map((p) => p.name)).toEqual(['x', 'y']);
    expect(cache.countIn('b')).toBe(1);
    cache.remove('b/x');
    expect(cache.countIn('b')).toBe(0);
    expect([...cache.inNamespace('b')]).toEqual([]);
    cache.upsert(pod('a', 'x', 3));
    expect(cache.get('a/x')?.restarts).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('counts a change only when a projection really differs', () => {
    const cache = new ObjectCache<PodProjection>();
    expect(cache.replaceAll([pod('a', 'x')])).toBe(true);
    const v = cache.version;
    expect(cache.upsert(pod('a', 'x'))).toBe(false);
    expect(cache.replaceAll([pod('a', 'x')])).toBe(false);
    expect(cache.remove('a/nope')).toBe(false);
    expect(cache.version).toBe(v);
    expect(cache.upsert(pod('a', 'x', 1))).toBe(true);
    expect(cache.version).toBe(v + 1);
  });
});
