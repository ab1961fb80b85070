/** Alertmanager-style notification routing: the config file, its route tree and the route tester. */
import type { LabelMatcher } from './alerts';

/** A problem in the routing config, at a 1-based line and column. */
export interface RoutingProblem {
  line: number;
  column: number;
  message: string;
}

/** group_by: label names, or every label ('...'). */
export type RouteGroupBy = string[] | '...';

export interface RouteTimers {
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
}

/** One node of the route tree with its settings after inheritance. */
export interface RouteSummary extends RouteTimers {
  /** Child indexes from the root, e.g. [1, 0]; the root is []. */
  path: number[];
  receiver: string;
  matchers: LabelMatcher[];
  groupBy: RouteGroupBy;
  continue: boolean;
  /** Where the route starts in the file. */
  line: number;
  routes: RouteSummary[];
}

export interface ReceiverSummary {
  name: string;
  /** The integration kinds it holds and how many of each, e.g. { webhook_configs: 1 }. */
  integrations: Record<string, number>;
  line: number;
}

export interface RoutingConfigInfo {
  /** Where the config is saved: <dataDir>/alertmanager.yml. */
  path: string;
  text: string;
  /** The file does not exist yet: text is the default shipped with Opsdeck. */
  isDefault: boolean;
  /** Null when the text has problems. */
  tree: RouteSummary | null;
  receivers: ReceiverSummary[];
  inhibitRules: number;
  problems: RoutingProblem[];
}

export interface RoutingValidation {
  valid: boolean;
  problems: RoutingProblem[];
}

/** A route an alert takes, in Alertmanager's order. */
export interface MatchedRoute extends RouteTimers {
  path: number[];
  line: number;
  receiver: string;
  matchers: LabelMatcher[];
  groupBy: RouteGroupBy;
  /** The labels the alert is grouped by on this route. */
  groupLabels: Record<string, string>;
  /** Alertmanager's group key: the route's matcher path and the group labels. */
  groupKey: string;
  /** Matching went on to the following sibling routes after this one. */
  continued: boolean;
}

export interface RouteTestResult {
  routes: MatchedRoute[];
}
