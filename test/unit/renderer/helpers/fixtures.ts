import type { AlertSummary, AppInfo, HostInfo, HostSample, HostSeries, K8sContextInfo, K8sContexts, SeriesPoint, Settings } from '@contract';

export const GIB = 1024 ** 3;

export const hostInfo = (over: Partial<HostInfo> = {}): HostInfo => ({
  hostname: 'build-01',
  os: 'Debian GNU/Linux 12 (bookworm)',
  kernel: '6.1.0',
  arch: 'x64',
  cpuModel: 'Test CPU',
  cores: 8,
  totalMemoryBytes: 16 * GIB,
  sampleIntervalMs: 5000,
  limitations: [],
  ...over,
});

export const appInfo = (): AppInfo => ({
  name: 'Opsdeck',
  version: '0.1.0',
  mode: 'serve',
  platform: 'linux',
  arch: 'x64',
  dataDir: '/home/ops/.opsdeck',
  startedAt: 1_700_000_000_000,
  runtime: { node: '20.19.0', electron: null },
});

export const sample = (ts: number, over: Partial<HostSample> = {}): HostSample => ({
  ts,
  cpu: { totalPct: 12.5, perCorePct: [10, 15] },
  load: [0.5, 0.75, 1],
  memory: {
    totalBytes: 16_750_000_000,
    usedBytes: 8_000_000_000,
    availableBytes: 8_750_000_000,
    swapTotalBytes: 2 * GIB,
    swapUsedBytes: 0,
  },
  disks: [{ mount: '/', device: '/dev/sda1', fsType: 'ext4', totalBytes: 100 * GIB, usedBytes: 40 * GIB, availableBytes: 60 * GIB }],
  diskIo: { readBps: 2048, writeBps: 1024 * 1024 },
  network: { rxBps: 512, txBps: 4096 },
  uptimeSec: 90_061,
  processCount: 321,
  ...over,
});

export const point = (ts: number, cpuPct = 10): SeriesPoint => ({
  ts,
  cpuPct,
  memUsedPct: 50,
  swapUsedPct: 0,
  load1: 0.5,
  diskReadBps: 100,
  diskWriteBps: 200,
  netRxBps: 300,
  netTxBps: 400,
});

export const series = (range: HostSeries['range'], to: number, count: number, stepMs = 5000): HostSeries => ({
  range,
  stepMs,
  from: to - 15 * 60_000,
  to,
  points: Array.from({ length: count }, (_, i) => point(to - (count - i) * stepMs)),
});

export const noAlerts = (): AlertSummary => ({ firing: [], pending: [], updatedAt: 1_700_000_000_000 });

export const settings = (over: Partial<Settings> = {}): Settings => ({ theme: 'system', notificationsPaused: false, ...over });

/** What the host answers when there is no kubeconfig at all. */
export const noKubeconfig = (): K8sContexts => ({
  files: ['/home/ops/.kube/config'],
  found: [],
  problems: [],
  currentContext: null,
  contexts: [],
});

/** A kubeconfig context as the host reports it; switched off unless told otherwise. */
export const k8sContext = (over: Partial<K8sContextInfo> = {}): K8sContextInfo => ({
  name: 'prod',
  cluster: 'prod',
  server: 'https://prod.example:6443',
  user: 'admin',
  namespace: null,
  source: '/home/ops/.kube/config',
  current: false,
  enabled: false,
  state: 'disabled',
  message: null,
  lastAttemptAt: null,
  nextRetryAt: null,
  warnings: [],
  ...over,
});
