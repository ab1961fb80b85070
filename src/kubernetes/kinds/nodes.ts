import type { Projected } from './projected';
import { bytes, cpuMillis } from './quantity';
import { keyOf, listAt, metaOf, objectAt, stringAt } from './read';

export interface NodeProjection extends Projected {
  namespace: null;
  ready: boolean;
  unschedulable: boolean;
  roles: string[];
  capacity: { cpuMillis: number; memoryBytes: number };
  allocatable: { cpuMillis: number; memoryBytes: number };
  kubeletVersion: string | null;
  labels: Readonly<Record<string, string>>;
  createdAt: number | null;
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** Roles as kubectl get nodes shows them: from node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
function rolesOf(labels: Readonly<Record<string, string>>): string[] {
  const roles = new Set<string>();
  for (const key in labels) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && labels[key]) roles.add(labels[key]!);
  }
  return [...roles].sort();
}

export function projectNode(raw: unknown): NodeProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const status = objectAt(objectAt(raw).status);
  const ready = listAt(status.conditions).some((c) => objectAt(c).type === 'Ready' && objectAt(c).status === 'True');
  const capacity = objectAt(status.capacity);
  const allocatable = objectAt(status.allocatable);
  return {
    key: keyOf(null, meta.name),
    namespace: null,
    name: meta.name,
    ready,
    unschedulable: objectAt(objectAt(raw).spec).unschedulable === true,
    roles: rolesOf(meta.labels),
    capacity: { cpuMillis: cpuMillis(capacity.cpu), memoryBytes: bytes(capacity.memory) },
    allocatable: { cpuMillis: cpuMillis(allocatable.cpu), memoryBytes: bytes(allocatable.memory) },
    kubeletVersion: stringAt(objectAt(status.nodeInfo).kubeletVersion),
    labels: meta.labels,
    createdAt: meta.createdAt,
  };
}
