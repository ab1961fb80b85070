/** What Deployments, ReplicaSets and StatefulSets share: replicas wanted and ready, and a pod template. */
import type { K8sHealth } from '../../contract/types';
import { replicaHealth, templateCells } from './format';
import { objectBase } from './objectProjection';
import { countAt, metaOf, objectAt, type Json, type Meta } from './read';

/** The wide columns every workload ends with. */
export const WORKLOAD_COLUMNS: [string, string][] = [
  ['containers', 'CONTAINERS'],
  ['images', 'IMAGES'],
  ['selector', 'SELECTOR'],
];

/** spec.replicas, which the API defaults to 1. */
export const replicasOf = (spec: unknown): number => {
  const r = objectAt(spec).replicas;
  return typeof r === 'number' ? countAt(r) : 1;
};

export interface ReplicatedParts {
  meta: Meta;
  spec: Json;
  status: Json;
  desired: number;
  ready: number;
  available: number;
  containers: string;
  images: string;
}

/** The fields a replicated workload's projection starts from; null without a name. */
export function replicatedParts(raw: unknown): ReplicatedParts | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const { containers, images } = templateCells(spec.template);
  return {
    meta,
    spec,
    status,
    desired: replicasOf(spec),
    ready: countAt(status.readyReplicas),
    available: countAt(status.availableReplicas),
    containers,
    images,
  };
}

/** The row's fixed part: READY-style status and health from ready against desired. */
export const replicatedRow = (w: ReplicatedParts) => ({
  ...objectBase(w.meta),
  namespace: w.meta.namespace ?? '',
  status: `${w.ready}/${w.desired}`,
  health: replicaHealth(w.desired, w.ready, w.available) as K8sHealth,
});
