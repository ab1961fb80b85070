import type { Projected } from './projected';
import { countAt, keyOf, listAt, metaOf, objectAt, stringAt } from './read';

export interface DeploymentProjection extends Projected {
  namespace: string;
  uid: string;
  /** spec.replicas; the API defaults it to 1. */
  desired: number;
  ready: number;
  updated: number;
  available: number;
  images: string[];
  labels: Readonly<Record<string, string>>;
  createdAt: number | null;
}

export function projectDeployment(raw: unknown): DeploymentProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const replicas = spec.replicas;
  const containers = listAt(objectAt(objectAt(spec.template).spec).containers);
  return {
    key: keyOf(meta.namespace ?? '', meta.name),
    namespace: meta.namespace ?? '',
    name: meta.name,
    uid: meta.uid,
    desired: typeof replicas === 'number' ? countAt(replicas) : 1,
    ready: countAt(status.readyReplicas),
    updated: countAt(status.updatedReplicas),
    available: countAt(status.availableReplicas),
    images: containers.map((c) => stringAt(objectAt(c).image) ?? '').filter(Boolean),
    labels: meta.labels,
    createdAt: meta.createdAt,
  };
}
