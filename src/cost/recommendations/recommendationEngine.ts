import type { CostRecommendations, DockerReclaimable, Recommendation } from '../../contract';
import type { RecommendationProvider } from '../../engines/providers';
import type { AllocationEngine, Clusters } from '../allocation/allocationEngine';
import { HOUR_MS } from '../allocation/allocationStore';
import { hasBillingRows, type BillingQuery } from '../allocation/billingRates';
import { spendWithoutUsage, topMovers } from './billingRules';
import { dockerRecommendations } from './dockerSpace';
import { emptyNodeRecommendations } from './emptyNodes';
import { idleWorkloadRecommendations } from './idleWorkloads';
import type { PrometheusReader } from '../allocation/prometheusQuery';
import { workloadNetwork } from './prometheusNetwork';
import { rightsizeRecommendations } from './rightsize';
import { volumeRecommendations } from './volumes';
import { workloadUsage } from './workloadUsage';

export interface RecommendationEngineOptions {
  allocation: AllocationEngine;
  clusters: Clusters;
  docker: { reclaimable(): Promise<DockerReclaimable[]> };
  /** Prometheus sources, read for the pods' network traffic (cAdvisor). */
  prometheus?: PrometheusReader;
  /** The imported billing rows, when billing is set up. */
  billing?: BillingQuery;
  log(message: string): void;
  now?: () => number;
}

const WEEK_MS = 7 * 24 * HOUR_MS;
const NO_PROMETHEUS = 'Network not measured: no Prometheus source is set up (add one with cAdvisor metrics to judge network too); idle is judged on CPU alone.';

/** Every cost recommendation, from allocation samples, cluster caches, Docker engines and billing data. */
export class RecommendationEngine {
  private readonly now: () => number;

  constructor(private readonly options: RecommendationEngineOptions) {
    this.now = options.now ?? Date.now;
  }

  async list(): Promise<CostRecommendations> {
    const notes: string[] = [];
    const items: Recommendation[] = [];
    const guard = async (what: string, fn: () => Promise<Recommendation[]> | Recommendation[]) => {
      try {
        items.push(...(await fn()));
      } catch (err) {
        notes.push(`${what}: ${(err as Error).message}`);
        this.options.log(`cost recommendations: ${what} failed: ${(err as Error).message}`);
      }
    };
    const { allocation, clusters } = this.options;
    const at = this.now();
    const range = { start: at - WEEK_MS, end: at };
    const table = allocation.pricingTable();
    const names = clusters.connectedNames();
    if (names.length === 0 && allocation.store.contexts(range).length === 0) {
      notes.push('No Kubernetes cluster is connected: connect one in the Clusters tab for right-sizing, idle and volume recommendations.');
    }
    await guard('Kubernetes usage', async () => {
      const workloads = workloadUsage(allocation.store.workloadHours(range));
      const { rates } = await allocation.instanceRates();
      const network = this.options.prometheus
        ? await workloadNetwork(this.options.prometheus, allocation.store.podWorkloads(range), at)
        : { bytes: null, note: NO_PROMETHEUS };
      return [
        ...rightsizeRecommendations(workloads, table),
        ...idleWorkloadRecommendations(workloads, table, network.bytes, network.note),
        ...emptyNodeRecommendations(allocation.store.nodeLoads(range), table, new Map(rates.map((r) => [r.instanceType, r]))),
      ];
    });
    for (const name of names) {
      await guard(`volumes of ${name}`, async () => {
        const i = (await clusters.cluster(name)).informers;
        if (!i.persistentvolumeclaims.status.listed || !i.persistentvolumes.status.listed) return [];
        return volumeRecommendations(name, i.persistentvolumeclaims.cache.values(), i.persistentvolumes.cache.values(), table);
      });
    }
    await guard('Docker', async () => dockerRecommendations(await this.options.docker.reclaimable()));
    await guard('Billing data', async () => {
      const billing = this.options.billing;
      if (!billing || !(await hasBillingRows(billing))) {
        notes.push('No billing data: import a FOCUS export in Cost → Billing for week-over-week movers and resources billed without usage.');
        return [];
      }
      return [...(await topMovers(billing)), ...(await spendWithoutUsage(billing))];
    });
    items.sort((a, b) => b.priority - a.priority || (b.effect.monthlySaving ?? 0) - (a.effect.monthlySaving ?? 0) || (a.id < b.id ? -1 : 1));
    return { at, items, notes };
  }
}

/** The cost engine's contribution to the Overview's prioritized list. */
export function costRecommendationProvider(engine: RecommendationEngine): RecommendationProvider {
  return { engine: 'cost', recommendations: async () => (await engine.list()).items };
}
