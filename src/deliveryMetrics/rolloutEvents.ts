/**
 * A cluster's rollout history from its Deployments and their ReplicaSets. Each ReplicaSet keeps
 * its revision and, when undo reused it, the revisions it had before (revision-history). A new
 * revision is dated at its ReplicaSet's creation; a rollback is dated at the revision it undid
 * (the cluster records nothing later that is sure to precede it), so it is never dated too late.
 */
import { conditionOf } from '../kubernetes/kinds/format';
import { listAt, objectAt, stringAt, timeAt, type Json } from '../kubernetes/kinds/read';
import { REVISION } from '../kubernetes/rolloutHistory';
import type { FailedRollout, RolloutEvent } from './deliveryMath';

export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
/** Set on a Deployment's pod template (RFC 3339, e.g. by CI): when the deployed commit was made. */
export const COMMIT_TIME_ANNOTATION = 'opsdeck.io/commit-time';

const toInt = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s) : null);

interface Held {
  revision: number;
  rs: Json;
  /** The ReplicaSet's first revision is a deploy; later ones are rollbacks to it. */
  first: boolean;
}

function revisionsHeld(rs: Json): Held[] {
  const annotations = objectAt(objectAt(rs.metadata).annotations);
  const current = toInt(stringAt(annotations[REVISION]) ?? '');
  if (current === null) return [];
  const history = (stringAt(annotations[REVISION_HISTORY]) ?? '')
    .split(',')
    .map(toInt)
    .filter((n): n is number => n !== null);
  const all = [...new Set([...history, current])].sort((a, b) => a - b);
  return all.map((revision, i) => ({ revision, rs, first: i === 0 }));
}

function commitTimeOf(rs: Json): number | null {
  const annotations = objectAt(objectAt(objectAt(objectAt(rs.spec).template).metadata).annotations);
  return timeAt(annotations[COMMIT_TIME_ANNOTATION]);
}

/** One Deployment's rollouts from the ReplicaSets it controls. */
export function rolloutsOf(context: string, deployment: Json, replicaSets: readonly Json[]): RolloutEvent[] {
  const meta = objectAt(deployment.metadata);
  const namespace = stringAt(meta.namespace) ?? '';
  const name = stringAt(meta.name) ?? '';
  const held = replicaSets.flatMap(revisionsHeld).sort((a, b) => a.revision - b.revision);
  const dated = new Map<number, number>();
  const out: RolloutEvent[] = [];
  for (const h of held) {
    const at = h.first ? timeAt(objectAt(h.rs.metadata).creationTimestamp) : (dated.get(h.revision - 1) ?? null);
    if (at === null) continue;
    dated.set(h.revision, at);
    out.push({ context, namespace, deployment: name, revision: h.revision, kind: h.first ? 'deploy' : 'rollback', at, commitAt: h.first ? commitTimeOf(h.rs) : null });
  }
  return out;
}

/** The Deployment's rollout, if it stopped progressing. */
export function failedRolloutOf(context: string, deployment: Json): FailedRollout | null {
  const progressing = conditionOf(objectAt(deployment.status), 'Progressing');
  if (progressing?.reason !== 'ProgressDeadlineExceeded') return null;
  const c = objectAt(progressing);
  const at = timeAt(c.lastTransitionTime) ?? timeAt(c.lastUpdateTime);
  if (at === null) return null;
  const meta = objectAt(deployment.metadata);
  return { context, namespace: stringAt(meta.namespace) ?? '', deployment: stringAt(meta.name) ?? '', at };
}

/** Every Deployment's rollouts and failures; ReplicaSets are matched to their controller by uid. */
export function clusterHistory(context: string, deployments: readonly Json[], replicaSets: readonly Json[]): { rollouts: RolloutEvent[]; failed: FailedRollout[] } {
  const byOwner = new Map<string, Json[]>();
  for (const rs of replicaSets) {
    const owner = listAt(objectAt(rs.metadata).ownerReferences).map(objectAt).find((o) => o.controller === true && o.kind === 'Deployment');
    const uid = stringAt(owner?.uid);
    if (!uid) continue;
    const list = byOwner.get(uid) ?? [];
    list.push(rs);
    byOwner.set(uid, list);
  }
  const rollouts: RolloutEvent[] = [];
  const failed: FailedRollout[] = [];
  for (const d of deployments) {
    const uid = stringAt(objectAt(d.metadata).uid) ?? '';
    rollouts.push(...rolloutsOf(context, d, byOwner.get(uid) ?? []));
    const f = failedRolloutOf(context, d);
    if (f) failed.push(f);
  }
  return { rollouts, failed };
}
