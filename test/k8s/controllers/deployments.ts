/**
 * The deployment controller, simplified to a rollout that completes at once: a changed pod
 * template gets a new ReplicaSet `<deployment>-<hash>` with the next revision, the new set is
 * scaled to the deployment's replicas and the old ones to zero. Going back to an earlier template
 * (`kubectl rollout undo`) reuses that template's ReplicaSet and gives it the next revision.
 */
import { isPlainObject } from '../json';
import { resourceNamed } from '../resources';
import { rfc3339 } from '../time';
import type { Condition, K8sObject, Workload } from '../types';
import { CONTROLLER_WRITE, type ControllerContext } from './context';
import { sameTemplate, templateHash } from './naming';
import { ownerRef } from './pods';

const DEPLOYMENTS = resourceNamed('deployments');
const RS = resourceNamed('replicasets');

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export function revisionOf(obj: K8sObject): number {
  const v = Number(obj.metadata.annotations?.[REVISION] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

function maxSurge(d: Workload, replicas: number): number {
  const strategy = d.spec.strategy;
  const ru = isPlainObject(strategy) && isPlainObject(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
  const surge = ru?.maxSurge;
  if (typeof surge === 'number') return surge;
  if (typeof surge === 'string' && surge.endsWith('%')) return Math.ceil((replicas * Number(surge.slice(0, -1))) / 100);
  return 0;
}

function rsAnnotations(d: Workload, revision: number, history?: string): Record<string, string> {
  const replicas = d.spec.replicas ?? 1;
  const cause = d.metadata.annotations?.[CHANGE_CAUSE];
  return {
    [DESIRED_REPLICAS]: String(replicas),
    [MAX_REPLICAS]: String(replicas + maxSurge(d, replicas)),
    [REVISION]: String(revision),
    ...(history ? { [REVISION_HISTORY]: history } : {}),
    ...(cause !== undefined ? { [CHANGE_CAUSE]: cause } : {}),
  };
}

/** The ReplicaSet for a deployment's current template. */
export function buildReplicaSet(d: Workload, hash: string, revision: number): Workload {
  const template = d.spec.template;
  const labels = { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash };
  const selector = d.spec.selector ?? {};
  return {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      annotations: rsAnnotations(d, revision),
      ownerReferences: [ownerRef(d)],
    },
    spec: {
      replicas: d.spec.replicas ?? 1,
      minReadySeconds: (d.spec.minReadySeconds as number | undefined) ?? 0,
      selector: { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash } },
      template: { metadata: { ...(template.metadata ?? {}), labels }, spec: template.spec },
    },
  };
}

function condition(type: string, status: Condition['status'], reason: string, message: string, now: string, old: Condition[] | undefined): Condition {
  const prev = old?.find((c) => c.type === type);
  const same = prev && prev.status === status && prev.reason === reason && prev.message === message;
  return {
    type,
    status,
    lastUpdateTime: same ? (prev.lastUpdateTime ?? now) : now,
    lastTransitionTime: prev && prev.status === status ? (prev.lastTransitionTime ?? now) : now,
    reason,
    message,
  };
}

function count(rs: K8sObject, field: string): number {
  const status = rs.status;
  const v = isPlainObject(status) ? status[field] : undefined;
  return typeof v === 'number' ? v : 0;
}

/** A deployment's status from its ReplicaSets. */
export function deploymentStatus(d: Workload, all: K8sObject[], newRS: K8sObject | undefined, now: Date): Record<string, unknown> {
  const replicas = d.spec.replicas ?? 1;
  const total = all.reduce((n, rs) => n + count(rs, 'replicas'), 0);
  const ready = all.reduce((n, rs) => n + count(rs, 'readyReplicas'), 0);
  const available = all.reduce((n, rs) => n + count(rs, 'availableReplicas'), 0);
  const updated = newRS ? count(newRS, 'replicas') : 0;
  const old = (isPlainObject(d.status) && Array.isArray(d.status.conditions) ? d.status.conditions : undefined) as Condition[] | undefined;
  const at = rfc3339(now);
  const rsName = newRS?.metadata.name ?? '';
  const complete = newRS !== undefined && updated === replicas && total === replicas && available >= replicas;
  const conditions = [
    available >= replicas
      ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at, old)
      : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', at, old),
    complete
      ? condition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, at, old)
      : condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, at, old),
  ];
  const collisionCount = isPlainObject(d.status) ? d.status.collisionCount : undefined;
  return {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: total,
    updatedReplicas: updated,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
    ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
    conditions,
    ...(typeof collisionCount === 'number' ? { collisionCount } : {}),
  };
}

