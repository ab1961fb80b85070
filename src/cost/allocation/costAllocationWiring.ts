import path from 'node:path';
import type { RecommendationProvider } from '../../engines/providers';
import type { HandlersFor } from '../../host/dispatch';
import { costAllocationHandlers } from '../../host/handlers/costAllocation';
import type { costAllocationChannels } from '../../contract/channels/costAllocation';
import type { DockerManager } from '../../docker/dockerManager';
import type { ClusterManager } from '../../kubernetes/clusterManager';
import type { PrometheusSources } from '../../monitoring/prometheus/prometheusSources';
import type { Db } from '../../store/database';
import type { KeyValueStore } from '../../store/keyValue';
import { costRecommendationProvider, RecommendationEngine } from '../recommendations/recommendationEngine';
import { AllocationEngine } from './allocationEngine';
import { instanceRatesFrom, type BillingQuery } from './billingRates';
import { PricingFile } from './pricing';

export interface CostAllocationDeps {
  db: Db;
  kv: KeyValueStore;
  dataDir: string;
  resourcesDir: string;
  clusters: ClusterManager;
  docker: DockerManager;
  prometheus: PrometheusSources;
  /** The imported billing rows, for instance-type prices and the billing recommendations. */
  billing?: BillingQuery;
  log(message: string): void;
  /** How often clusters are sampled; 5 minutes unless a test asks otherwise. */
  sampleIntervalMs?: number;
}

/** Builds allocation and recommendations from the host's engines: their channels, the Overview provider, start and stop. */
export function createCostAllocation(deps: CostAllocationDeps): {
  allocation: AllocationEngine;
  handlers: HandlersFor<keyof typeof costAllocationChannels>;
  provider: RecommendationProvider;
  start(): void;
  stop(): void;
} {
  const billing = deps.billing;
  const allocation = new AllocationEngine({
    db: deps.db,
    kv: deps.kv,
    clusters: deps.clusters,
    pricing: new PricingFile(deps.dataDir, path.join(deps.resourcesDir, 'pricing', 'default.json')),
    instanceRates: billing ? () => instanceRatesFrom(billing) : undefined,
    prometheus: deps.prometheus,
    log: deps.log,
    intervalMs: deps.sampleIntervalMs,
  });
  const recommendations = new RecommendationEngine({
    allocation,
    clusters: deps.clusters,
    docker: deps.docker,
    prometheus: deps.prometheus,
    billing,
    log: deps.log,
  });
  return {
    allocation,
    handlers: costAllocationHandlers(allocation, recommendations),
    provider: costRecommendationProvider(recommendations),
    start: () => allocation.start(),
    stop: () => allocation.stop(),
  };
}
