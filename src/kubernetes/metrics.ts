import type { K8sMetricsStatus } from '../contract/types';
import { bytes, cpuMillis } from './kinds/quantity';
import { keyOf, listAt, objectAt, stringAt } from './kinds/read';
import type { KubeApi, KubeSession } from './kubeApi';
import { asKubeApiError } from './kubeApiError';

export interface Usage {
  cpuMillis: number;
  memoryBytes: number;
}

/** One reading of metrics.k8s.io: the figures, or why there are none. */
export interface MetricsSnapshot {
  status: K8sMetricsStatus;
  /** All nodes together; null when unavailable. */
  nodes: Usage | null;
  /** By pod key (namespace/name); running pods only, as metrics-server reports them. */
  pods: ReadonlyMap<string, Usage>;
}

export interface MetricsOptions {
  /** How often to read the figures (default 15 s, metrics-server's own resolution). */
  intervalMs?: number;
  now?: () => number;
}

const GROUP_VERSION = '/apis/metrics.k8s.io/v1beta1';
export const METRICS_NOT_SERVED = 'metrics.k8s.io is not served by this cluster: install metrics-server to see CPU and memory usage';
const DEFAULT_INTERVAL_MS = 15_000;

const NONE: MetricsSnapshot = { status: { available: false, note: null, at: null }, nodes: null, pods: new Map() };

/** The summed usage of a list of containers' or nodes' `usage` objects. */
function add(total: Usage, usage: unknown): void {
  const u = objectAt(usage);
  total.cpuMillis += cpuMillis(u.cpu);
  total.memoryBytes += bytes(u.memory);
}

/** Why the figures are missing, in the server's words where it gave some. */
function noteFor(err: unknown): string {
  const failure = asKubeApiError(err);
  if (failure.status === 404) return METRICS_NOT_SERVED;
  if (failure.kind === 'forbidden') return failure.message;
  return `metrics.k8s.io did not answer: ${failure.message}`;
}

async function read(session: KubeSession, signal: AbortSignal, at: number): Promise<MetricsSnapshot> {
  // Discovery first: a cluster without metrics-server has no such group (404).
  await session.getJson(GROUP_VERSION, signal);
  const [nodeList, podList] = await Promise.all([session.getJson(`${GROUP_VERSION}/nodes`, signal), session.getJson(`${GROUP_VERSION}/pods`, signal)]);
  const nodes: Usage = { cpuMillis: 0, memoryBytes: 0 };
  for (const item of listAt(objectAt(nodeList).items)) add(nodes, objectAt(item).usage);
  const pods = new Map<string, Usage>();
  for (const item of listAt(objectAt(podList).items)) {
    const meta = objectAt(objectAt(item).metadata);
    const usage: Usage = { cpuMillis: 0, memoryBytes: 0 };
    for (const c of listAt(objectAt(item).containers)) add(usage, objectAt(c).usage);
    pods.set(keyOf(stringAt(meta.namespace), stringAt(meta.name) ?? ''), usage);
  }
  return { status: { available: true, note: null, at }, nodes, pods };
}

/** Reads node and pod usage from metrics.k8s.io at a steady pace while the context is connected. */
export class MetricsPoller {
  private current: MetricsSnapshot = NONE;
  private timer: NodeJS.Timeout | undefined;
  private abort = new AbortController();
  private reading = false;
  private attempted = false;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly api: KubeApi,
    private readonly connected: () => boolean,
    private readonly changed: () => void,
    options: MetricsOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  get snapshot(): MetricsSnapshot {
    return this.current;
  }

  start(): void {
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.abort.abort();
  }

  /** The context's state changed: read at once the first time it is connected rather than a whole interval later. */
  poke(): void {
    if (!this.attempted) void this.poll();
  }

  private async poll(): Promise<void> {
    if (this.reading || this.abort.signal.aborted || !this.connected()) return;
    this.reading = true;
    this.attempted = true;
    let next: MetricsSnapshot;
    try {
      next = await read(await this.api.session(), this.abort.signal, this.now());
    } catch (err) {
      next = { ...NONE, status: { available: false, note: noteFor(err), at: null } };
    } finally {
      this.reading = false;
    }
    if (this.abort.signal.aborted) return;
    const before = this.current.status;
    this.current = next;
    if (next.status.available || before.note !== next.status.note || before.available) this.changed();
  }
}
