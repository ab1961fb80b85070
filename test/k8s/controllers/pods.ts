/** Pods as a ReplicaSet or StatefulSet makes them, and the status of a pod that runs and is ready. */
import { isPlainObject } from '../json';
import { fnv1a32 } from './naming';
import { rfc3339 } from '../time';
import type { Condition, K8sObject, OwnerReference, Pod, PodTemplate } from '../types';

export function ownerRef(owner: K8sObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name as string,
    uid: owner.metadata.uid as string,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function podIP(n: number): string {
  return `10.244.${(n >> 8) & 255}.${n & 255}`;
}

export interface Placement {
  nodeName?: string;
  hostIP?: string;
  podIP: string;
}

export function readyConditions(at: string): Condition[] {
  return [
    { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at },
    { type: 'Initialized', status: 'True', lastTransitionTime: at },
    { type: 'Ready', status: 'True', lastTransitionTime: at },
    { type: 'ContainersReady', status: 'True', lastTransitionTime: at },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: at },
  ];
}

/** 64 hex digits derived from a seed (xorshift32 from its FNV hash). */
function containerId(seed: string): string {
  let x = fnv1a32(seed) || 1;
  let out = '';
  for (let k = 0; k < 8; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += (x >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

export function runningContainerStatuses(spec: Pod['spec'], at: string, seed: string): Array<Record<string, unknown>> {
  return spec.containers.map((c, i) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    containerID: `containerd://${containerId(`${seed}/${i}`)}`,
    ready: true,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: at } },
  }));
}

/** The status of a scheduled, running, ready pod. */
export function runningStatus(pod: Pod, placement: Placement, now: Date, seed: string): Pod['status'] {
  const at = rfc3339(now);
  return {
    phase: 'Running',
    conditions: readyConditions(at),
    ...(placement.hostIP ? { hostIP: placement.hostIP, hostIPs: [{ ip: placement.hostIP }] } : {}),
    podIP: placement.podIP,
    podIPs: [{ ip: placement.podIP }],
    startTime: at,
    containerStatuses: runningContainerStatuses(pod.spec, at, seed),
    qosClass: 'BestEffort',
  };
}

/** A running pod from a template; `extraLabels` join the template's labels. */
export function podFromTemplate(
  template: PodTemplate,
  owner: K8sObject,
  name: string,
  placement: Placement,
  now: Date,
  extraLabels: Record<string, string> = {},
  generateName?: string,
): Pod {
  const meta = template.metadata ?? {};
  const spec: Pod['spec'] = {
    ...template.spec,
    ...(placement.nodeName ? { nodeName: placement.nodeName } : {}),
    serviceAccountName: (template.spec.serviceAccountName as string | undefined) ?? 'default',
    enableServiceLinks: (template.spec.enableServiceLinks as boolean | undefined) ?? true,
    priority: 0,
  };
  const pod: Pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name,
      ...(generateName ? { generateName } : {}),
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels ?? {}), ...extraLabels },
      ...(meta.annotations && Object.keys(meta.annotations).length ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec,
  };
  pod.status = runningStatus(pod, placement, now, `${pod.metadata.namespace}/${name}`);
  return pod;
}

export function isPodReady(pod: K8sObject): boolean {
  const status = pod.status;
  if (!isPlainObject(status) || !Array.isArray(status.conditions)) return false;
  return status.conditions.some((c) => isPlainObject(c) && c.type === 'Ready' && c.status === 'True');
}

export function isPodActive(pod: K8sObject): boolean {
  const phase = isPlainObject(pod.status) ? pod.status.phase : undefined;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}
