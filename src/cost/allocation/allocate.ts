import type { CostAllocationRow, CostAllocationSeries, CostAmounts, CostInstanceRate, CostPricingTable } from '../../contract';
import type { ClaimAmounts, NodeAmounts, PodAmounts } from './allocationStore';
import { HOUR_MS } from './allocationStore';
import { HOURS_PER_MONTH, nodeRates, type NodeRates } from './pricing';

/** What a grouping sees of a pod or a claim. */
export interface Member {
  context: string;
  namespace: string;
  /** "Kind/name"; claims are "PersistentVolumeClaim/<name>". */
  workload: string;
  labels: Readonly<Record<string, string>>;
}

export interface AllocationInput {
  pods: readonly PodAmounts[];
  nodes: readonly NodeAmounts[];
  claims: readonly ClaimAmounts[];
  table: CostPricingTable;
  instanceRates: ReadonlyMap<string, CostInstanceRate>;
  groupOf(member: Member): string;
  start: number;
  end: number;
  bucketMs: number;
  /** Groups drawn on their own in the series; the rest are summed as "other". */
  seriesGroups?: number;
}

export interface Allocation {
  rows: CostAllocationRow[];
  idle: Omit<CostAmounts, 'storageGbHours' | 'storageCost'>;
  nodeCost: number;
  allocatedCost: number;
  series: CostAllocationSeries;
}

export const OTHER_GROUP = '__other__';
const DEFAULT_SERIES_GROUPS = 8;

const zero = (): CostAmounts => ({
  cpuCoreHours: 0,
  ramGbHours: 0,
  gpuHours: 0,
  storageGbHours: 0,
  cpuCost: 0,
  ramCost: 0,
  gpuCost: 0,
  storageCost: 0,
  totalCost: 0,
});

function addTo(total: CostAmounts, part: CostAmounts): void {
  for (const k of Object.keys(total) as (keyof CostAmounts)[]) total[k] += part[k];
}

/** A node bucket's hourly prices from its mean size over the bucket. */
function ratesOf(n: NodeAmounts, table: CostPricingTable, instanceRates: ReadonlyMap<string, CostInstanceRate>): NodeRates {
  const hours = n.sampledMs / HOUR_MS;
  const size = hours > 0 ? { cpuCores: n.cpu / hours, ramGb: n.ram / hours, gpus: n.gpu / hours } : { cpuCores: 0, ramGb: 0, gpus: 0 };
  return nodeRates({ ...size, instanceType: n.instanceType }, table, instanceRates);
}

function parseLabels(text: string): Record<string, string> {
  try {
    return JSON.parse(text) as Record<string, string>;
  } catch {
    return {};
  }
}

const nodeKey = (bucket: number, context: string, node: string) => `${bucket}\u0000${context}\u0000${node}`;

/**
 * OpenCost's allocation: each pod costs its max(request, usage) resource-hours at its node's
 * prices; claims cost their GiB-hours at the storage price; what is left of each node's
 * capacity is idle, priced the same way and kept apart from every group.
 */
