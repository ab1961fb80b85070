import type { costAllocationChannels } from '../../contract/channels/costAllocation';
import type { AllocationEngine } from '../../cost/allocation/allocationEngine';
import { allocationCsv } from '../../cost/allocation/allocationCsv';
import type { RecommendationEngine } from '../../cost/recommendations/recommendationEngine';
import type { HandlersFor } from '../dispatch';

/** Kubernetes cost allocation, its prices, and the cost recommendations. */
export function costAllocationHandlers(allocation: AllocationEngine, recommendations: RecommendationEngine): HandlersFor<keyof typeof costAllocationChannels> {
  return {
    'cost.allocation': (input) => allocation.report(input),
    'cost.allocation.export': async (input) => allocationCsv(await allocation.report(input)),
    'cost.pricing.get': () => allocation.pricing(),
    'cost.pricing.set': (input) => allocation.setPricing(input),
    'cost.recommendations': () => recommendations.list(),
  };
}
