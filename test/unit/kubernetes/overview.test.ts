import { describe, expect, it } from 'vitest';
import type { DeploymentProjection } from '../../../src/kubernetes/kinds/deployments';
import type { NamespaceProjection } from '../../../src/kubernetes/kinds/namespaces';
import type { NodeProjection } from '../../../src/kubernetes/kinds/nodes';
import type { PodProjection } from '../../../src/kubernetes/kinds/pods';
import { ObjectCache } from '../../../src/kubernetes/objectCache';
import { overviewFigures } from '../../../src/kubernetes/overview';

function cacheOf<T extends { key: string }>(items: Partial<T>[]): ObjectCache<T & { namespace: string | null; name: string }> {
  const cache = new ObjectCache<T & { namespace: string | null; name: string }>();
  cache.replaceAll(items as (T & { namespace: string | null; name: string })[]);
  return cache;
}

describe('cluster overview', () => {
  it('adds up nodes, pods by phase, restarts and deployments short of their replicas', () => {
    const figures = overviewFigures({
      namespaces: cacheOf<NamespaceProjection>([{ key: 'a' }, { key: 'b' }]),
      nodes: cacheOf<NodeProjection>([
        { key: 'n1', ready: true, unschedulable: false, allocatable: { cpuMillis: 2000, memoryBytes: 100 } },
        { key: 'n2', ready: false, unschedulable: true, allocatable: { cpuMillis: 1500, memoryBytes: 50 } },
      ]),
      pods: cacheOf<PodProjection>([
        { key: 'a/1', phase: 'Running', restarts: 2 },
        { key: 'a/2', phase: 'Running', restarts: 0 },
        { key: 'b/1', phase: 'Pending', restarts: 5 },
        { key: 'b/2', phase: 'Failed', restarts: 1 },
      ]),
      deployments: cacheOf<DeploymentProjection>([
        { key: 'b/web', namespace: 'b', name: 'web', desired: 3, ready: 1 },
        { key: 'a/api', namespace: 'a', name: 'api', desired: 2, ready: 2 },
        { key: 'a/zero', namespace: 'a', name: 'zero', desired: 0, ready: 0 },
        { key: 'a/db', namespace: 'a', name: 'db', desired: 1, ready: 0 },
      ]),
    });
    expect(figures).toEqual({
      nodes: { total: 2, ready: 1, notReady: 1, unschedulable: 1, allocatableCpuMillis: 3500, allocatableMemoryBytes: 150 },
      pods: { total: 4, byPhase: { Pending: 1, Running: 2, Succeeded: 0, Failed: 1, Unknown: 0 }, restarts: 8 },
      deployments: {
        total: 4,
        notAtDesired: 2,
        lagging: [
          { namespace: 'a', name: 'db', desired: 1, ready: 0 },
          { namespace: 'b', name: 'web', desired: 3, ready: 1 },
        ],
      },
      namespaces: { total: 2 },
    });
  });
});