export function allocate(input: AllocationInput): Allocation {
  const { table, instanceRates } = input;
  const rates = new Map<string, NodeRates>();
  const used = new Map<string, { cpu: number; ram: number; gpu: number }>();
  for (const n of input.nodes) {
    rates.set(nodeKey(n.bucket, n.context, n.node), ratesOf(n, table, instanceRates));
    used.set(nodeKey(n.bucket, n.context, n.node), { cpu: 0, ram: 0, gpu: 0 });
  }
  const fallback: NodeRates = { cpu: table.cpuCoreHour, ram: table.ramGbHour, gpu: table.gpuHour, hourly: 0, instanceRate: null };

  const groups = new Map<string, { amounts: CostAmounts; pods: Set<string>; buckets: Map<number, number> }>();
  const groupFor = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { amounts: zero(), pods: new Set(), buckets: new Map() };
      groups.set(key, g);
    }
    return g;
  };
  const labelCache = new Map<string, Record<string, string>>();
  const labelsOf = (text: string) => {
    let l = labelCache.get(text);
    if (!l) {
      l = parseLabels(text);
      labelCache.set(text, l);
    }
    return l;
  };

  for (const p of input.pods) {
    const key = nodeKey(p.bucket, p.context, p.node);
    const r = rates.get(key) ?? fallback;
    const onNode = used.get(key);
    if (onNode) {
      onNode.cpu += p.cpu;
      onNode.ram += p.ram;
      onNode.gpu += p.gpu;
    }
    const cost = { ...zero(), cpuCoreHours: p.cpu, ramGbHours: p.ram, gpuHours: p.gpu, cpuCost: p.cpu * r.cpu, ramCost: p.ram * r.ram, gpuCost: p.gpu * r.gpu };
    cost.totalCost = cost.cpuCost + cost.ramCost + cost.gpuCost;
    const g = groupFor(input.groupOf({ context: p.context, namespace: p.namespace, workload: p.workload, labels: labelsOf(p.labels) }));
    addTo(g.amounts, cost);
    g.pods.add(`${p.context}/${p.namespace}/${p.pod}`);
    g.buckets.set(p.bucket, (g.buckets.get(p.bucket) ?? 0) + cost.totalCost);
  }

  const storagePerGbHour = table.storageGbMonth / HOURS_PER_MONTH;
  for (const c of input.claims) {
    const cost = { ...zero(), storageGbHours: c.storage, storageCost: c.storage * storagePerGbHour };
    cost.totalCost = cost.storageCost;
    const g = groupFor(
      input.groupOf({ context: c.context, namespace: c.namespace, workload: `PersistentVolumeClaim/${c.claim}`, labels: labelsOf(c.labels) }),
    );
    addTo(g.amounts, cost);
    g.buckets.set(c.bucket, (g.buckets.get(c.bucket) ?? 0) + cost.totalCost);
  }

  const idle = { cpuCoreHours: 0, ramGbHours: 0, gpuHours: 0, cpuCost: 0, ramCost: 0, gpuCost: 0, totalCost: 0 };
  const idleBuckets = new Map<number, number>();
  let nodeCost = 0;
  for (const n of input.nodes) {
    const key = nodeKey(n.bucket, n.context, n.node);
    const r = rates.get(key)!;
    const u = used.get(key)!;
    nodeCost += n.cpu * r.cpu + n.ram * r.ram + n.gpu * r.gpu;
    // Pods above a node's capacity (usage past allocatable) leave no idle, never a negative one.
    const cpu = Math.max(0, n.cpu - u.cpu);
    const ram = Math.max(0, n.ram - u.ram);
    const gpu = Math.max(0, n.gpu - u.gpu);
    const cost = cpu * r.cpu + ram * r.ram + gpu * r.gpu;
    idle.cpuCoreHours += cpu;
    idle.ramGbHours += ram;
    idle.gpuHours += gpu;
    idle.cpuCost += cpu * r.cpu;
    idle.ramCost += ram * r.ram;
    idle.gpuCost += gpu * r.gpu;
    idle.totalCost += cost;
    idleBuckets.set(n.bucket, (idleBuckets.get(n.bucket) ?? 0) + cost);
  }

  const rows: CostAllocationRow[] = [...groups]
    .map(([key, g]) => ({ key, pods: g.pods.size, ...g.amounts }))
    .sort((a, b) => b.totalCost - a.totalCost || (a.key < b.key ? -1 : 1));
  const allocatedCost = rows.reduce((n, r) => n + r.totalCost, 0);

  const first = Math.floor(input.start / input.bucketMs) * input.bucketMs;
  const buckets: number[] = [];
  for (let b = first; b < input.end; b += input.bucketMs) buckets.push(b);
  const drawn = rows.slice(0, input.seriesGroups ?? DEFAULT_SERIES_GROUPS);
  const rest = rows.slice(drawn.length);
  const seriesOf = (keys: string[]) => buckets.map((b) => keys.reduce((n, k) => n + (groups.get(k)!.buckets.get(b) ?? 0), 0));
  const series: CostAllocationSeries = {
    buckets,
    bucketMs: input.bucketMs,
    groups: [
      ...drawn.map((r) => ({ key: r.key, costs: seriesOf([r.key]) })),
      ...(rest.length > 0 ? [{ key: OTHER_GROUP, costs: seriesOf(rest.map((r) => r.key)) }] : []),
    ],
    idle: buckets.map((b) => idleBuckets.get(b) ?? 0),
  };
  return { rows, idle, nodeCost, allocatedCost, series };
}
