import type { Db } from '../../store/database';

export const HOUR_MS = 3_600_000;

/** One running pod at sampling time: requests from its spec, usage from metrics (null when not measured). Cores and GiB. */
export interface PodSample {
  namespace: string;
  pod: string;
  node: string;
  /** "Kind/name" of the top controller, or "Pod/<name>" for a bare pod. */
  workload: string;
  labels: Readonly<Record<string, string>>;
  cpuRequest: number;
  ramRequest: number;
  gpuRequest: number;
  cpuUsage: number | null;
  ramUsage: number | null;
}

/** A node's capacity at sampling time (cores, GiB, GPUs). */
export interface NodeSample {
  node: string;
  instanceType: string | null;
  cpu: number;
  ram: number;
  gpu: number;
}

/** A bound claim's size in GiB. */
export interface ClaimSample {
  namespace: string;
  claim: string;
  labels: Readonly<Record<string, string>>;
  storage: number;
}

export interface ClusterSample {
  context: string;
  at: number;
  /** The time the sample stands for. */
  intervalMs: number;
  pods: PodSample[];
  nodes: NodeSample[];
  claims: ClaimSample[];
}

/** Resource-hours of one pod on one node within a bucket. */
export interface PodAmounts {
  bucket: number;
  context: string;
  namespace: string;
  pod: string;
  node: string;
  workload: string;
  labels: string;
  cpu: number;
  ram: number;
  gpu: number;
}

export interface NodeAmounts {
  bucket: number;
  context: string;
  node: string;
  instanceType: string | null;
  sampledMs: number;
  cpu: number;
  ram: number;
  gpu: number;
}

export interface ClaimAmounts {
  bucket: number;
  context: string;
  namespace: string;
  claim: string;
  labels: string;
  storage: number;
}

/** One workload's hour: per-pod mean request and usage (cores, GiB) and how long each was measured. */
export interface WorkloadHour {
  context: string;
  namespace: string;
  workload: string;
  hour: number;
  sampledMs: number;
  usedMs: number;
  cpuRequest: number;
  ramRequest: number;
  cpuUsage: number;
  ramUsage: number;
  /** Resource-hours allocated in the hour, for the workload's cost. */
  cpuAlloc: number;
  ramAlloc: number;
  gpu: number;
  pods: number;
}

/** A pod the samples saw and the workload it belongs to. */
export interface PodWorkload {
  context: string;
  namespace: string;
  pod: string;
  workload: string;
}

/** Requests on a node over a range, against its capacity (resource-hours). */
export interface NodeLoad {
  context: string;
  node: string;
  instanceType: string | null;
  sampledMs: number;
  cpu: number;
  ram: number;
  gpu: number;
  cpuRequested: number;
  ramRequested: number;
  gpuRequested: number;
}

export interface Range {
  start: number;
  end: number;
  context?: string;
}

/** Kept long enough for a 30-day window and a month to date. */
export const RETENTION_MS = 35 * 24 * HOUR_MS;

const contextFilter = (r: Range) => (r.context === undefined ? '' : 'AND context = @context');
const params = (r: Range, extra: Record<string, unknown> = {}) => ({ start: r.start, end: r.end, ...(r.context === undefined ? {} : { context: r.context }), ...extra });

/** The allocation samples, summed by hour (SQLite, migration 8). */
export class AllocationStore {
  private readonly upsertPod;
  private readonly upsertNode;
  private readonly upsertClaim;

