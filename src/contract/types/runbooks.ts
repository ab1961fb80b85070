/** Runbooks (Markdown procedures), their search, and guided runs. Times are epoch milliseconds. */

export const RUNBOOK_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type RunbookSeverity = (typeof RUNBOOK_SEVERITIES)[number];

/** Inline Markdown: text only ever reaches the screen as text, links only as http(s), mailto or #anchors. */
export type MdInline =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: MdInline[] }
  | { t: 'em'; c: MdInline[] }
  | { t: 'link'; href: string; c: MdInline[] };

export type MdAlign = 'left' | 'center' | 'right' | null;

/** Block Markdown; `line` is where the block starts in its file (1-based). */
export type MdBlock =
  | { t: 'heading'; level: number; id: string; c: MdInline[]; line: number }
  | { t: 'paragraph'; c: MdInline[]; line: number }
  | { t: 'code'; lang: string; text: string; line: number }
  | { t: 'list'; ordered: boolean; start: number; items: MdBlock[][]; line: number }
  | { t: 'quote'; c: MdBlock[]; line: number }
  | { t: 'table'; align: MdAlign[]; head: MdInline[][]; rows: MdInline[][][]; line: number }
  | { t: 'rule'; line: number };

/** A problem in a runbook file, at a 1-based line. */
export interface RunbookProblem {
  file: string;
  line: number;
  message: string;
}

/** One parameter of a step's action: fixed by the runbook, filled from the run's alert, or asked of the user. */
export interface RunbookActionParam {
  name: string;
  label: string;
  type: 'string' | 'integer';
  /** The runbook's value (placeholders filled from the run's alert when the run has one), else the default; null: the user gives it. */
  value: string | number | null;
  /** Set by the runbook (or its alert): the user cannot change it. */
  fixed: boolean;
  /** A `{{ labels.x }}` placeholder the run could not fill: the user gives the value. */
  placeholder: string | null;
}

/** An action a step carries (from its ```opsdeck-action block), run only after the user confirms. */
export interface RunbookAction {
  kind: string;
  /** What the action does, in a few words ("Scale a deployment or statefulset"). */
  title: string;
  params: RunbookActionParam[];
}

export interface RunbookStep {
  /** 1-based, as the list numbers it. */
  index: number;
  /** The step's first paragraph as plain text. */
  title: string;
  blocks: MdBlock[];
  action: RunbookAction | null;
}

export interface RunbookTocEntry {
  level: number;
  id: string;
  text: string;
}

/** A related alert: an alertname, or labels that must all be equal. */
export type RelatedAlert = { alertname: string } | { labels: Record<string, string> };

export interface RunbookSummary {
  id: string;
  title: string;
  category: string;
  severity: RunbookSeverity;
  tags: string[];
  /** 'built-in', or the user's folder the file is in. */
  source: string;
  path: string;
}

export interface Runbook extends RunbookSummary {
  prerequisites: string[];
  objectives: string[];
  relatedAlerts: RelatedAlert[];
  /** The document after its front matter. */
  body: MdBlock[];
  toc: RunbookTocEntry[];
  steps: RunbookStep[];
}

/** A piece of highlighted text: hit marks the words that matched the query. */
export interface HighlightSegment {
  text: string;
  hit: boolean;
}

export interface RunbookHit {
  runbook: RunbookSummary;
  score: number;
  title: HighlightSegment[];
  /** A passage of the body around the best match; empty when only the title or tags matched. */
  snippet: HighlightSegment[];
  /** The tags that matched. */
  matchedTags: string[];
}

export interface RunbookFacet {
  value: string;
  count: number;
}

export interface RunbookSearchResult {
  hits: RunbookHit[];
  /** Matches before the limit. */
  total: number;
  /** Across the whole library, for the filters. */
  facets: { categories: RunbookFacet[]; severities: RunbookFacet[]; tags: RunbookFacet[] };
}

export interface RunbookFolder {
  path: string;
  /** Runbooks loaded from it. */
  count: number;
  /** Why it could not be read, when it could not. */
  error: string | null;
}

export interface RunbookLibraryInfo {
  builtIn: { path: string; count: number };
  folders: RunbookFolder[];
  /** Files that were not loaded, with why. */
  problems: RunbookProblem[];
  total: number;
}

/** Why a runbook goes with an alert. */
export type RunbookLinkReason = 'annotation' | 'alertname' | 'labels';

export interface RunbookLink {
  runbook: RunbookSummary;
  reason: RunbookLinkReason;
}

export const RUN_STATUSES = ['active', 'paused', 'completed', 'abandoned'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunActionResult {
  kind: string;
  /** The values the action ran with. */
  params: Record<string, string | number>;
  ok: boolean;
  message: string;
  /** The audit log entry, when the action is one the audit log records. */
  auditId: number | null;
  by: string;
  at: number;
}

export interface RunStepState {
  index: number;
  title: string;
  done: boolean;
  doneAt: number | null;
  doneBy: string | null;
  note: string;
  /** The step's action with the run's alert labels filled in; null when it has none (or its kind is not in this build). */
  action: RunbookAction | null;
  /** Every attempt at the step's action, oldest first. */
  results: RunActionResult[];
}

export interface RunSummary {
  id: number;
  runbookId: string;
  runbookTitle: string;
  status: RunStatus;
  startedAt: number;
  startedBy: string;
  updatedAt: number;
  endedAt: number | null;
  alertId: number | null;
  incidentId: number | null;
  stepsDone: number;
  stepsTotal: number;
}

export interface RunbookRun extends RunSummary {
  /** The labels of the alert the run started from, which fill the actions' placeholders. */
  alertLabels: Record<string, string>;
  steps: RunStepState[];
  /** Pause, resume and finish, oldest first. */
  history: { at: number; by: string; status: RunStatus }[];
}

/** What a step's action will do with the values given, before it runs. */
export interface ActionPreview {
  statement: string;
  /** The values it would run with, the runbook's and the user's, checked. */
  values: Record<string, string | number>;
}

export interface RunReport {
  fileName: string;
  markdown: string;
}
