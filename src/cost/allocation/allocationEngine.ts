import type {
  CostAllocationGroupBy,
  CostAllocationReport,
  CostAllocationWindow,
  CostInstanceRate,
  CostPricing,
  CostPricingTable,
} from '../../contract';
import { COST_UNALLOCATED } from '../../contract';
import type { ClusterConnection } from '../../kubernetes/clusterConnection';
import type { Usage } from '../../kubernetes/metrics';
import type { Db } from '../../store/database';
import type { KeyValueStore } from '../../store/keyValue';
import { allocate, type Member } from './allocate';
import { AllocationStore, HOUR_MS, type Range } from './allocationStore';
import { NO_BILLING_ROWS } from './billingRates';
import { sampleCluster } from './clusterSample';
import type { PrometheusReader } from './prometheusQuery';
import { podUsageFromPrometheus } from './prometheusUsage';
import { DEFAULTS_NOTE, type PricingFile } from './pricing';

/** The part of the cluster manager allocation reads. */
export interface Clusters {
  connectedNames(): string[];
  cluster(name: string): Promise<ClusterConnection>;
}

/** Instance-type prices from imported billing data; the note says why there are none. */
export type InstanceRateSource = () => Promise<{ rates: CostInstanceRate[]; note: string | null }>;

export interface AllocationEngineOptions {
  db: Db;
  kv: KeyValueStore;
  clusters: Clusters;
  pricing: PricingFile;
  instanceRates?: InstanceRateSource;
  /** Read for pod usage (cAdvisor series) when a cluster does not serve metrics.k8s.io. */
  prometheus?: PrometheusReader;
  log(message: string): void;
  /** How often each connected cluster is sampled (default 5 minutes). */
  intervalMs?: number;
  now?: () => number;
}

export const DEFAULT_SAMPLE_INTERVAL_MS = 5 * 60_000;
export const DEFAULT_TEAM_LABEL = 'team';
const TEAM_LABEL_KEY = 'cost.teamLabel';
const DAY_MS = 24 * HOUR_MS;
const NOT_CONNECTED_HINT = 'Connect a Kubernetes cluster in the Clusters tab: each connected cluster is sampled every few minutes to allocate its cost.';
const NO_SAMPLES_HINT = 'No samples in this window yet: connected clusters are sampled every few minutes.';

/** Bucket sizes that keep each chart at a readable number of bars. */
const BUCKET_MS: Record<CostAllocationWindow, number> = { '24h': HOUR_MS, '7d': 6 * HOUR_MS, '30d': DAY_MS, month: DAY_MS };

/** The window's [start, end): hour-aligned rolling ranges, or the UTC calendar month so far. */
export function windowRange(window: CostAllocationWindow, now: number): { start: number; end: number } {
  if (window === 'month') {
    const d = new Date(now);
    return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: now };
  }
  const span = window === '24h' ? DAY_MS : window === '7d' ? 7 * DAY_MS : 30 * DAY_MS;
  return { start: Math.floor((now - span) / HOUR_MS) * HOUR_MS + HOUR_MS, end: now };
}

/** The grouping of a report: the key each pod or claim adds to. */
export function groupOf(groupBy: CostAllocationGroupBy, labelKey: string | null, multiCluster: boolean): (m: Member) => string {
  const prefix = (m: Member) => (multiCluster ? `${m.context}/` : '');
  switch (groupBy) {
    case 'namespace':
      return (m) => `${prefix(m)}${m.namespace}`;
    case 'workload':
      return (m) => `${prefix(m)}${m.namespace}/${m.workload}`;
    case 'label':
    case 'team':
      return (m) => m.labels[labelKey!] ?? COST_UNALLOCATED;
  }
}

/**
 * Samples every connected cluster's pods, nodes and claims into the store, and prices them
 * into allocation reports on request (so a price change applies to the whole history).
 */
