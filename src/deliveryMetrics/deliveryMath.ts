/**
 * Delivery metrics (the four DORA keys) from rollout history and incidents, for one window:
 * deployment frequency counts new revisions; a rollback or a failed rollout counts as a failed
 * change; time to restore and lead time are medians.
 */
import type { DeliveryWindowMetrics } from '../contract/types';

const DAY = 86_400_000;

/** A revision rolled out: a new one (deploy) or an old ReplicaSet brought back by undo (rollback). */
export interface RolloutEvent {
  context: string;
  namespace: string;
  deployment: string;
  revision: number;
  kind: 'deploy' | 'rollback';
  at: number;
  /** When the revision's commit was made, from the commit-time annotation; deploys only. */
  commitAt: number | null;
}

/** A rollout that stopped progressing (ProgressDeadlineExceeded), dated when it did. */
export interface FailedRollout {
  context: string;
  namespace: string;
  deployment: string;
  at: number;
}

export interface RestoredIncident {
  /** From the incident's group labels; null when they carry none. */
  namespace: string | null;
  openedAt: number;
  resolvedAt: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function windowMetrics(
  days: 7 | 30,
  now: number,
  rollouts: readonly RolloutEvent[],
  failed: readonly FailedRollout[],
  incidents: readonly RestoredIncident[],
): DeliveryWindowMetrics {
  const from = now - days * DAY;
  const inWindow = (at: number) => at > from && at <= now;
  const deploys = rollouts.filter((r) => r.kind === 'deploy' && inWindow(r.at));
  const rollbacks = rollouts.filter((r) => r.kind === 'rollback' && inWindow(r.at)).length;
  const failedRollouts = failed.filter((f) => inWindow(f.at)).length;
  const restored = incidents.filter((i) => inWindow(i.resolvedAt) && i.resolvedAt >= i.openedAt);
  const leadTimes = deploys.filter((d) => d.commitAt !== null && d.commitAt <= d.at).map((d) => d.at - d.commitAt!);
  return {
    days,
    deployments: deploys.length,
    perDay: Math.round((deploys.length / days) * 100) / 100,
    rollbacks,
    failedRollouts,
    changeFailureRate: deploys.length ? Math.min(1, (rollbacks + failedRollouts) / deploys.length) : null,
    timeToRestoreMs: median(restored.map((i) => i.resolvedAt - i.openedAt)),
    incidentsResolved: restored.length,
    leadTimeMs: median(leadTimes),
    leadTimeSamples: leadTimes.length,
  };
}
