import type { DrillResult, RecoveryPlan, RecoverySummary } from '../../contract';
import type { TargetRecord } from '../recoveryStore';

/** RPO holds while the last good snapshot is no older than the objective; unknown before the first one. */
export function rpoMet(target: Pick<TargetRecord, 'lastGoodAt' | 'rpoObjectiveMs'>, now: number): boolean | null {
  if (target.lastGoodAt === null) return null;
  return now - target.lastGoodAt <= target.rpoObjectiveMs;
}

/** Each target's RPO and each plan's RTO as its latest drill measured it. */
export function recoverySummary(targets: TargetRecord[], plans: RecoveryPlan[], drills: DrillResult[], now: number): RecoverySummary {
  return {
    targets: targets.map((t) => ({ id: t.id, name: t.name, kind: t.spec.kind, lastGoodAt: t.lastGoodAt, rpoObjectiveMs: t.rpoObjectiveMs, rpoMet: rpoMet(t, now) })),
    plans: plans.map((p) => {
      const last = drills.find((d) => d.planId === p.id) ?? null;
      return {
        id: p.id,
        name: p.name,
        rtoObjectiveMs: p.rtoObjectiveMs,
        lastDrillAt: last?.startedAt ?? null,
        lastDrillMs: last?.durationMs ?? null,
        rtoMet: last ? last.succeeded && last.durationMs <= p.rtoObjectiveMs : null,
      };
    }),
  };
}

/** "2 h 5 min", "40 s": durations as people say them. */
export function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}
