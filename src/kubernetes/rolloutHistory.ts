import type { K8sRevision } from '../contract/types';
import { objectPath } from './kinds/registry';
import { replicasOf } from './kinds/workload';
import { listAt, objectAt, stringAt, timeAt, type Json } from './kinds/read';
import type { KubeSession } from './kubeApi';
import { templateKey } from './podTemplate';

export const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const seg = encodeURIComponent;

/** The ReplicaSets a Deployment controls (by controller reference to its uid), as kubectl finds them. */
export async function ownedReplicaSets(s: KubeSession, signal: AbortSignal, ns: string, deploymentUid: unknown): Promise<Json[]> {
  const sets = objectAt(await s.getJson(`/apis/apps/v1/namespaces/${seg(ns)}/replicasets`, signal));
  return listAt(sets.items)
    .map(objectAt)
    .filter((rs) => listAt(objectAt(rs.metadata).ownerReferences).some((o) => objectAt(o).uid === deploymentUid && objectAt(o).controller === true));
}

/** A ReplicaSet's revision: 0 without the annotation, null when it is not a number (kubectl skips those). */
function revisionOf(annotations: Json): number | null {
  const text = annotations[REVISION];
  if (text === undefined) return 0;
  const n = typeof text === 'string' && /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A Deployment's revisions from its ReplicaSets, newest first, as `kubectl rollout history`
 * lists them: one per revision number, with the change-cause of the ReplicaSet (else of its
 * template). The current one runs the Deployment's template, else it is the newest.
 */
export function revisionsOf(deployment: Json, replicaSets: readonly Json[]): K8sRevision[] {
  // The Deployment's template, made comparable once rather than once per ReplicaSet.
  const template = templateKey(objectAt(deployment.spec).template);
  const byRevision = new Map<number, K8sRevision>();
  for (const rs of replicaSets) {
    const meta = objectAt(rs.metadata);
    const annotations = objectAt(meta.annotations);
    const revision = revisionOf(annotations);
    if (revision === null) continue;
    const spec = objectAt(rs.spec);
    const rsTemplate = objectAt(spec.template);
    const cause = stringAt(annotations[CHANGE_CAUSE]) || stringAt(objectAt(objectAt(rsTemplate.metadata).annotations)[CHANGE_CAUSE]) || null;
    const entry: K8sRevision = {
      revision,
      replicaSet: stringAt(meta.name) ?? '',
      changeCause: cause,
      images: listAt(objectAt(rsTemplate.spec).containers).map((c) => stringAt(objectAt(c).image) ?? ''),
      createdAt: timeAt(meta.creationTimestamp),
      replicas: replicasOf(spec),
      current: templateKey(rsTemplate) === template,
    };
    if (!byRevision.get(revision)?.current) byRevision.set(revision, entry);
  }
  const revisions = [...byRevision.values()].sort((a, b) => b.revision - a.revision);
  if (revisions.length && !revisions.some((r) => r.current)) revisions[0]!.current = true;
  return revisions;
}

/** Reads a Deployment and its ReplicaSets fresh from the API server and lists its revisions. */
export async function readRolloutHistory(s: KubeSession, signal: AbortSignal, ns: string, name: string): Promise<K8sRevision[]> {
  const deployment = objectAt(await s.getJson(objectPath('deployments', ns, name), signal));
  const sets = await ownedReplicaSets(s, signal, ns, objectAt(deployment.metadata).uid);
  return revisionsOf(deployment, sets);
}
