/** Kubernetes data shapes that cross the contract. */

/**
 * The kinds Opsdeck can keep a live cache of, per enabled context. The overview's kinds
 * (K8S_ALWAYS_WATCHED) are watched while the context is enabled; the others only while
 * a view or an engine asks for them.
 */
export const K8S_KINDS = [
  'namespaces',
  'nodes',
  'pods',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'services',
  'ingresses',
  'persistentvolumeclaims',
  'persistentvolumes',
  'poddisruptionbudgets',
  'serviceaccounts',
  'events',
] as const;
export type K8sKind = (typeof K8S_KINDS)[number];

/** Watched for as long as a context is enabled: the overview needs them. */
export const K8S_ALWAYS_WATCHED = ['namespaces', 'nodes', 'pods', 'deployments', 'statefulsets', 'daemonsets', 'events'] as const satisfies readonly K8sKind[];

/** The kinds listed by `k8s.objects` (pods have their own query, `k8s.pods`, with phase and metrics). */
export const K8S_OBJECT_KINDS = [
  'nodes',
  'namespaces',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'services',
  'ingresses',
  'persistentvolumeclaims',
  'persistentvolumes',
  'poddisruptionbudgets',
  'serviceaccounts',
  'events',
] as const satisfies readonly K8sKind[];
export type K8sObjectKind = (typeof K8S_OBJECT_KINDS)[number];

/** Kinds whose objects live in a namespace. */
export const K8S_CLUSTER_SCOPED: readonly K8sKind[] = ['namespaces', 'nodes', 'persistentvolumes'];

/**
 * A context's connection: disabled until the user enables it; unauthorized (401),
 * forbidden (403 on every kind), unreachable (network or TLS), error (any other
 * server answer) and invalid (the kubeconfig entry cannot be used) carry a message.
 */
export type K8sContextState =
  | 'disabled'
  | 'connecting'
  | 'connected'
  | 'unauthorized'
  | 'forbidden'
  | 'unreachable'
  | 'error'
  | 'invalid';

export interface K8sContextInfo {
  name: string;
  cluster: string;
  /** The API server URL; null when the context's cluster is not defined. */
  server: string | null;
  user: string;
  /** The context's default namespace, if it sets one. */
  namespace: string | null;
  /** The kubeconfig file that defines the context. */
  source: string;
  current: boolean;
  enabled: boolean;
  state: K8sContextState;
  /** The server's own words, or the network error, for every state but connected. */
  message: string | null;
  lastAttemptAt: number | null;
  /** When the next attempt is due while backing off. */
  nextRetryAt: number | null;
  /** Settings that weaken security, such as insecure-skip-tls-verify. */
  warnings: string[];
}

export interface KubeconfigProblem {
  file: string;
  message: string;
}

export interface K8sContexts {
  /** The kubeconfig files looked at, in order (KUBECONFIG, or ~/.kube/config). */
  files: string[];
  /** Those that exist. */
  found: string[];
  problems: KubeconfigProblem[];
  currentContext: string | null;
  contexts: K8sContextInfo[];
}

/** idle: not watched now (no view or engine needs the kind). */
export type K8sKindState = 'idle' | 'syncing' | 'synced' | 'forbidden' | 'failed';

export interface K8sKindStatus {
  kind: K8sKind;
  state: K8sKindState;
  /** Objects in the cache (the last known ones while failed). */
  count: number;
  message: string | null;
}

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;
export type PodPhase = (typeof POD_PHASES)[number];

/** A workload with fewer ready replicas (or, for a DaemonSet, scheduled pods) than it wants. */
export interface K8sLaggingWorkload {
  kind: 'deployments' | 'statefulsets' | 'daemonsets';
  namespace: string;
  name: string;
  desired: number;
  ready: number;
}

/** CPU and memory as metrics.k8s.io reports them (usage) or pod specs ask for them (requests). */
export interface K8sResourceFigures {
  cpuMillis: number;
  memoryBytes: number;
}

/** One Kubernetes Event, as `kubectl events` shows it. */
export interface K8sEventRow {
  type: 'Normal' | 'Warning' | string;
  reason: string;
  message: string;
  count: number;
  firstSeen: number | null;
  lastSeen: number | null;
  /** The object the event is about. */
  object: { kind: string; namespace: string | null; name: string };
  /** The component that reported it, e.g. kubelet or deployment-controller. */
  source: string;
}

/**
 * metrics.k8s.io: available when the cluster serves it (metrics-server), else a note
 * saying why usage figures are missing.
 */
export interface K8sMetricsStatus {
  available: boolean;
  note: string | null;
  /** When the figures were read; null when unavailable. */
  at: number | null;
}

export interface K8sOverview {
  context: string;
  state: K8sContextState;
  kinds: K8sKindStatus[];
  nodes: {
    total: number;
    ready: number;
    notReady: number;
    unschedulable: number;
    allocatableCpuMillis: number;
    allocatableMemoryBytes: number;
    /** The sum of the requests of the pods that are scheduled and not finished. */
    requested: K8sResourceFigures;
    /** Total node usage from metrics.k8s.io; null when the cluster does not serve it. */
    usage: K8sResourceFigures | null;
  };
  pods: { total: number; byPhase: Record<PodPhase, number>; restarts: number };
  /** Deployments, StatefulSets and DaemonSets. */
  workloads: {
    total: number;
    /** Workloads with fewer ready replicas (DaemonSets: ready pods) than desired. */
    notAtDesired: number;
    /** The first of them by namespace, name and kind, at most 20. */
    lagging: K8sLaggingWorkload[];
  };
  namespaces: { total: number };
  /** The newest Warning events, at most 20. */
  warnings: K8sEventRow[];
  metrics: K8sMetricsStatus;
}

