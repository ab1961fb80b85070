import { NONE, conditionOf, joined } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { bytes, bytesText, cpuMillis, cpuText, gpusIn } from './quantity';
import { listAt, metaOf, objectAt, stringAt } from './read';

export interface NodeProjection extends ObjectProjection {
  namespace: null;
  ready: boolean;
  unschedulable: boolean;
  allocatable: { cpuMillis: number; memoryBytes: number };
  /** The machine's size (what a node costs): CPU, memory and GPUs (the vendors' "<vendor>/gpu" extended resources). */
  capacity: { cpuMillis: number; memoryBytes: number; gpus: number };
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export const nodeView: ObjectView<NodeProjection> = {
  columns: columns(
    ['status', 'STATUS'],
    ['roles', 'ROLES'],
    ['version', 'VERSION'],
    ['internalIP', 'INTERNAL-IP'],
    ['cpu', 'CPU'],
    ['memory', 'MEMORY'],
    ['osImage', 'OS-IMAGE'],
    ['runtime', 'CONTAINER-RUNTIME'],
  ),
  search: ['roles', 'version', 'internalIP'],
  actionFields: (p) => ({ unschedulable: p.unschedulable }),
};

/** Roles as kubectl get nodes shows them: from node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
function rolesOf(labels: Readonly<Record<string, string>>): string[] {
  const roles = new Set<string>();
  for (const key in labels) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === 'kubernetes.io/role' && labels[key]) roles.add(labels[key]!);
  }
  return [...roles].sort();
}

/** kubectl's STATUS: Ready or NotReady from the Ready condition (Unknown without one), then SchedulingDisabled when cordoned. */
function statusOf(readyStatus: unknown, unschedulable: boolean): string {
  const parts = [readyStatus === undefined ? 'Unknown' : readyStatus === 'True' ? 'Ready' : 'NotReady'];
  if (unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

export function projectNode(raw: unknown): NodeProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const status = objectAt(objectAt(raw).status);
  const readyStatus = conditionOf(status, 'Ready')?.status;
  const ready = readyStatus === 'True';
  const unschedulable = objectAt(objectAt(raw).spec).unschedulable === true;
  const allocatable = objectAt(status.allocatable);
  const capacity = objectAt(status.capacity);
  const info = objectAt(status.nodeInfo);
  const internalIP = listAt(status.addresses)
    .map(objectAt)
    .find((a) => a.type === 'InternalIP')?.address;
  const cpu = cpuMillis(allocatable.cpu);
  const memory = bytes(allocatable.memory);
  const statusText = statusOf(readyStatus, unschedulable);
  return {
    ...objectBase(meta),
    namespace: null,
    status: statusText,
    health: !ready ? 'error' : unschedulable ? 'warning' : 'ok',
    cells: {
      status: statusText,
      roles: joined(rolesOf(meta.labels)),
      version: stringAt(info.kubeletVersion) ?? '',
      internalIP: stringAt(internalIP) ?? NONE,
      cpu: cpuText(cpu),
      memory: bytesText(memory),
      osImage: stringAt(info.osImage) ?? '',
      runtime: stringAt(info.containerRuntimeVersion) ?? '',
    },
    ready,
    unschedulable,
    allocatable: { cpuMillis: cpu, memoryBytes: memory },
    capacity: { cpuMillis: cpuMillis(capacity.cpu), memoryBytes: bytes(capacity.memory), gpus: gpusIn(capacity) },
  };
}
