import type { K8sDetailKind, K8sKind, K8sObjectKind } from '@contract';
import { K8S_CLUSTER_SCOPED } from '@contract/types';

/** What the resource browser lists: pods (their own query, with phase and metrics) and every object kind. */
export type BrowserKind = 'pods' | K8sObjectKind;

/** In the order of the kind picker: workloads first, then networking, storage and the cluster itself. */
export const BROWSER_KINDS: readonly BrowserKind[] = [
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'jobs',
  'cronjobs',
  'services',
  'ingresses',
  'poddisruptionbudgets',
  'serviceaccounts',
  'persistentvolumeclaims',
  'persistentvolumes',
  'nodes',
  'namespaces',
  'events',
];

export const KIND_LABELS: Record<BrowserKind, string> = {
  pods: 'Pods',
  deployments: 'Deployments',
  statefulsets: 'StatefulSets',
  daemonsets: 'DaemonSets',
  replicasets: 'ReplicaSets',
  jobs: 'Jobs',
  cronjobs: 'CronJobs',
  services: 'Services',
  ingresses: 'Ingresses',
  poddisruptionbudgets: 'PDBs',
  serviceaccounts: 'ServiceAccounts',
  persistentvolumeclaims: 'PVCs',
  persistentvolumes: 'PVs',
  nodes: 'Nodes',
  namespaces: 'Namespaces',
  events: 'Events',
};

/** The API's name for one object of a kind, for headings: "Deployment", "PersistentVolumeClaim". */
export const KIND_SINGULAR: Record<BrowserKind, string> = {
  pods: 'Pod',
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  replicasets: 'ReplicaSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
  services: 'Service',
  ingresses: 'Ingress',
  poddisruptionbudgets: 'PodDisruptionBudget',
  serviceaccounts: 'ServiceAccount',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  persistentvolumes: 'PersistentVolume',
  nodes: 'Node',
  namespaces: 'Namespace',
  events: 'Event',
};

/** The API's kind names (as in ownerReferences and events), in lower case, of the kinds the browser lists. */
const BY_API_KIND = new Map(BROWSER_KINDS.filter((k) => k !== 'events').map((k) => [KIND_SINGULAR[k].toLowerCase(), k]));

/** The browser kind of an API kind such as "ReplicaSet" (or kubectl's "replicaset"), or null when the browser does not list it. */
export const browserKindOf = (apiKind: string): K8sDetailKind | null => (BY_API_KIND.get(apiKind.toLowerCase()) as K8sDetailKind | undefined) ?? null;

export const isClusterScoped = (kind: K8sKind): boolean => K8S_CLUSTER_SCOPED.includes(kind);

/** Every listed kind but events has a detail view (events show inside the details of their object). */
export const hasDetail = (kind: BrowserKind): kind is K8sDetailKind => kind !== 'events';

/** One object the user can open: enough to ask the host for its detail. */
export interface ObjectRef {
  context: string;
  kind: K8sDetailKind;
  namespace: string | null;
  name: string;
}

/** "namespace/name", or the name alone for cluster-scoped objects. */
export const objectKey = (namespace: string | null, name: string): string => (namespace ? `${namespace}/${name}` : name);

export function parseObjectKey(key: string): { namespace: string | null; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { namespace: null, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
