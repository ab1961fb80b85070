import type { CheckProgress, CheckRunSummary, DeliveryMetrics, RecommendationList, SourceHealth } from '../types';
import { empty, returns } from './schema';

export const overviewChannels = {
  /** The health of every source: host, clusters, Docker engines, Prometheus sources and what engines add. */
  'overview.sources': { input: empty, output: returns<SourceHealth[]>() },
  /** Every engine's recommendations in one list, highest priority first. */
  'overview.recommendations': { input: empty, output: returns<RecommendationList>() },
  /** Runs every engine's check at once; overview.checkProgress reports each as it finishes. */
  'overview.runChecks': { input: empty, output: returns<CheckRunSummary>() },
  /** Deployment frequency, change failure rate, time to restore and lead time per namespace, 7 and 30 days. */
  'overview.deliveryMetrics': { input: empty, output: returns<DeliveryMetrics>() },
} as const;

export const overviewEvents = {
  'overview.checkProgress': returns<CheckProgress>(),
} as const;
