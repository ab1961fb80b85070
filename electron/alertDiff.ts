import type { Alert, AlertSummary } from '@contract';

export interface FiringDiff {
  /** Alerts firing now that were not firing before. */
  fresh: Alert[];
  /** Ids firing now: the baseline for the next summary. */
  ids: Set<string>;
}

export function diffFiring(previousIds: ReadonlySet<string>, summary: AlertSummary): FiringDiff {
  return {
    fresh: summary.firing.filter((alert) => !previousIds.has(alert.id)),
    ids: new Set(summary.firing.map((alert) => alert.id)),
  };
}
