import { POD_PHASES, type K8sPodRow, type PodPhase } from '../../contract/types';
import type { Projected } from './projected';
import { bytes, cpuMillis, gpusIn } from './quantity';
import { countAt, keyOf, listAt, metaOf, objectAt, stringAt, type Json } from './read';

/** A pod as the cache keeps it: the row the table shows (usage comes from metrics), plus what queries and the overview use. */
export interface PodProjection extends Projected, Omit<K8sPodRow, 'cpuMillis' | 'memoryBytes'> {
  namespace: string;
  labels: Readonly<Record<string, string>>;
  owner: { kind: string; name: string } | null;
  /** What the scheduler reserves for the pod (see requestsOf). */
  requestCpuMillis: number;
  requestMemoryBytes: number;
  /** GPUs the containers request (extended resources: requests equal limits, and default to them). */
  requestGpus: number;
}

const PHASES = new Set<string>(POD_PHASES);

function phaseOf(status: Json): PodPhase {
  const phase = stringAt(status.phase);
  if (phase === null) return 'Pending';
  return PHASES.has(phase) ? (phase as PodPhase) : 'Unknown';
}

/** The reason a finished container gives, as kubectl words it. */
function terminatedReason(terminated: Json, prefix = ''): string {
  const reason = stringAt(terminated.reason);
  if (reason) return `${prefix}${reason}`;
  if (typeof terminated.signal === 'number' && terminated.signal !== 0) return `${prefix}Signal:${terminated.signal}`;
  return `${prefix}ExitCode:${countAt(terminated.exitCode)}`;
}

/** An init container still running or failed decides the status, as in kubectl. */
function initStatus(statuses: readonly unknown[], total: number): string | null {
  for (let i = 0; i < statuses.length; i++) {
    const state = objectAt(objectAt(statuses[i]).state);
    const terminated = objectAt(state.terminated);
    if (state.terminated !== undefined && countAt(terminated.exitCode) === 0 && !terminated.signal) continue;
    if (state.terminated !== undefined) return terminatedReason(terminated, 'Init:');
    const waiting = stringAt(objectAt(state.waiting).reason);
    if (waiting && waiting !== 'PodInitializing') return `Init:${waiting}`;
    return `Init:${i}/${total}`;
  }
  return null;
}

/** kubectl get pods' STATUS: a container's waiting or terminated reason, Init:…, Terminating, else the phase. */
function statusOf(raw: Json, status: Json, phase: PodPhase, deleting: boolean): string {
  let reason = stringAt(status.reason) || phase;
  const initTotal = listAt(objectAt(raw.spec).initContainers).length;
  const init = initStatus(listAt(status.initContainerStatuses), initTotal);
  if (init) {
    reason = init;
  } else {
    let running = false;
    const containers = listAt(status.containerStatuses);
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = objectAt(containers[i]);
      const state = objectAt(c.state);
      const waiting = stringAt(objectAt(state.waiting).reason);
      if (waiting) reason = waiting;
      else if (state.terminated !== undefined) reason = terminatedReason(objectAt(state.terminated));
      else if (c.ready === true && state.running !== undefined) running = true;
    }
    if (reason === 'Completed' && running) {
      const ready = listAt(status.conditions).some((c) => objectAt(c).type === 'Ready' && objectAt(c).status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (deleting) return stringAt(status.reason) === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

function ownerOf(refs: readonly unknown[]): PodProjection['owner'] {
  const ref = objectAt(refs.find((r) => objectAt(r).controller === true) ?? refs[0]);
  const kind = stringAt(ref.kind);
  const name = stringAt(ref.name);
  return kind && name ? { kind, name } : null;
}

function restartsOf(status: Json): number {
  let n = 0;
  for (const c of listAt(status.initContainerStatuses)) n += countAt(objectAt(c).restartCount);
  for (const c of listAt(status.containerStatuses)) n += countAt(objectAt(c).restartCount);
  return n;
}

/**
 * The pod's effective requests as the scheduler counts them: the regular containers and
 * sidecars (init containers that keep running) added up, or the largest plain init
 * container if that is more, plus the runtime overhead.
 */
function requestsOf(spec: Json): { cpu: number; memory: number } {
  const requests = (c: unknown) => objectAt(objectAt(objectAt(c).resources).requests);
  let cpu = 0;
  let memory = 0;
  let initCpu = 0;
  let initMemory = 0;
  for (const c of listAt(spec.initContainers)) {
    const r = requests(c);
    if (objectAt(c).restartPolicy === 'Always') {
      cpu += cpuMillis(r.cpu);
      memory += bytes(r.memory);
    } else {
      // A plain init container runs after the sidecars before it started, so it adds to them.
      initCpu = Math.max(initCpu, cpu + cpuMillis(r.cpu));
      initMemory = Math.max(initMemory, memory + bytes(r.memory));
    }
  }
  for (const c of listAt(spec.containers)) {
    const r = requests(c);
    cpu += cpuMillis(r.cpu);
    memory += bytes(r.memory);
  }
  const overhead = objectAt(spec.overhead);
  return { cpu: Math.max(cpu, initCpu) + cpuMillis(overhead.cpu), memory: Math.max(memory, initMemory) + bytes(overhead.memory) };
}

function gpusOf(spec: Json): number {
  let n = 0;
  for (const c of listAt(spec.containers)) {
    const resources = objectAt(objectAt(c).resources);
    n += gpusIn({ ...objectAt(resources.limits), ...objectAt(resources.requests) });
  }
  return n;
}

export function projectPod(raw: unknown): PodProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const obj = objectAt(raw);
  const status = objectAt(obj.status);
  const phase = phaseOf(status);
  const namespace = meta.namespace ?? '';
  const requests = requestsOf(objectAt(obj.spec));
  return {
    key: keyOf(namespace, meta.name),
    namespace,
    name: meta.name,
    uid: meta.uid,
    phase,
    status: statusOf(obj, status, phase, meta.deleting),
    readyContainers: listAt(status.containerStatuses).filter((c) => objectAt(c).ready === true).length,
    containers: listAt(objectAt(obj.spec).containers).length,
    restarts: restartsOf(status),
    node: stringAt(objectAt(obj.spec).nodeName) || null,
    labels: meta.labels,
    createdAt: meta.createdAt,
    owner: ownerOf(listAt(objectAt(obj.metadata).ownerReferences)),
    requestCpuMillis: requests.cpu,
    requestMemoryBytes: requests.memory,
    requestGpus: gpusOf(objectAt(obj.spec)),
  };
}
