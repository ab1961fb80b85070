import { POD_PHASES, type K8sLaggingDeployment, type K8sOverview, type PodPhase } from '../contract/types';
import type { DeploymentProjection } from './kinds/deployments';
import type { NamespaceProjection } from './kinds/namespaces';
import type { NodeProjection } from './kinds/nodes';
import type { PodProjection } from './kinds/pods';
import type { ObjectCache } from './objectCache';

export interface OverviewSources {
  namespaces: ObjectCache<NamespaceProjection>;
  nodes: ObjectCache<NodeProjection>;
  pods: ObjectCache<PodProjection>;
  deployments: ObjectCache<DeploymentProjection>;
}

const MAX_LAGGING = 20;

export type OverviewFigures = Pick<K8sOverview, 'nodes' | 'pods' | 'deployments' | 'namespaces'>;

function nodeFigures(nodes: ObjectCache<NodeProjection>): OverviewFigures['nodes'] {
  const f = { total: nodes.size, ready: 0, notReady: 0, unschedulable: 0, allocatableCpuMillis: 0, allocatableMemoryBytes: 0 };
  for (const n of nodes.values()) {
    if (n.ready) f.ready++;
    else f.notReady++;
    if (n.unschedulable) f.unschedulable++;
    f.allocatableCpuMillis += n.allocatable.cpuMillis;
    f.allocatableMemoryBytes += n.allocatable.memoryBytes;
  }
  return f;
}

function podFigures(pods: ObjectCache<PodProjection>): OverviewFigures['pods'] {
  const byPhase = Object.fromEntries(POD_PHASES.map((p) => [p, 0])) as Record<PodPhase, number>;
  let restarts = 0;
  for (const p of pods.values()) {
    byPhase[p.phase]++;
    restarts += p.restarts;
  }
  return { total: pods.size, byPhase, restarts };
}

function deploymentFigures(deployments: ObjectCache<DeploymentProjection>): OverviewFigures['deployments'] {
  const lagging: K8sLaggingDeployment[] = [];
  for (const d of deployments.values()) {
    if (d.ready < d.desired) lagging.push({ namespace: d.namespace, name: d.name, desired: d.desired, ready: d.ready });
  }
  lagging.sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
  return { total: deployments.size, notAtDesired: lagging.length, lagging: lagging.slice(0, MAX_LAGGING) };
}

/** A cluster's health in a few figures, computed from the caches on request (one pass per kind). */
export function overviewFigures(sources: OverviewSources): OverviewFigures {
  return {
    nodes: nodeFigures(sources.nodes),
    pods: podFigures(sources.pods),
    deployments: deploymentFigures(sources.deployments),
    namespaces: { total: sources.namespaces.size },
  };
}