export const POD_SORTS = ['name', 'namespace', 'age', 'restarts', 'status', 'cpu', 'memory'] as const;
/** The most pod rows one request returns. */
export const MAX_POD_PAGE = 500;
export type PodSort = (typeof POD_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface K8sPodRow {
  namespace: string;
  name: string;
  uid: string;
  phase: PodPhase;
  /** What kubectl shows in STATUS: the phase, or a reason such as CrashLoopBackOff or Terminating. */
  status: string;
  readyContainers: number;
  containers: number;
  restarts: number;
  node: string | null;
  createdAt: number | null;
  /** Usage from metrics.k8s.io; null when not served or not yet reported for this pod. */
  cpuMillis: number | null;
  memoryBytes: number | null;
}

export interface K8sPodPage {
  context: string;
  /** Every pod in the cache. */
  total: number;
  /** Pods that match the filters. */
  matched: number;
  offset: number;
  rows: K8sPodRow[];
  /** False until the first full list of pods has arrived. */
  synced: boolean;
  metrics: K8sMetricsStatus;
}

export interface K8sNamespaceRow {
  name: string;
  phase: string;
  pods: number;
}

/** Sent at most every 250 ms per context: what changed, so views refetch what they show. */
export interface K8sChange {
  context: string;
  kinds: K8sKind[];
  at: number;
}

export type K8sActionName = 'scale' | 'restart' | 'rollback' | 'deletePod' | 'cordon' | 'uncordon';

/* Object tables, detail, logs and rollout history */

export const OBJECT_SORTS = ['name', 'namespace', 'age', 'status'] as const;
export type ObjectSort = (typeof OBJECT_SORTS)[number];
/** The most object rows one request returns. */
export const MAX_OBJECT_PAGE = 500;

/** A kind-specific column of the object table, e.g. READY or CLUSTER-IP, as kubectl names it. */
export interface K8sColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

/** How healthy an object looks: colours the row and drives the "problems only" filter. */
export type K8sHealth = 'ok' | 'warning' | 'error' | 'unknown';

export interface K8sObjectRow {
  kind: K8sObjectKind;
  namespace: string | null;
  name: string;
  uid: string;
  createdAt: number | null;
  /** What kubectl shows as the status: "3/3", "Bound", "Complete", "Ready,SchedulingDisabled", ... */
  status: string;
  health: K8sHealth;
  /** The kind's own columns, keyed as in K8sObjectPage.columns. */
  cells: Record<string, string | number | null>;
  /** Deployments and StatefulSets: spec.replicas, for the scale dialog. */
  desiredReplicas?: number;
  /** Nodes: whether cordoned. */
  unschedulable?: boolean;
}

export interface K8sObjectPage {
  context: string;
  kind: K8sObjectKind;
  columns: K8sColumn[];
  total: number;
  matched: number;
  offset: number;
  rows: K8sObjectRow[];
  /** idle kinds start watching on this request; synced is false until the first full list arrived. */
  synced: boolean;
  state: K8sKindState;
  message: string | null;
}

export interface K8sCondition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
  lastTransitionTime: number | null;
}

/** A reference up the owner chain: a Pod's ReplicaSet, then its Deployment. */
export interface K8sOwnerRef {
  kind: string;
  name: string;
  uid: string;
  /** False when the owner is gone (deleted) or could not be read. */
  found: boolean;
}

export interface K8sContainerInfo {
  name: string;
  image: string;
  init: boolean;
  ready: boolean;
  restarts: number;
  /** running, waiting (with reason), terminated (with reason) */
  state: string;
  /** Whether a previous (restarted) instance exists, so its logs can be read. */
  hasPrevious: boolean;
}

/** Kinds `k8s.detail` accepts: every watched kind but events, which are shown inside details. */
export type K8sDetailKind = Exclude<K8sKind, 'events'>;

export interface K8sObjectDetail {
  context: string;
  kind: K8sDetailKind;
  namespace: string | null;
  name: string;
  uid: string;
  createdAt: number | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The object as YAML, without managedFields, read fresh from the API server. */
  yaml: string;
  conditions: K8sCondition[];
  /** Immediate controller first, then its controller, and so on. */
  owners: K8sOwnerRef[];
  /** Events about this object, newest first, at most 100. */
  events: K8sEventRow[];
  /** Pods only: the containers, for logs and status. */
  containers: K8sContainerInfo[];
  /** Deployments and StatefulSets only: spec.replicas, what scaling starts from. */
  desiredReplicas?: number;
  /** Nodes only: whether the node is cordoned (spec.unschedulable). */
  unschedulable?: boolean;
}

/** One revision of a Deployment, from its ReplicaSets, as `kubectl rollout history` shows it. */
export interface K8sRevision {
  revision: number;
  replicaSet: string;
  changeCause: string | null;
  images: string[];
  createdAt: number | null;
  replicas: number;
  /** The revision the Deployment runs now. */
  current: boolean;
}

export interface K8sRolloutHistory {
  context: string;
  namespace: string;
  name: string;
  revisions: K8sRevision[];
}

/** The most log lines one read returns; a follow stream sends its lines in chunks. */
export const MAX_LOG_LINES = 50_000;

export interface K8sLogRead {
  lines: string[];
  /** True when the log had more lines than were returned. */
  truncated: boolean;
}

/** A pod log stream's output, sent as `k8s.logChunk` events at most every 100 ms. */
export interface K8sLogChunk {
  streamId: string;
  lines: string[];
  /** The stream is over: the container stopped, the pod is gone, or it was stopped. */
  ended: boolean;
  /** The API server's words when the stream failed. */
  error: string | null;
}
