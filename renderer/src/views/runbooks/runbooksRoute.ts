import type { RunbookSeverity } from '@contract';
import { RUNBOOK_SEVERITIES } from '@contract/types';
import { hashWithQuery, oneOf, splitHash } from '../../components/hashQuery';

/** What the Runbooks tab shows, kept in the hash query (#/runbooks?rb=…) so links from alerts land on it. */
export interface RunbooksRoute {
  text: string;
  category: string;
  severity: RunbookSeverity | '';
  tag: string;
  /** The open runbook's id. */
  runbook: string | null;
  /** The open run's id. */
  run: number | null;
  /** The alert the runbook was opened from: a run started now is for it. */
  alert: number | null;
}

export const DEFAULT_RUNBOOKS_ROUTE: RunbooksRoute = { text: '', category: '', severity: '', tag: '', runbook: null, run: null, alert: null };

const PARAMS: Record<keyof RunbooksRoute, string> = { text: 'q', category: 'cat', severity: 'sev', tag: 'tag', runbook: 'rb', run: 'run', alert: 'alert' };

const idOf = (v: string | null) => (v && /^[1-9]\d{0,15}$/.test(v) ? Number(v) : null);

export function runbooksRouteFromHash(hash: string): RunbooksRoute {
  const { params } = splitHash(hash);
  return {
    text: params.get(PARAMS.text) ?? '',
    category: params.get(PARAMS.category) ?? '',
    severity: oneOf(RUNBOOK_SEVERITIES, params.get(PARAMS.severity)) ?? '',
    tag: params.get(PARAMS.tag) ?? '',
    runbook: params.get(PARAMS.runbook) || null,
    run: idOf(params.get(PARAMS.run)),
    alert: idOf(params.get(PARAMS.alert)),
  };
}

export const hashWithRunbooksRoute = (hash: string, route: RunbooksRoute): string => hashWithQuery(hash, PARAMS, route, DEFAULT_RUNBOOKS_ROUTE);

/** The link that opens a runbook in this tab, for an alert when one is given. */
export function runbookHref(id: string, alertId?: number): string {
  const query = new URLSearchParams({ [PARAMS.runbook]: id });
  if (alertId !== undefined) query.set(PARAMS.alert, String(alertId));
  return `#/runbooks?${query.toString()}`;
}