export function reconcileDeployment(ctx: ControllerContext, namespace: string, name: string): void {
  let d = ctx.ops.find(DEPLOYMENTS, namespace, name) as Workload | undefined;
  if (!d || d.metadata.deletionTimestamp) return;
  const uid = d.metadata.uid as string;
  const owned = ctx.owned(uid, RS) as Workload[];
  let newRS = owned.find((rs) => sameTemplate(rs.spec.template, d?.spec.template));
  const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  const replicas = d.spec.replicas ?? 1;

  if (!d.spec.paused) {
    if (!newRS) {
      let collisions = isPlainObject(d.status) && typeof d.status.collisionCount === 'number' ? d.status.collisionCount : 0;
      let hash = templateHash(d.spec.template, collisions);
      while (ctx.ops.find(RS, namespace, `${name}-${hash}`)) hash = templateHash(d.spec.template, ++collisions);
      if (collisions) ctx.setStatus(DEPLOYMENTS, d, { ...(d.status ?? {}), collisionCount: collisions });
      newRS = ctx.ops.create(RS, namespace, buildReplicaSet(d, hash, maxRevision + 1), CONTROLLER_WRITE) as Workload;
    } else {
      const current = revisionOf(newRS);
      const isLatest = owned.every((rs) => rs === newRS || revisionOf(rs) < current);
      const revision = isLatest ? current : maxRevision + 1;
      const priorHistory = newRS.metadata.annotations?.[REVISION_HISTORY];
      const history = revision === current ? priorHistory : [priorHistory, String(current)].filter(Boolean).join(',');
      const annotations = { ...(newRS.metadata.annotations ?? {}), ...rsAnnotations(d, revision, history) };
      newRS = ctx.ops.update(
        RS,
        namespace,
        newRS.metadata.name as string,
        { ...newRS, metadata: { ...newRS.metadata, annotations }, spec: { ...newRS.spec, replicas } },
        CONTROLLER_WRITE,
      ) as Workload;
    }
    for (const rs of owned) {
      if (rs.metadata.name === newRS.metadata.name || (rs.spec.replicas ?? 0) === 0) continue;
      ctx.ops.update(RS, namespace, rs.metadata.name as string, { ...rs, spec: { ...rs.spec, replicas: 0 } }, CONTROLLER_WRITE);
    }
    cleanUpHistory(ctx, d, newRS);
  }

  const revision = newRS ? String(revisionOf(newRS)) : undefined;
  if (revision && d.metadata.annotations?.[REVISION] !== revision) {
    d = ctx.ops.update(
      DEPLOYMENTS,
      namespace,
      name,
      { ...d, metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: revision } } },
      CONTROLLER_WRITE,
    ) as Workload;
  }
  const all = ctx.owned(uid, RS);
  const current = newRS ? all.find((rs) => rs.metadata.name === newRS?.metadata.name) : undefined;
  ctx.setStatus(DEPLOYMENTS, d, deploymentStatus(d, all, current, ctx.clock()));
}

/** Drops the oldest scaled-down ReplicaSets beyond spec.revisionHistoryLimit. */
function cleanUpHistory(ctx: ControllerContext, d: Workload, newRS: K8sObject): void {
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const old = ctx
    .owned(d.metadata.uid as string, RS)
    .filter((rs) => rs.metadata.name !== newRS.metadata.name && count(rs, 'replicas') === 0 && ((rs as Workload).spec.replicas ?? 0) === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of old.slice(0, Math.max(0, old.length - limit))) {
    ctx.ops.delete(RS, rs.metadata.namespace, rs.metadata.name as string, {}, CONTROLLER_WRITE);
  }
}