  constructor(private readonly db: Db) {
    this.upsertPod = db.prepare(`
      INSERT INTO cost_pod_hours VALUES (@context, @hour, @namespace, @pod, @node, @workload, @labels, @ms,
        @cpuRequest, @ramRequest, @gpuRequest, @cpuAlloc, @ramAlloc, @usedMs, @cpuUsage, @ramUsage)
      ON CONFLICT DO UPDATE SET node = excluded.node, workload = excluded.workload, labels = excluded.labels,
        sampled_ms = sampled_ms + excluded.sampled_ms,
        cpu_request = cpu_request + excluded.cpu_request, ram_request = ram_request + excluded.ram_request,
        gpu_request = gpu_request + excluded.gpu_request, cpu_alloc = cpu_alloc + excluded.cpu_alloc,
        ram_alloc = ram_alloc + excluded.ram_alloc, used_ms = used_ms + excluded.used_ms,
        cpu_usage = cpu_usage + excluded.cpu_usage, ram_usage = ram_usage + excluded.ram_usage`);
    this.upsertNode = db.prepare(`
      INSERT INTO cost_node_hours VALUES (@context, @hour, @node, @instanceType, @ms, @cpu, @ram, @gpu)
      ON CONFLICT DO UPDATE SET instance_type = excluded.instance_type, sampled_ms = sampled_ms + excluded.sampled_ms,
        cpu = cpu + excluded.cpu, ram = ram + excluded.ram, gpu = gpu + excluded.gpu`);
    this.upsertClaim = db.prepare(`
      INSERT INTO cost_claim_hours VALUES (@context, @hour, @namespace, @claim, @labels, @ms, @storage)
      ON CONFLICT DO UPDATE SET labels = excluded.labels, sampled_ms = sampled_ms + excluded.sampled_ms,
        storage = storage + excluded.storage`);
  }

  /** Adds a sample: each amount times the interval in hours; a pod is allocated max(request, usage) per resource. */
  record(sample: ClusterSample): void {
    const { context, intervalMs: ms } = sample;
    const hour = Math.floor(sample.at / HOUR_MS) * HOUR_MS;
    const h = ms / HOUR_MS;
    this.db.transaction(() => {
      for (const p of sample.pods) {
        this.upsertPod.run({
          context,
          hour,
          namespace: p.namespace,
          pod: p.pod,
          node: p.node,
          workload: p.workload,
          labels: JSON.stringify(p.labels),
          ms,
          cpuRequest: p.cpuRequest * h,
          ramRequest: p.ramRequest * h,
          gpuRequest: p.gpuRequest * h,
          cpuAlloc: Math.max(p.cpuRequest, p.cpuUsage ?? 0) * h,
          ramAlloc: Math.max(p.ramRequest, p.ramUsage ?? 0) * h,
          usedMs: p.cpuUsage === null || p.ramUsage === null ? 0 : ms,
          cpuUsage: (p.cpuUsage ?? 0) * h,
          ramUsage: (p.ramUsage ?? 0) * h,
        });
      }
      for (const n of sample.nodes) {
        this.upsertNode.run({ context, hour, node: n.node, instanceType: n.instanceType, ms, cpu: n.cpu * h, ram: n.ram * h, gpu: n.gpu * h });
      }
      for (const c of sample.claims) {
        this.upsertClaim.run({ context, hour, namespace: c.namespace, claim: c.claim, labels: JSON.stringify(c.labels), ms, storage: c.storage * h });
      }
    })();
  }

  /** Drops hours older than the retention. */
  prune(now: number): void {
    const before = now - RETENTION_MS;
    for (const table of ['cost_pod_hours', 'cost_node_hours', 'cost_claim_hours']) {
      this.db.prepare(`DELETE FROM ${table} WHERE hour < ?`).run(before);
    }
  }

  pods(r: Range, bucketMs: number): PodAmounts[] {
    return this.db
      .prepare(
        `SELECT (hour / @bucket) * @bucket AS bucket, context, namespace, pod, node, MAX(workload) AS workload, MAX(labels) AS labels,
           SUM(cpu_alloc) AS cpu, SUM(ram_alloc) AS ram, SUM(gpu_request) AS gpu
         FROM cost_pod_hours WHERE hour >= @start AND hour < @end ${contextFilter(r)}
         GROUP BY bucket, context, namespace, pod, node`,
      )
      .all(params(r, { bucket: bucketMs })) as PodAmounts[];
  }

  nodes(r: Range, bucketMs: number): NodeAmounts[] {
    return this.db
      .prepare(
        `SELECT (hour / @bucket) * @bucket AS bucket, context, node, MAX(instance_type) AS instanceType, SUM(sampled_ms) AS sampledMs,
           SUM(cpu) AS cpu, SUM(ram) AS ram, SUM(gpu) AS gpu
         FROM cost_node_hours WHERE hour >= @start AND hour < @end ${contextFilter(r)}
         GROUP BY bucket, context, node`,
      )
      .all(params(r, { bucket: bucketMs })) as NodeAmounts[];
  }

