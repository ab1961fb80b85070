import { POD_PHASES, type K8sEventRow, type K8sLaggingWorkload, type K8sOverview, type K8sResourceFigures, type PodPhase } from '../contract/types';
import type { DaemonSetProjection } from './kinds/daemonsets';
import type { DeploymentProjection } from './kinds/deployments';
import type { EventProjection } from './kinds/events';
import type { NamespaceProjection } from './kinds/namespaces';
import type { NodeProjection } from './kinds/nodes';
import type { PodProjection } from './kinds/pods';
import type { StatefulSetProjection } from './kinds/statefulsets';
import type { MetricsSnapshot } from './metrics';
import type { ObjectCache } from './objectCache';
import { byText } from './sortedMatches';

export interface OverviewSources {
  namespaces: ObjectCache<NamespaceProjection>;
  nodes: ObjectCache<NodeProjection>;
  pods: ObjectCache<PodProjection>;
  deployments: ObjectCache<DeploymentProjection>;
  statefulsets: ObjectCache<StatefulSetProjection>;
  daemonsets: ObjectCache<DaemonSetProjection>;
  events: ObjectCache<EventProjection>;
  metrics: MetricsSnapshot;
}

const MAX_LAGGING = 20;
const MAX_WARNINGS = 20;

export type OverviewFigures = Pick<K8sOverview, 'nodes' | 'pods' | 'workloads' | 'namespaces' | 'warnings' | 'metrics'>;

function nodeFigures(nodes: ObjectCache<NodeProjection>, requested: K8sResourceFigures, metrics: MetricsSnapshot): OverviewFigures['nodes'] {
  const f = { total: nodes.size, ready: 0, notReady: 0, unschedulable: 0, allocatableCpuMillis: 0, allocatableMemoryBytes: 0 };
  for (const n of nodes.values()) {
    if (n.ready) f.ready++;
    else f.notReady++;
    if (n.unschedulable) f.unschedulable++;
    f.allocatableCpuMillis += n.allocatable.cpuMillis;
    f.allocatableMemoryBytes += n.allocatable.memoryBytes;
  }
  return { ...f, requested, usage: metrics.nodes };
}

/** The pods' figures and what the scheduler has promised on the nodes, in one pass over the pods. */
function podFigures(pods: ObjectCache<PodProjection>): { figures: OverviewFigures['pods']; requested: K8sResourceFigures } {
  const byPhase = Object.fromEntries(POD_PHASES.map((p) => [p, 0])) as Record<PodPhase, number>;
  let restarts = 0;
  const requested = { cpuMillis: 0, memoryBytes: 0 };
  for (const p of pods.values()) {
    byPhase[p.phase]++;
    restarts += p.restarts;
    // Promised: pods placed on a node that have not finished.
    if (p.node === null || p.phase === 'Succeeded' || p.phase === 'Failed') continue;
    requested.cpuMillis += p.requestCpuMillis;
    requested.memoryBytes += p.requestMemoryBytes;
  }
  return { figures: { total: pods.size, byPhase, restarts }, requested };
}

type Workload = DeploymentProjection | StatefulSetProjection | DaemonSetProjection;

function workloadFigures(sources: OverviewSources): OverviewFigures['workloads'] {
  const lagging: K8sLaggingWorkload[] = [];
  const kinds = [
    ['deployments', sources.deployments],
    ['statefulsets', sources.statefulsets],
    ['daemonsets', sources.daemonsets],
  ] as const;
  let total = 0;
  for (const [kind, cache] of kinds) {
    total += cache.size;
    for (const w of cache.values() as IterableIterator<Workload>) {
      if (w.ready < w.desired) lagging.push({ kind, namespace: w.namespace, name: w.name, desired: w.desired, ready: w.ready });
    }
  }
  lagging.sort((a, b) => byText(a.namespace, b.namespace) || byText(a.name, b.name) || byText(a.kind, b.kind));
  return { total, notAtDesired: lagging.length, lagging: lagging.slice(0, MAX_LAGGING) };
}

/** Newest first; events without a time last. */
export const newestFirst = (a: K8sEventRow, b: K8sEventRow): number => (b.lastSeen ?? -Infinity) - (a.lastSeen ?? -Infinity) || 0;

function warnings(events: ObjectCache<EventProjection>): K8sEventRow[] {
  const found: K8sEventRow[] = [];
  for (const e of events.values()) if (e.event.type === 'Warning') found.push(e.event);
  return found.sort(newestFirst).slice(0, MAX_WARNINGS);
}

/** A cluster's health in a few figures, computed from the caches on request (one pass per kind). */
export function overviewFigures(sources: OverviewSources): OverviewFigures {
  const pods = podFigures(sources.pods);
  return {
    nodes: nodeFigures(sources.nodes, pods.requested, sources.metrics),
    pods: pods.figures,
    workloads: workloadFigures(sources),
    namespaces: { total: sources.namespaces.size },
    warnings: warnings(sources.events),
    metrics: sources.metrics.status,
  };
}
