import type { K8sAction } from '../contract/channels';
import { OpsdeckError, type ErrorCode } from '../contract/errors';
import type { KubeApi, KubeSession } from './kubeApi';
import { KubeApiError } from './kubeApiError';
import { objectAt } from './kinds/read';
import { sameTemplate, withoutHash } from './podTemplate';
import { ownedReplicaSets, REVISION } from './rolloutHistory';

const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/** Deployment annotations that belong to the deployment, not to a revision: kubectl keeps them on rollback. */
const ROLLBACK_KEEPS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const ACTION_TIMEOUT_MS = 60_000;

const seg = encodeURIComponent;
const appsPath = (ns: string, resource: string, name: string) => `/apis/apps/v1/namespaces/${seg(ns)}/${resource}/${seg(name)}`;

/** kubectl's timestamp format (RFC 3339, whole seconds). */
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const STATUS_CODES: [number, ErrorCode][] = [
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [400, 'BAD_REQUEST'],
  [409, 'BAD_REQUEST'],
  [422, 'BAD_REQUEST'],
];

/** An API server failure as the caller sees it: a typed code, the server's own words and the HTTP status. */
export function actionError(err: unknown): OpsdeckError {
  if (err instanceof OpsdeckError) return err;
  if (!(err instanceof KubeApiError)) return new OpsdeckError('INTERNAL', err instanceof Error ? err.message : String(err));
  const code = STATUS_CODES.find(([status]) => status === err.status)?.[1];
  if (code) return new OpsdeckError(code, `${err.message} (HTTP ${err.status})`);
  if (err.status === null || err.status === 401) return new OpsdeckError('UNAVAILABLE', err.message);
  return new OpsdeckError('INTERNAL', `${err.message} (HTTP ${err.status})`);
}

async function rollback(s: KubeSession, signal: AbortSignal, ns: string, name: string, revision: number): Promise<string> {
  const deployment = objectAt(await s.getJson(appsPath(ns, 'deployments', name), signal));
  const meta = objectAt(deployment.metadata);
  const spec = objectAt(deployment.spec);
  if (spec.paused === true) throw new OpsdeckError('BAD_REQUEST', `Deployment ${ns}/${name} is paused: resume it before rolling it back.`);
  const owned = await ownedReplicaSets(s, signal, ns, meta.uid);
  const target = owned.find((rs) => objectAt(objectAt(rs.metadata).annotations)[REVISION] === String(revision));
  if (!target) throw new OpsdeckError('NOT_FOUND', `Deployment ${ns}/${name} has no revision ${revision}.`);
  const template = withoutHash(objectAt(target.spec).template);
  if (sameTemplate(template, spec.template)) {
    return `Deployment ${ns}/${name} already runs revision ${revision}'s template; nothing to roll back.`;
  }
  // As kubectl: the revision's own annotations (its change-cause among them) plus the deployment's bookkeeping ones.
  const annotations: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(objectAt(meta.annotations))) if (ROLLBACK_KEEPS.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(objectAt(objectAt(target.metadata).annotations))) if (!ROLLBACK_KEEPS.has(k)) annotations[k] = v;
  await s.requestJson('PATCH', appsPath(ns, 'deployments', name), signal, {
    contentType: JSON_PATCH,
    value: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
  });
  return `Deployment ${ns}/${name} rolled back to revision ${revision}.`;
}

async function perform(s: KubeSession, signal: AbortSignal, action: K8sAction, now: number): Promise<string> {
  switch (action.action) {
    case 'scale': {
      const { kind, namespace: ns, name, replicas } = action;
      await s.requestJson('PATCH', `${appsPath(ns, `${kind}s`, name)}/scale`, signal, {
        contentType: MERGE_PATCH,
        value: { spec: { replicas } },
      });
      return `${kind === 'deployment' ? 'Deployment' : 'StatefulSet'} ${ns}/${name} scaled to ${replicas} replicas.`;
    }
    case 'restart': {
      const { namespace: ns, name } = action;
      // A new template annotation makes the controller roll out fresh pods, exactly as `kubectl rollout restart`.
      await s.requestJson('PATCH', appsPath(ns, 'deployments', name), signal, {
        contentType: STRATEGIC_PATCH,
        value: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: rfc3339(now) } } } } },
      });
      return `Deployment ${ns}/${name} restarted.`;
    }
    case 'rollback':
      return rollback(s, signal, action.namespace, action.name, action.revision);
    case 'deletePod': {
      const { namespace: ns, name } = action;
      await s.requestJson('DELETE', `/api/v1/namespaces/${seg(ns)}/pods/${seg(name)}`, signal);
      return `Pod ${ns}/${name} deleted.`;
    }
    case 'cordon':
    case 'uncordon': {
      const cordon = action.action === 'cordon';
      // null removes the field, as `kubectl uncordon` leaves it.
      await s.requestJson('PATCH', `/api/v1/nodes/${seg(action.name)}`, signal, {
        contentType: MERGE_PATCH,
        value: { spec: { unschedulable: cordon ? true : null } },
      });
      return `Node ${action.name} ${cordon ? 'cordoned' : 'uncordoned'}.`;
    }
  }
}

/** Carries out one action against the context's API server; failures come back as OpsdeckErrors. */
export async function runAction(api: KubeApi, action: K8sAction, now = Date.now()): Promise<string> {
  try {
    const session = await api.session();
    // Each request has its own timeout; this bounds a rollback's three requests together.
    return await perform(session, AbortSignal.timeout(ACTION_TIMEOUT_MS), action, now);
  } catch (err) {
    throw actionError(err);
  }
}

/** What an audit entry records as the action's target: its arguments without context and name. */
export function actionTarget(action: K8sAction): Record<string, string | number> {
  const target: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(action)) if (key !== 'context' && key !== 'action') target[key] = value;
  return target;
}
