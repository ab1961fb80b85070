import { describe, expect, it } from 'vitest';
import type { K8sEventRow } from '../../../src/contract/types';
import type { DaemonSetProjection } from '../../../src/kubernetes/kinds/daemonsets';
import type { DeploymentProjection } from '../../../src/kubernetes/kinds/deployments';
import type { EventProjection } from '../../../src/kubernetes/kinds/events';
import type { NamespaceProjection } from '../../../src/kubernetes/kinds/namespaces';
import type { NodeProjection } from '../../../src/kubernetes/kinds/nodes';
import type { PodProjection } from '../../../src/kubernetes/kinds/pods';
import type { StatefulSetProjection } from '../../../src/kubernetes/kinds/statefulsets';
import type { MetricsSnapshot } from '../../../src/kubernetes/metrics';
import { ObjectCache } from '../../../src/kubernetes/objectCache';
import { overviewFigures } from '../../../src/kubernetes/overview';

function cacheOf<T extends { key: string }>(items: Partial<T>[]): ObjectCache<T & { namespace: string | null; name: string }> {
  const cache = new ObjectCache<T & { namespace: string | null; name: string }>();
  cache.replaceAll(items as (T & { namespace: string | null; name: string })[]);
  return cache;
}

const event = (key: string, type: string, lastSeen: number | null): Partial<EventProjection> => ({
  key,
  event: { type, reason: key, message: '', count: 1, firstSeen: lastSeen, lastSeen, object: { kind: 'Pod', namespace: 'a', name: 'x' }, source: 'kubelet' },
});

describe('cluster overview', () => {
  it('adds up nodes, requests of running pods, pods by phase, workloads short of desired and the newest warnings', () => {
    const metrics: MetricsSnapshot = { status: { available: true, note: null, at: 5 }, nodes: { cpuMillis: 900, memoryBytes: 80 }, pods: new Map() };
    const figures = overviewFigures({
      namespaces: cacheOf<NamespaceProjection>([{ key: 'a' }, { key: 'b' }]),
      nodes: cacheOf<NodeProjection>([
        { key: 'n1', ready: true, unschedulable: false, allocatable: { cpuMillis: 2000, memoryBytes: 100 } },
        { key: 'n2', ready: false, unschedulable: true, allocatable: { cpuMillis: 1500, memoryBytes: 50 } },
      ]),
      pods: cacheOf<PodProjection>([
        { key: 'a/1', phase: 'Running', restarts: 2, node: 'n1', requestCpuMillis: 100, requestMemoryBytes: 10 },
        { key: 'a/2', phase: 'Running', restarts: 0, node: 'n2', requestCpuMillis: 250, requestMemoryBytes: 5 },
        // Not scheduled, and finished: neither holds any request.
        { key: 'b/1', phase: 'Pending', restarts: 5, node: null, requestCpuMillis: 1000, requestMemoryBytes: 1000 },
        { key: 'b/2', phase: 'Failed', restarts: 1, node: 'n1', requestCpuMillis: 1000, requestMemoryBytes: 1000 },
      ]),
      deployments: cacheOf<DeploymentProjection>([
        { key: 'b/web', namespace: 'b', name: 'web', desired: 3, ready: 1 },
        { key: 'a/api', namespace: 'a', name: 'api', desired: 2, ready: 2 },
        { key: 'a/zero', namespace: 'a', name: 'zero', desired: 0, ready: 0 },
        { key: 'a/db', namespace: 'a', name: 'db', desired: 1, ready: 0 },
      ]),
      statefulsets: cacheOf<StatefulSetProjection>([{ key: 'a/db', namespace: 'a', name: 'db', desired: 3, ready: 2 }]),
      daemonsets: cacheOf<DaemonSetProjection>([{ key: 'k/agent', namespace: 'k', name: 'agent', desired: 2, ready: 2 }]),
      events: cacheOf<EventProjection>([event('a/old', 'Warning', 1), event('a/normal', 'Normal', 9), event('a/new', 'Warning', 5), event('a/undated', 'Warning', null)]),
      metrics,
    });
    expect(figures).toEqual({
      nodes: {
        total: 2,
        ready: 1,
        notReady: 1,
        unschedulable: 1,
        allocatableCpuMillis: 3500,
        allocatableMemoryBytes: 150,
        requested: { cpuMillis: 350, memoryBytes: 15 },
        usage: { cpuMillis: 900, memoryBytes: 80 },
      },
      pods: { total: 4, byPhase: { Pending: 1, Running: 2, Succeeded: 0, Failed: 1, Unknown: 0 }, restarts: 8 },
      workloads: {
        total: 6,
        notAtDesired: 3,
        lagging: [
          { kind: 'deployments', namespace: 'a', name: 'db', desired: 1, ready: 0 },
          { kind: 'statefulsets', namespace: 'a', name: 'db', desired: 3, ready: 2 },
          { kind: 'deployments', namespace: 'b', name: 'web', desired: 3, ready: 1 },
        ],
      },
      namespaces: { total: 2 },
      warnings: [expect.objectContaining({ reason: 'a/new' }), expect.objectContaining({ reason: 'a/old' }), expect.objectContaining({ reason: 'a/undated' })] as K8sEventRow[],
      metrics: metrics.status,
    });
  });
});
