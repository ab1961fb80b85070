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
