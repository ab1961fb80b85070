/** The kinds the test API server knows: group, version, names, scope and what each supports. */

export type Subresource = 'status' | 'scale' | 'log';

export interface ResourceType {
  group: string;
  version: string;
  /** Plural, as in URLs: "pods". */
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: Subresource[];
  /** metadata.generation is kept and bumped on spec changes. */
  hasGeneration: boolean;
  /** DELETE answers with the deleted object; otherwise with a Success Status. */
  deleteReturnsObject: boolean;
  /** "v1" or "apps/v1". */
  apiVersion: string;
  /** "pods" or "deployments.apps". */
  id: string;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface Spec {
  group?: string;
  version?: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  subresources?: Subresource[];
  hasGeneration?: boolean;
  deleteReturnsObject?: boolean;
}

function define(spec: Spec): ResourceType {
  const group = spec.group ?? '';
  const version = spec.version ?? 'v1';
  return {
    group,
    version,
    resource: spec.resource,
    singular: spec.kind.toLowerCase(),
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    namespaced: spec.namespaced,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    verbs: ALL_VERBS,
    subresources: spec.subresources ?? [],
    hasGeneration: spec.hasGeneration ?? false,
    deleteReturnsObject: spec.deleteReturnsObject ?? false,
    apiVersion: group ? `${group}/${version}` : version,
    id: group ? `${spec.resource}.${group}` : spec.resource,
  };
}

const apps = { group: 'apps', hasGeneration: true, categories: ['all'] };
const batch = { group: 'batch', hasGeneration: true, categories: ['all'] };

export const RESOURCES: readonly ResourceType[] = [
  define({ resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], subresources: ['status'], deleteReturnsObject: true }),
  define({ resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], subresources: ['status'], deleteReturnsObject: true }),
  define({ resource: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'], subresources: ['status', 'log'], deleteReturnsObject: true }),
  define({ resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ['all'], subresources: ['status'], deleteReturnsObject: true }),
  define({ resource: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] }),
  define({ resource: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] }),
  define({ resource: 'secrets', kind: 'Secret', namespaced: true }),
  define({ resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'] }),
  define({ resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], subresources: ['status'], deleteReturnsObject: true }),
  define({ resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], subresources: ['status'], deleteReturnsObject: true }),
  define({ ...apps, resource: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], subresources: ['status', 'scale'] }),
  define({ ...apps, resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], subresources: ['status', 'scale'] }),
  define({ ...apps, resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], subresources: ['status', 'scale'] }),
  define({ ...apps, resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], subresources: ['status'] }),
  define({ ...batch, resource: 'jobs', kind: 'Job', namespaced: true, subresources: ['status'] }),
  define({ ...batch, resource: 'cronjobs', kind: 'CronJob', namespaced: true, shortNames: ['cj'], subresources: ['status'] }),
  define({ group: 'policy', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, shortNames: ['pdb'], subresources: ['status'], hasGeneration: true }),
  define({ group: 'networking.k8s.io', resource: 'ingresses', kind: 'Ingress', namespaced: true, shortNames: ['ing'], subresources: ['status'], hasGeneration: true }),
];

const byId = new Map<string, ResourceType>();
const byGvr = new Map<string, ResourceType>();
const byKind = new Map<string, ResourceType>();
for (const rt of RESOURCES) {
  byId.set(rt.id, rt);
  byId.set(rt.resource, rt);
  byGvr.set(`${rt.apiVersion}/${rt.resource}`, rt);
  byKind.set(`${rt.apiVersion}/${rt.kind}`, rt);
}

/** By URL parts: ("apps", "v1", "deployments"). */
export function resourceFor(group: string, version: string, resource: string): ResourceType | undefined {
  return byGvr.get(`${group ? `${group}/${version}` : version}/${resource}`);
}

/** By object type: ("apps/v1", "Deployment"). */
export function resourceForKind(apiVersion: string, kind: string): ResourceType | undefined {
  return byKind.get(`${apiVersion}/${kind}`);
}

/** By name, plural or qualified: "pods", "deployments", "deployments.apps". Throws for an unknown name. */
export function resourceNamed(name: string | ResourceType): ResourceType {
  if (typeof name !== 'string') return name;
  const rt = byId.get(name);
  if (!rt) throw new Error(`unknown resource "${name}": one of ${RESOURCES.map((r) => r.resource).join(', ')}`);
  return rt;
}

export interface GroupVersion {
  group: string;
  version: string;
  resources: ResourceType[];
}

/** The served group versions, core first. */
export function groupVersions(): GroupVersion[] {
  const out = new Map<string, GroupVersion>();
  for (const rt of RESOURCES) {
    const key = rt.apiVersion;
    let gv = out.get(key);
    if (!gv) out.set(key, (gv = { group: rt.group, version: rt.version, resources: [] }));
    gv.resources.push(rt);
  }
  return [...out.values()];
}
