/** Data shapes that cross the contract. Plain JSON: no Dates, no classes. */

export type ThemePreference = 'system' | 'light' | 'dark';

export interface AppInfo {
  name: 'Opsdeck';
  version: string;
  mode: 'desktop' | 'serve';
  platform: string;
  arch: string;
  dataDir: string;
  startedAt: number;
  runtime: { node: string; electron: string | null };
}

export interface HostInfo {
  hostname: string;
  os: string;
  kernel: string;
  arch: string;
  cpuModel: string;
  cores: number;
  totalMemoryBytes: number;
  sampleIntervalMs: number;
  /** What the collector cannot read on this platform, said plainly. */
  limitations: string[];
}

export interface DiskUsage {
  mount: string;
  device: string;
  fsType: string;
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
}

export interface HostSample {
  ts: number;
  cpu: { totalPct: number; perCorePct: number[] };
  load: [number, number, number];
  memory: {
    totalBytes: number;
    usedBytes: number;
    availableBytes: number;
    swapTotalBytes: number;
    swapUsedBytes: number;
  };
  disks: DiskUsage[];
  /** Bytes per second over the last interval; null where the platform does not expose it. */
  diskIo: { readBps: number; writeBps: number } | null;
  network: { rxBps: number; txBps: number } | null;
  uptimeSec: number;
  processCount: number | null;
}

export const SERIES_RANGES = ['15m', '1h', '6h', '24h', '7d'] as const;
export type SeriesRange = (typeof SERIES_RANGES)[number];

/** One chart point: the average of the samples in its step. */
export interface SeriesPoint {
  ts: number;
  cpuPct: number;
  memUsedPct: number;
  swapUsedPct: number;
  load1: number;
  diskReadBps: number | null;
  diskWriteBps: number | null;
  netRxBps: number | null;
  netTxBps: number | null;
}

export interface HostSeries {
  range: SeriesRange;
  stepMs: number;
  from: number;
  to: number;
  points: SeriesPoint[];
}

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  labels: Record<string, string>;
  /** When the condition first held; the alert fires once it has held for the rule's duration. */
  activeSince: number;
  state: 'pending' | 'firing';
  value: number;
}

export interface AlertSummary {
  firing: Alert[];
  pending: Alert[];
  updatedAt: number;
}

export interface Settings {
  theme: ThemePreference;
  notificationsPaused: boolean;
}

export interface SecretStoreStatus {
  available: boolean;
  backend: string;
  /** Why the keychain cannot be used, in words a user can act on. */
  reason: string | null;
}

/** Where the shell asks the renderer to go, e.g. after a notification click. */
export interface NavigationTarget {
  tab: TabId;
  alertId?: string;
}

export const TAB_IDS = [
  'overview',
  'clusters',
  'containers',
  'monitoring',
  'cost',
  'recovery',
  'runbooks',
  'deployments',
  'settings',
] as const;
export type TabId = (typeof TAB_IDS)[number];

/* Kubernetes */

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

/* Cluster actions and the audit log */

export type K8sActionName = 'scale' | 'restart' | 'rollback' | 'deletePod' | 'cordon' | 'uncordon';

export interface K8sActionResult {
  /** What was done, in a sentence. */
  message: string;
  /** The audit log entry that records it. */
  auditId: number;
}

/** One change Opsdeck made to a cluster, or tried to. */
export interface AuditEntry {
  id: number;
  ts: number;
  /** The OS user and the mode, e.g. "alice (desktop)". */
  actor: string;
  action: K8sActionName;
  /** The object acted on and the action's arguments, e.g. { namespace, name, replicas }. */
  target: Record<string, string | number>;
  context: string;
  result: 'ok' | 'error';
  /** The outcome; on failure the API server's own words. */
  message: string;
}

/** The most audit entries one request returns. */
export const MAX_AUDIT_PAGE = 500;
