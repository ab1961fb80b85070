/**
 * The namespaced kinds a namespace backup holds, in restore order (as Velero restores them):
 * what others refer to first, workloads last so their pods find their config and claims.
 */
export interface ResourceKind {
  resource: string;
  /** API path prefix: /api/v1 or /apis/<group>/<version>. */
  prefix: string;
  apiVersion: string;
  kind: string;
}

const core = (resource: string, kind: string): ResourceKind => ({ resource, prefix: '/api/v1', apiVersion: 'v1', kind });
const group = (g: string, v: string, resource: string, kind: string): ResourceKind => ({ resource, prefix: `/apis/${g}/${v}`, apiVersion: `${g}/${v}`, kind });

export const NAMESPACED_KINDS: ResourceKind[] = [
  core('serviceaccounts', 'ServiceAccount'),
  core('configmaps', 'ConfigMap'),
  core('secrets', 'Secret'),
  core('persistentvolumeclaims', 'PersistentVolumeClaim'),
  core('services', 'Service'),
  group('apps', 'v1', 'deployments', 'Deployment'),
  group('apps', 'v1', 'statefulsets', 'StatefulSet'),
  group('apps', 'v1', 'daemonsets', 'DaemonSet'),
  group('batch', 'v1', 'cronjobs', 'CronJob'),
  group('batch', 'v1', 'jobs', 'Job'),
  group('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
];

const RESTORE_RANK = new Map(NAMESPACED_KINDS.map((k, i) => [k.resource, i]));

export const restoreRank = (resource: string): number => RESTORE_RANK.get(resource) ?? NAMESPACED_KINDS.length;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Annotations the server or kubectl writes, meaningless on another cluster. */
const SERVER_ANNOTATIONS = [/^kubectl\.kubernetes\.io\/last-applied-configuration$/, /^pv\.kubernetes\.io\//, /^volume\.(beta\.)?kubernetes\.io\//, /^deployment\.kubernetes\.io\/revision$/, /^kubernetes\.io\/service-account\.uid$/];
/** Labels a Job's controller sets on it and its pod template; a restored Job gets new ones. */
const JOB_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'];

/** Objects a cluster makes by itself in every namespace; restoring them would collide. */
export function isGenerated(resource: string, obj: Obj): boolean {
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  if (Array.isArray(meta.ownerReferences) && meta.ownerReferences.length > 0) return true;
  if (resource === 'serviceaccounts' && meta.name === 'default') return true;
  if (resource === 'configmaps' && meta.name === 'kube-root-ca.crt') return true;
  if (resource === 'secrets' && obj.type === 'kubernetes.io/service-account-token') return true;
  return false;
}

/** A copy without what the server sets: identity, versions, timestamps, status, allocated addresses and volumes. */
export function stripServerFields(resource: string, kind: ResourceKind, input: Obj): Obj {
  const obj = structuredClone(input);
  obj.apiVersion = kind.apiVersion;
  obj.kind = kind.kind;
  delete obj.status;
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  for (const f of ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'finalizers']) delete meta[f];
  if (isObj(meta.annotations)) {
    for (const key of Object.keys(meta.annotations)) if (SERVER_ANNOTATIONS.some((r) => r.test(key))) delete meta.annotations[key];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  const spec = isObj(obj.spec) ? obj.spec : null;
  if (resource === 'services' && spec) {
    for (const f of ['clusterIP', 'clusterIPs', 'healthCheckNodePort']) delete spec[f];
    if (Array.isArray(spec.ports)) for (const p of spec.ports) if (isObj(p) && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') delete p.nodePort;
  }
  if (resource === 'persistentvolumeclaims' && spec) delete spec.volumeName;
  if (resource === 'jobs' && spec) {
    delete spec.selector;
    dropLabels(meta, JOB_LABELS);
    const template = isObj(spec.template) ? spec.template : null;
    if (template && isObj(template.metadata)) dropLabels(template.metadata, JOB_LABELS);
  }
  return obj;
}

function dropLabels(meta: Obj, keys: string[]): void {
  if (!isObj(meta.labels)) return;
  for (const k of keys) delete meta.labels[k];
}
