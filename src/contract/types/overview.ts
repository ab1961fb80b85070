/** The Overview command center: sources' health, all-engine checks, recommendations and delivery metrics. */
import type { CheckOutcome, EngineId, Recommendation } from './recommendations';
import type { NavigationTarget } from './core';

export type SourceState = 'ok' | 'degraded' | 'down' | 'not-connected';

/** One connected (or connectable) source: the host, a cluster, a Docker engine, a Prometheus source, … */
export interface SourceHealth {
  id: string;
  engine: EngineId;
  kind: string;
  name: string;
  state: SourceState;
  /** The source's own words for anything but ok; how to connect it when not connected. */
  detail: string | null;
  link?: NavigationTarget;
}

export interface RecommendationList {
  items: Recommendation[];
  /** Engines whose provider failed this time, in their own words; the others' items still show. */
  failures: { engine: EngineId; message: string }[];
  computedAt: number;
}

export interface CheckRunSummary {
  runId: string;
  startedAt: number;
  finishedAt: number;
  outcomes: CheckOutcome[];
  counts: Record<CheckOutcome['status'], number>;
}

/** One check finished while a run goes on. */
export interface CheckProgress {
  runId: string;
  done: number;
  total: number;
  outcome: CheckOutcome;
}

/** Delivery metrics of one namespace (or of all, namespace null) over one window. */
export interface DeliveryWindowMetrics {
  days: 7 | 30;
  deployments: number;
  /** Deployments per day over the window. */
  perDay: number;
  rollbacks: number;
  failedRollouts: number;
  /** (rollbacks + failed rollouts) / deployments; null without deployments. */
  changeFailureRate: number | null;
  /** Median opened→resolved of the incidents resolved in the window; null without any. */
  timeToRestoreMs: number | null;
  incidentsResolved: number;
  /** Median commit→rollout of the deployments that carry the commit-time annotation; null without any. */
  leadTimeMs: number | null;
  leadTimeSamples: number;
}

export interface NamespaceDeliveryMetrics {
  context: string | null;
  namespace: string | null;
  windows: [DeliveryWindowMetrics, DeliveryWindowMetrics];
}

export interface DeliveryMetrics {
  computedAt: number;
  /** The annotation lead time is read from. */
  commitTimeAnnotation: string;
  /** All namespaces of all connected contexts together first, then one row per namespace. */
  rows: NamespaceDeliveryMetrics[];
  /** Contexts that could not be read, in their own words. */
  errors: string[];
}
