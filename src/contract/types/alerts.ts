/** Alerting rules, alert instances, acknowledgements and silences. Times are epoch milliseconds. */

/** A problem in a rule file, at a 1-based line and column. */
export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** ok: the last evaluation worked; err: it failed (lastError says why); unknown: not evaluated yet. */
export type RuleHealth = 'ok' | 'err' | 'unknown';

export interface RuleInfo {
  alert: string;
  expr: string;
  forMs: number;
  keepFiringForMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Where the rule starts in its file. */
  line: number;
  health: RuleHealth;
  lastError: string | null;
  lastEvalAt: number | null;
  /** Pending and firing instances. */
  activeCount: number;
}

export interface RuleGroupInfo {
  file: string;
  name: string;
  /** prometheus: PromQL on the rules' source; host: thresholds on Opsdeck's own host samples. */
  source: 'prometheus' | 'host';
  intervalMs: number;
  /** Shipped with Opsdeck and not editable. */
  readOnly: boolean;
  lastEvalAt: number | null;
  rules: RuleInfo[];
}

export interface RulesList {
  groups: RuleGroupInfo[];
  /** The Prometheus source the prometheus groups are evaluated against; null while none is connected. */
  source: { id: number; name: string } | null;
  /** How to get rules evaluated, when no source is connected. */
  hint: string | null;
  /** Files that were not loaded, with why. */
  problems: RuleProblem[];
}

export interface RuleFileInfo {
  name: string;
  path: string;
  readOnly: boolean;
  groups: number;
  problems: RuleProblem[];
}

/** A rule file's text, as rules.read returns it. */
export interface RuleFileText {
  name: string;
  text: string;
  readOnly: boolean;
}

/** How the names of the read-only rule files start: those shipped with Opsdeck and those it generates (SLO alerts). */
export const READ_ONLY_RULE_PREFIXES = { defaults: 'defaults/', generated: 'generated/' } as const;

export interface RuleValidation {
  valid: boolean;
  problems: RuleProblem[];
  /** Whether the expressions were checked by a Prometheus source (they are not while none is connected). */
  exprsChecked: boolean;
}

export type AlertInstanceState = 'pending' | 'firing' | 'resolved';

export interface AlertAck {
  by: string;
  at: number;
  comment: string;
}

export interface AlertInstance {
  id: number;
  alertname: string;
  group: string;
  file: string;
  /** The ALERTS labels: alertname, the rule's labels and the series' labels. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertInstanceState;
  /** The last value of the series; null for NaN and ±Inf. */
  value: number | null;
  activeAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
  /** When the condition stopped holding while keep_firing_for keeps the alert firing. */
  keepFiringSince: number | null;
  lastEvalAt: number;
  ack: AlertAck | null;
  /** Ids of the active silences that match. */
  silencedBy: number[];
}

export interface AlertHistoryPage {
  items: AlertInstance[];
  total: number;
}

export const MATCHER_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatcherOp = (typeof MATCHER_OPS)[number];

export interface LabelMatcher {
  name: string;
  op: MatcherOp;
  value: string;
}

export type SilenceState = 'pending' | 'active' | 'expired';

export interface Silence {
  id: number;
  matchers: LabelMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  createdAt: number;
  comment: string;
  state: SilenceState;
}

export const MAX_ALERT_PAGE = 500;
