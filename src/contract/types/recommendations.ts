import type { NavigationTarget } from './core';

/** Which engine produced a recommendation or a check. */
export type EngineId = 'host' | 'kubernetes' | 'docker' | 'monitoring' | 'cost' | 'recovery' | 'readiness' | 'runbooks';

/**
 * One thing worth doing, from any engine, for the Overview's prioritized list: why, the evidence
 * behind it (real figures from the engine's source) and what acting on it is expected to change.
 */
export interface Recommendation {
  /** Stable across recomputations, e.g. "cost.rightsize/prod/deployment/api". */
  id: string;
  engine: EngineId;
  /** Short kind, e.g. "rightsize", "idle", "dangling-images", "readiness", "rpo". */
  kind: string;
  title: string;
  reason: string;
  evidence: string[];
  /** Expected effect: a monthly saving in the billing currency and/or a risk removed. */
  effect: { monthlySaving?: number; currency?: string; risk?: 'critical' | 'high' | 'medium' | 'low'; text: string };
  /** Higher first; engines score 0..100 (risk and saving both count). */
  priority: number;
  /** Where to act on it. */
  link?: NavigationTarget;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** The result of one engine check run by "Run all checks". */
export interface CheckOutcome {
  id: string;
  engine: EngineId;
  label: string;
  status: CheckStatus;
  summary: string;
  durationMs: number;
  link?: NavigationTarget;
}