export class AllocationEngine {
  readonly store: AllocationStore;
  private timer: NodeJS.Timeout | undefined;
  private readonly leases = new Map<string, { connection: ClusterConnection; release: () => void }>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private sampling: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: AllocationEngineOptions) {
    this.store = new AllocationStore(options.db);
    this.intervalMs = options.intervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const { release } of this.leases.values()) release();
    this.leases.clear();
  }

  /** Samples each connected cluster once; a cluster that fails is logged and skipped. */
  sample(): Promise<void> {
    this.sampling ??= this.sampleAll().finally(() => {
      this.sampling = null;
    });
    return this.sampling;
  }

  /** The store closes with the host: a sample still under way when it stops is dropped. */
  private async sampleAll(): Promise<void> {
    const at = this.now();
    const names = new Set(this.options.clusters.connectedNames());
    for (const [name, lease] of this.leases) {
      if (!names.has(name)) {
        lease.release();
        this.leases.delete(name);
      }
    }
    for (const name of names) {
      try {
        const connection = await this.options.clusters.cluster(name);
        if (this.stopped) return;
        this.holdClaims(name, connection);
        const metrics = connection.usage();
        // Until metrics.k8s.io has answered once (figures or a reason), usage would look missing rather than unknown.
        if (!metrics.status.available && metrics.status.note === null) continue;
        const usage = metrics.status.available ? metrics.pods : await this.prometheusUsage(at);
        if (this.stopped) return;
        const i = connection.informers;
        const claims = i.persistentvolumeclaims.status.listed ? i.persistentvolumeclaims.cache : null;
        const state = { pods: i.pods.cache, nodes: i.nodes.cache, deployments: i.deployments.cache, claims, usage };
        this.store.record(sampleCluster(name, state, at, this.intervalMs));
      } catch (err) {
        this.options.log(`cost allocation: ${name} was not sampled: ${(err as Error).message}`);
      }
    }
    if (!this.stopped) this.store.prune(at);
  }

  private async prometheusUsage(at: number): Promise<ReadonlyMap<string, Usage> | null> {
    if (!this.options.prometheus) return null;
    try {
      return await podUsageFromPrometheus(this.options.prometheus, at);
    } catch (err) {
      this.options.log(`cost allocation: pod usage from Prometheus failed: ${(err as Error).message}`);
      return null;
    }
  }

  /** Claims are watched on demand: the engine holds them (and the volumes the recommendations read) while the cluster is up. */
  private holdClaims(name: string, connection: ClusterConnection): void {
    const held = this.leases.get(name);
    if (held?.connection === connection) return;
    held?.release();
    const claims = connection.retain('persistentvolumeclaims');
    const volumes = connection.retain('persistentvolumes');
    this.leases.set(name, {
      connection,
      release: () => {
        claims();
        volumes();
      },
    });
  }

  teamLabel(): string {
    return this.options.kv.get<string>(TEAM_LABEL_KEY) ?? DEFAULT_TEAM_LABEL;
  }

  async instanceRates(): Promise<{ rates: CostInstanceRate[]; note: string | null }> {
    if (!this.options.instanceRates) return { rates: [], note: NO_BILLING_ROWS };
    try {
      return await this.options.instanceRates();
    } catch (err) {
      return { rates: [], note: `Billing data could not be read: ${(err as Error).message}` };
    }
  }

  /** The prices in use (a broken user file is an error the caller reports). */
  pricingTable(): CostPricingTable {
    return this.options.pricing.table();
  }

  async pricing(): Promise<CostPricing> {
    const { pricing } = this.options;
    const { rates, note } = await this.instanceRates();
    return {
      table: pricing.table(),
      defaults: pricing.defaults,
      custom: pricing.custom,
      file: pricing.file,
      defaultsNote: DEFAULTS_NOTE,
      instanceRates: rates,
      instanceRatesNote: rates.length > 0 ? null : note,
      teamLabel: this.teamLabel(),
    };
  }

  async setPricing(input: { table?: CostPricingTable; reset?: boolean; teamLabel?: string }): Promise<CostPricing> {
    if (input.reset) this.options.pricing.reset();
    else if (input.table) this.options.pricing.save(input.table);
    if (input.teamLabel !== undefined) this.options.kv.set(TEAM_LABEL_KEY, input.teamLabel);
    return this.pricing();
  }

  async report(input: { window: CostAllocationWindow; groupBy: CostAllocationGroupBy; labelKey?: string; context?: string }): Promise<CostAllocationReport> {
    const now = this.now();
    const { start, end } = windowRange(input.window, now);
    const range: Range = { start, end, context: input.context };
    const bucketMs = BUCKET_MS[input.window];
    const table = this.pricingTable();
    const { rates } = await this.instanceRates();
    const contexts = this.store.contexts(range).filter((c) => input.context === undefined || c === input.context);
    const labelKey = input.groupBy === 'team' ? this.teamLabel() : input.groupBy === 'label' ? input.labelKey! : null;
    const result = allocate({
      pods: this.store.pods(range, bucketMs),
      nodes: this.store.nodes(range, bucketMs),
      claims: this.store.claims(range, bucketMs),
      table,
      instanceRates: new Map(rates.map((r) => [r.instanceType, r])),
      groupOf: groupOf(input.groupBy, labelKey, contexts.length > 1),
      start,
      end,
      bucketMs,
    });
    const sampled = contexts.length > 0;
    const hint = sampled ? null : this.options.clusters.connectedNames().length > 0 ? NO_SAMPLES_HINT : NOT_CONNECTED_HINT;
    return {
      connected: sampled,
      hint,
      currency: table.currency,
      window: input.window,
      groupBy: input.groupBy,
      labelKey,
      start,
      end,
      coveredFrom: this.store.firstHour(range),
      contexts,
      ...result,
    };
  }
}
