/** Kubernetes data shapes that cross the contract. */

/** The kinds Opsdeck keeps a live cache of, per enabled context. */
export const K8S_KINDS = ['namespaces', 'nodes', 'pods', 'deployments'] as const;
export type K8sKind = (typeof K8S_KINDS)[number];

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

export type K8sKindState = 'syncing' | 'synced' | 'forbidden' | 'failed';

export interface K8sKindStatus {
  kind: K8sKind;
  state: K8sKindState;
  /** Objects in the cache (the last known ones while failed). */
  count: number;
  message: string | null;
}

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;
export type PodPhase = (typeof POD_PHASES)[number];

export interface K8sLaggingDeployment {
  namespace: string;
  name: string;
  desired: number;
  ready: number;
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
  };
  pods: { total: number; byPhase: Record<PodPhase, number>; restarts: number };
  deployments: {
    total: number;
    /** Deployments with fewer ready replicas than desired. */
    notAtDesired: number;
    /** The first of them by namespace and name, at most 20. */
    lagging: K8sLaggingDeployment[];
  };
  namespaces: { total: number };
}

export const POD_SORTS = ['name', 'namespace', 'age', 'restarts', 'status'] as const;
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
