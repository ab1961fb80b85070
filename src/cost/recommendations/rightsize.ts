import type { CostPricingTable, Recommendation } from '../../contract';
import { HOURS_PER_MONTH } from '../allocation/pricing';
import { cores, gib, money, priorityOf } from './format';
import { percentile, type WorkloadUsage } from './workloadUsage';

/** Suggested requests are the P95 of hourly usage plus this share. */
export const HEADROOM = 0.2;
/** Fewer hours of usage than this are not enough evidence either way. */
export const MIN_MEASURED_HOURS = 24;
/** A request this many times the suggestion is far above it. */
const FAR_ABOVE = 1.5;
/** Below these a change is not worth a restart. */
const MIN_CPU_CUT = 0.05;
const MIN_RAM_CUT = 64 / 1024;
/** Requests are never suggested below these. */
const MIN_CPU = 0.01;
const MIN_RAM = 32 / 1024;

const suggest = (p95: number, floor: number) => Math.max(floor, p95 * (1 + HEADROOM));

/**
 * Right-sizing from the last 7 days: requests far above P95 usage (suggest P95 + headroom, save
 * the difference on every replica), or P95 usage above the requests (a risk: memory beyond its
 * request is the first evicted under pressure; CPU beyond it is not guaranteed).
 */
export function rightsizeRecommendations(workloads: readonly WorkloadUsage[], table: CostPricingTable): Recommendation[] {
  const out: Recommendation[] = [];
  for (const w of workloads) {
    if (w.measuredHours < MIN_MEASURED_HOURS || w.replicas === 0) continue;
    const cpuP95 = percentile(w.cpuHourly, 95);
    const ramP95 = percentile(w.ramHourly, 95);
    const cpuSuggested = suggest(cpuP95, MIN_CPU);
    const ramSuggested = suggest(ramP95, MIN_RAM);
    const id = `${w.context}/${w.namespace}/${w.workload}`;
    const evidence = [
      `${w.measuredHours.toFixed(0)} h of usage samples in the last 7 days, ${w.replicas} pod${w.replicas === 1 ? '' : 's'} now`,
      `CPU per pod: request ${cores(w.cpuRequest)}, P95 of hourly usage ${cores(cpuP95)}`,
      `Memory per pod: request ${gib(w.ramRequest)}, P95 of hourly usage ${gib(ramP95)}`,
    ];
    const link = { tab: 'clusters' } as const;
    const cpuOver = cpuP95 > w.cpuRequest;
    const ramOver = ramP95 > w.ramRequest;
    if (cpuOver || ramOver) {
      const parts = [
        ...(ramOver ? [`memory request ${gib(w.ramRequest)} → ${gib(ramSuggested)}`] : []),
        ...(cpuOver ? [`CPU request ${cores(w.cpuRequest)} → ${cores(cpuSuggested)}`] : []),
      ];
      const risk = ramOver ? 'high' : 'medium';
      out.push({
        id: `cost.underprovisioned/${id}`,
        engine: 'cost',
        kind: 'underprovisioned',
        title: `${w.namespace}/${w.workload} uses more than it requests`,
        reason: ramOver
          ? 'Memory above the request makes its pods the first evicted when the node runs short.'
          : 'CPU above the request is not guaranteed: the pods slow down when the node is busy.',
        evidence,
        effect: { risk, text: `Raise ${parts.join(', ')} (P95 + ${HEADROOM * 100}%).` },
        priority: priorityOf(0, risk),
        link,
      });
      continue;
    }
    const cpuCut = w.cpuRequest > cpuSuggested * FAR_ABOVE && w.cpuRequest - cpuSuggested >= MIN_CPU_CUT ? w.cpuRequest - cpuSuggested : 0;
    const ramCut = w.ramRequest > ramSuggested * FAR_ABOVE && w.ramRequest - ramSuggested >= MIN_RAM_CUT ? w.ramRequest - ramSuggested : 0;
    if (cpuCut === 0 && ramCut === 0) continue;
    const saving = w.replicas * (cpuCut * table.cpuCoreHour + ramCut * table.ramGbHour) * HOURS_PER_MONTH;
    const parts = [
      ...(cpuCut > 0 ? [`CPU request ${cores(w.cpuRequest)} → ${cores(cpuSuggested)}`] : []),
      ...(ramCut > 0 ? [`memory request ${gib(w.ramRequest)} → ${gib(ramSuggested)}`] : []),
    ];
    out.push({
      id: `cost.rightsize/${id}`,
      engine: 'cost',
      kind: 'rightsize',
      title: `Right-size ${w.namespace}/${w.workload}`,
      reason: 'Its requests are far above what its pods used over the last 7 days; the reserved capacity is paid for and unused.',
      evidence: [...evidence, `Priced at ${money(table.cpuCoreHour, table.currency)} per core-hour and ${money(table.ramGbHour, table.currency)} per GiB-hour`],
      effect: { monthlySaving: saving, currency: table.currency, text: `Set ${parts.join(', ')} (P95 + ${HEADROOM * 100}%): about ${money(saving, table.currency)} a month.` },
      priority: priorityOf(saving),
      link,
    });
  }
  return out;
}
