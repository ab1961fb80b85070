import type { CostInstanceRate, CostPricingTable, Recommendation } from '../../contract';
import type { NodeLoad } from '../allocation/allocationStore';
import { HOUR_MS } from '../allocation/allocationStore';
import { HOURS_PER_MONTH, nodeRates } from '../allocation/pricing';
import { money, priorityOf } from './format';
import { MIN_MEASURED_HOURS } from './rightsize';

/** Mostly empty: pods request under this share of both the node's CPU and its memory. */
export const EMPTY_NODE_SHARE = 0.2;

const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

/**
 * Nodes whose pods requested under 20% of their CPU and memory over the last 7 days, in a
 * cluster with other nodes to take those pods: draining and removing one saves its price.
 */
export function emptyNodeRecommendations(loads: readonly NodeLoad[], table: CostPricingTable, instanceRates: ReadonlyMap<string, CostInstanceRate>): Recommendation[] {
  const perContext = new Map<string, number>();
  for (const l of loads) perContext.set(l.context, (perContext.get(l.context) ?? 0) + 1);
  const out: Recommendation[] = [];
  for (const l of loads) {
    const hours = l.sampledMs / HOUR_MS;
    if ((perContext.get(l.context) ?? 0) < 2 || hours < MIN_MEASURED_HOURS || l.cpu <= 0 || l.ram <= 0) continue;
    const cpuShare = l.cpuRequested / l.cpu;
    const ramShare = l.ramRequested / l.ram;
    if (cpuShare >= EMPTY_NODE_SHARE || ramShare >= EMPTY_NODE_SHARE || l.gpuRequested > 0) continue;
    const rates = nodeRates({ cpuCores: l.cpu / hours, ramGb: l.ram / hours, gpus: l.gpu / hours, instanceType: l.instanceType }, table, instanceRates);
    const saving = rates.hourly * HOURS_PER_MONTH;
    out.push({
      id: `cost.empty-node/${l.context}/${l.node}`,
      engine: 'cost',
      kind: 'empty-node',
      title: `Node ${l.node} is mostly empty`,
      reason: 'Its pods reserve a small part of it; moving them to the other nodes and removing it saves its whole price.',
      evidence: [
        `${hours.toFixed(0)} h sampled in the last 7 days in ${l.context}`,
        `Requested: ${pct(cpuShare)} of its CPU, ${pct(ramShare)} of its memory`,
        rates.instanceRate
          ? `${l.instanceType} costs ${money(rates.hourly, table.currency)} an hour in the billing data`
          : `Priced by its capacity at the table prices: ${money(rates.hourly, table.currency)} an hour`,
      ],
      effect: { monthlySaving: saving, currency: table.currency, text: `Draining and removing it saves about ${money(saving, table.currency)} a month.` },
      priority: priorityOf(saving),
      link: { tab: 'clusters' },
    });
  }
  return out;
}