  claims(r: Range, bucketMs: number): ClaimAmounts[] {
    return this.db
      .prepare(
        `SELECT (hour / @bucket) * @bucket AS bucket, context, namespace, claim, MAX(labels) AS labels, SUM(storage) AS storage
         FROM cost_claim_hours WHERE hour >= @start AND hour < @end ${contextFilter(r)}
         GROUP BY bucket, context, namespace, claim`,
      )
      .all(params(r, { bucket: bucketMs })) as ClaimAmounts[];
  }

  /** Each workload's hours: the per-pod means the right-size and idle rules read. */
  workloadHours(r: Range): WorkloadHour[] {
    return this.db
      .prepare(
        `SELECT context, namespace, workload, hour, SUM(sampled_ms) AS sampledMs, SUM(used_ms) AS usedMs,
           SUM(cpu_request) * 3600000.0 / SUM(sampled_ms) AS cpuRequest, SUM(ram_request) * 3600000.0 / SUM(sampled_ms) AS ramRequest,
           COALESCE(SUM(cpu_usage) * 3600000.0 / NULLIF(SUM(used_ms), 0), 0) AS cpuUsage,
           COALESCE(SUM(ram_usage) * 3600000.0 / NULLIF(SUM(used_ms), 0), 0) AS ramUsage,
           SUM(cpu_alloc) AS cpuAlloc, SUM(ram_alloc) AS ramAlloc, SUM(gpu_request) AS gpu, COUNT(*) AS pods
         FROM cost_pod_hours WHERE hour >= @start AND hour < @end AND sampled_ms > 0 ${contextFilter(r)}
         GROUP BY context, namespace, workload, hour ORDER BY context, namespace, workload, hour`,
      )
      .all(params(r)) as WorkloadHour[];
  }

  /** Every pod sampled in the range, with its workload. */
  podWorkloads(r: Range): PodWorkload[] {
    return this.db
      .prepare(`SELECT DISTINCT context, namespace, pod, workload FROM cost_pod_hours WHERE hour >= @start AND hour < @end ${contextFilter(r)}`)
      .all(params(r)) as PodWorkload[];
  }

  /** Each node's capacity-hours and the requests of the pods on it over the range. */
  nodeLoads(r: Range): NodeLoad[] {
    return this.db
      .prepare(
        `SELECT n.context, n.node, MAX(n.instance_type) AS instanceType, SUM(n.sampled_ms) AS sampledMs,
           SUM(n.cpu) AS cpu, SUM(n.ram) AS ram, SUM(n.gpu) AS gpu,
           COALESCE(SUM(p.cpu), 0) AS cpuRequested, COALESCE(SUM(p.ram), 0) AS ramRequested, COALESCE(SUM(p.gpu), 0) AS gpuRequested
         FROM cost_node_hours n LEFT JOIN (
           SELECT context, hour, node, SUM(cpu_request) AS cpu, SUM(ram_request) AS ram, SUM(gpu_request) AS gpu
           FROM cost_pod_hours WHERE hour >= @start AND hour < @end GROUP BY context, hour, node
         ) p ON p.context = n.context AND p.hour = n.hour AND p.node = n.node
         WHERE n.hour >= @start AND n.hour < @end ${r.context === undefined ? '' : 'AND n.context = @context'}
         GROUP BY n.context, n.node`,
      )
      .all(params(r)) as NodeLoad[];
  }

  /** The earliest hour with a sample in the range, or null. */
  firstHour(r: Range): number | null {
    const row = this.db
      .prepare(`SELECT MIN(hour) AS first FROM cost_node_hours WHERE hour >= @start AND hour < @end ${contextFilter(r)}`)
      .get(params(r)) as { first: number | null };
    return row.first;
  }

  contexts(r: Range): string[] {
    return (this.db.prepare('SELECT DISTINCT context FROM cost_node_hours WHERE hour >= @start AND hour < @end ORDER BY context').all({ start: r.start, end: r.end }) as { context: string }[]).map(
      (x) => x.context,
    );
  }
}
