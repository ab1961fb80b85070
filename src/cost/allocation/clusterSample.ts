import type { ObjectCache } from '../../kubernetes/objectCache';
import type { ClaimProjection } from '../../kubernetes/kinds/volumes';
import type { DeploymentProjection } from '../../kubernetes/kinds/deployments';
import type { NodeProjection } from '../../kubernetes/kinds/nodes';
import type { PodProjection } from '../../kubernetes/kinds/pods';
import { parseQuantity } from '../../kubernetes/kinds/quantity';
import type { Usage } from '../../kubernetes/metrics';
import type { ClaimSample, ClusterSample, NodeSample, PodSample } from './allocationStore';

const GIB = 2 ** 30;
/** The well-known label, then the beta one older clusters still set. */
const INSTANCE_TYPE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];

/** What a sample reads of one cluster: its caches and its pods' usage. */
export interface ClusterState {
  pods: ObjectCache<PodProjection>;
  nodes: ObjectCache<NodeProjection>;
  deployments: ObjectCache<DeploymentProjection>;
  /** Null while the claims are not watched (yet). */
  claims: ObjectCache<ClaimProjection> | null;
  /** By pod key ("namespace/name"); null when no source measures usage. */
  usage: ReadonlyMap<string, Usage> | null;
}

/**
 * The pod's top controller as "Kind/name": a ReplicaSet named <deployment>-<pod-template-hash>
 * belongs to that Deployment when it exists (the Deployment controller names them so).
 */
export function workloadOf(pod: PodProjection, deployments: ObjectCache<DeploymentProjection>): string {
  const owner = pod.owner;
  if (!owner) return `Pod/${pod.name}`;
  const hash = pod.labels['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    const deployment = owner.name.slice(0, -hash.length - 1);
    if (deployments.get(`${pod.namespace}/${deployment}`)) return `Deployment/${deployment}`;
  }
  return `${owner.kind}/${owner.name}`;
}

export function instanceTypeOf(labels: Readonly<Record<string, string>>): string | null {
  for (const key of INSTANCE_TYPE_LABELS) if (labels[key]) return labels[key]!;
  return null;
}

/** One sample of a cluster: running pods with a node, every node, and bound claims. */
export function sampleCluster(context: string, state: ClusterState, at: number, intervalMs: number): ClusterSample {
  const pods: PodSample[] = [];
  for (const p of state.pods.values()) {
    if (p.phase !== 'Running' || !p.node) continue;
    const used = state.usage?.get(p.key);
    pods.push({
      namespace: p.namespace,
      pod: p.name,
      node: p.node,
      workload: workloadOf(p, state.deployments),
      labels: p.labels,
      cpuRequest: p.requestCpuMillis / 1000,
      ramRequest: p.requestMemoryBytes / GIB,
      gpuRequest: p.requestGpus,
      cpuUsage: used ? used.cpuMillis / 1000 : null,
      ramUsage: used ? used.memoryBytes / GIB : null,
    });
  }
  const nodes: NodeSample[] = [];
  for (const n of state.nodes.values()) {
    // A node that reports no capacity is priced by what it can allocate.
    const cpu = n.capacity.cpuMillis || n.allocatable.cpuMillis;
    const ram = n.capacity.memoryBytes || n.allocatable.memoryBytes;
    nodes.push({ node: n.name, instanceType: instanceTypeOf(n.labels), cpu: cpu / 1000, ram: ram / GIB, gpu: n.capacity.gpus });
  }
  const claims: ClaimSample[] = [];
  for (const c of state.claims?.values() ?? []) {
    const size = parseQuantity(c.cells.capacity);
    if (c.status !== 'Bound' || size === null) continue;
    claims.push({ namespace: c.namespace, claim: c.name, labels: c.labels, storage: size / GIB });
  }
  return { context, at, intervalMs, pods, nodes, claims };
}
