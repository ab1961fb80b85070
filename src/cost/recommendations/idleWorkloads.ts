import type { CostPricingTable, Recommendation } from '../../contract';
import { HOURS_PER_MONTH } from '../allocation/pricing';
import { cores, diskSpace, money, priorityOf } from './format';
import type { WorkloadUsage } from './workloadUsage';

/** "For 7 days": usage samples must cover at least this much of the week. */
export const IDLE_MIN_MEASURED_HOURS = 156;
/** Near-zero CPU: no hour's per-pod mean above 5 millicores. */
export const IDLE_CPU_CORES = 0.005;
/** Near-zero network: under 1 MB a day in and out together. */
export const IDLE_NETWORK_BYTES = 7 * 1_000_000;

/** Bytes each workload ("context/namespace/Kind/name") sent and received over the 7 days; null when not measured. */
export type WorkloadNetwork = ReadonlyMap<string, number> | null;

/**
 * Deployments whose pods used next to no CPU (and, when Prometheus measures it, no network) for
 * 7 days: scaling them to zero or removing them saves what they are allocated.
 */
export function idleWorkloadRecommendations(workloads: readonly WorkloadUsage[], table: CostPricingTable, network: WorkloadNetwork, networkNote: string): Recommendation[] {
  const out: Recommendation[] = [];
  for (const w of workloads) {
    if (!w.workload.startsWith('Deployment/') || w.replicas === 0 || w.measuredHours < IDLE_MIN_MEASURED_HOURS) continue;
    const peak = Math.max(...w.cpuHourly);
    if (peak >= IDLE_CPU_CORES) continue;
    const id = `${w.context}/${w.namespace}/${w.workload}`;
    const bytes = network?.get(id);
    if (bytes !== undefined && bytes >= IDLE_NETWORK_BYTES) continue;
    const cost = w.cpuAlloc * table.cpuCoreHour + w.ramAlloc * table.ramGbHour + w.gpu * table.gpuHour;
    const saving = (cost / w.measuredHours) * HOURS_PER_MONTH;
    out.push({
      id: `cost.idle/${id}`,
      engine: 'cost',
      kind: 'idle',
      title: `${w.namespace}/${w.workload} looks idle`,
      reason: 'Its pods used next to no CPU for 7 days; scale it to zero or remove it if nothing needs it.',
      evidence: [
        `${w.measuredHours.toFixed(0)} h of usage samples in the last 7 days, ${w.replicas} pod${w.replicas === 1 ? '' : 's'} now`,
        `Highest hourly CPU per pod: ${cores(peak)}`,
        bytes !== undefined ? `Network in and out over 7 days: ${diskSpace(bytes)}` : networkNote,
      ],
      effect: { monthlySaving: saving, currency: table.currency, text: `Scaling to zero saves about ${money(saving, table.currency)} a month.` },
      priority: priorityOf(saving),
      link: { tab: 'clusters' },
    });
  }
  return out;
}
