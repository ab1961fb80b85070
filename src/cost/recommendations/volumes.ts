import type { CostPricingTable, Recommendation } from '../../contract';
import type { ClaimProjection, VolumeProjection } from '../../kubernetes/kinds/volumes';
import { parseQuantity } from '../../kubernetes/kinds/quantity';
import { gib, money, priorityOf } from './format';

const GIB = 2 ** 30;

/**
 * Claims stuck unbound (nothing provisioned, yet a workload may be waiting on them) and volumes
 * released by their claim (kept, and billed, until someone deletes them).
 */
export function volumeRecommendations(
  context: string,
  claims: Iterable<ClaimProjection>,
  volumes: Iterable<VolumeProjection>,
  table: CostPricingTable,
): Recommendation[] {
  const out: Recommendation[] = [];
  for (const c of claims) {
    if (c.status !== 'Pending') continue;
    out.push({
      id: `cost.unbound-pvc/${context}/${c.namespace}/${c.name}`,
      engine: 'cost',
      kind: 'unbound-pvc',
      title: `Claim ${c.namespace}/${c.name} is not bound`,
      reason: 'No volume backs it: a pod that mounts it cannot start, and a claim nothing uses is clutter.',
      evidence: [`Status Pending in ${context}`, `Storage class: ${c.cells.storageClass || '(default)'}`],
      effect: { risk: 'low', text: 'Fix its storage class or remove it.' },
      priority: priorityOf(0, 'low'),
      link: { tab: 'clusters' },
    });
  }
  for (const v of volumes) {
    if (v.status !== 'Released') continue;
    const size = parseQuantity(v.cells.capacity);
    const saving = size === null ? 0 : (size / GIB) * table.storageGbMonth;
    out.push({
      id: `cost.released-pv/${context}/${v.name}`,
      engine: 'cost',
      kind: 'released-pv',
      title: `Volume ${v.name} was released by its claim`,
      reason: 'Its claim is gone but the volume (and its disk) is kept under the Retain policy until someone deletes it.',
      evidence: [
        `Status Released in ${context}, was claimed by ${v.cells.claim || 'nothing'}`,
        `Capacity ${size === null ? 'unknown' : gib(size / GIB)}, reclaim policy ${v.cells.reclaimPolicy || 'unknown'}`,
      ],
      effect: {
        monthlySaving: saving,
        currency: table.currency,
        text: `Deleting it (after a backup if its data matters) saves about ${money(saving, table.currency)} a month at ${money(table.storageGbMonth, table.currency)} per GB-month.`,
      },
      priority: priorityOf(saving, 'low'),
      link: { tab: 'clusters' },
    });
  }
  return out;
}
