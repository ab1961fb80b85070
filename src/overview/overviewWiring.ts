/** Builds readiness, delivery metrics and the Overview hub from the host's engines, with the core sources' providers registered. */
import type { CheckProgress } from '../contract/types';
import { DeliveryMetricsEngine } from '../deliveryMetrics/deliveryMetricsEngine';
import { restoredIncidents } from '../deliveryMetrics/incidentHistory';
import type { DockerManager } from '../docker/dockerManager';
import type { overviewChannels } from '../contract/channels/overview';
import type { readinessChannels } from '../contract/channels/readiness';
import type { HandlersFor } from '../host/dispatch';
import { overviewHandlers } from '../host/handlers/overview';
import { readinessHandlers } from '../host/handlers/readiness';
import type { ClusterManager } from '../kubernetes/clusterManager';
import type { HostSampleStore } from '../monitoring/hostSampleStore';
import type { InsightEngine } from '../monitoring/insights/insightEngine';
import type { PrometheusSources } from '../monitoring/prometheus/prometheusSources';
import { readinessCheck, readinessRecommendations } from '../readiness/providers';
import { ReadinessEngine } from '../readiness/readinessEngine';
import { ReadinessStore } from '../readiness/readinessStore';
import type { Db } from '../store/database';
import { insightRecommendations } from './insightRecommendations';
import { OverviewHub } from './overviewHub';
import { coreChecks, coreSourceHealth, type CoreSources } from './sourceHealth';

export interface OverviewDeps {
  db: Db;
  clusters: ClusterManager;
  docker: DockerManager;
  prometheus: PrometheusSources;
  samples: HostSampleStore;
  sampleIntervalMs: number;
  insights: InsightEngine;
  onCheckProgress(p: CheckProgress): void;
}

export function createOverview(deps: OverviewDeps): { hub: OverviewHub; readiness: ReadinessEngine; handlers: HandlersFor<keyof typeof readinessChannels | keyof typeof overviewChannels> } {
  const connectedContexts = async () => (await deps.clusters.contexts()).contexts.filter((c) => c.state === 'connected').map((c) => c.name);
  const api = (context: string) => deps.clusters.api(context);
  const readiness = new ReadinessEngine({ store: new ReadinessStore(deps.db), api, connectedContexts });
  const delivery = new DeliveryMetricsEngine({ api, connectedContexts, incidents: (from) => restoredIncidents(deps.db, from) });
  const core: CoreSources = {
    latestSample: () => deps.samples.latest(),
    sampleIntervalMs: deps.sampleIntervalMs,
    contexts: () => deps.clusters.contexts(),
    docker: () => deps.docker.engines(),
    pingDocker: async (engine) => {
      await deps.docker.connection(engine).client().ping();
    },
    prometheus: () => deps.prometheus.sources(),
    testPrometheus: (id) => deps.prometheus.test({ id }),
  };
  const hub = new OverviewHub(deps.onCheckProgress);
  hub.register({
    sources: [coreSourceHealth(core)],
    checks: [...coreChecks(core), readinessCheck(readiness)],
    recommendations: [readinessRecommendations(readiness), insightRecommendations(() => deps.insights.list())],
  });
  return { hub, readiness, handlers: { ...readinessHandlers(readiness), ...overviewHandlers(hub, delivery) } };
}
