import type { Recommendation, RecoverySummary } from '../../contract';
import type { CheckProvider, RecommendationProvider } from '../../engines/providers';
import type { VerifyReport } from '../repository/types';
import { durationText } from './objectives';

const LINK = { tab: 'recovery' } as const;

/** RPO breached, plans never drilled, drills that missed their RTO: what to do about recovery, most urgent first. */
export function recoveryRecommendations(summary: () => RecoverySummary, now: () => number = Date.now): RecommendationProvider {
  return {
    engine: 'recovery',
    async recommendations() {
      const s = summary();
      const t = now();
      const out: Recommendation[] = [];
      for (const target of s.targets) {
        if (target.rpoMet !== false || target.lastGoodAt === null) continue;
        out.push({
          id: `recovery.rpo/${target.id}`,
          engine: 'recovery',
          kind: 'rpo',
          title: `Back up ${target.name}: its RPO is breached`,
          reason: `The last good snapshot is ${durationText(t - target.lastGoodAt)} old; the objective is ${durationText(target.rpoObjectiveMs)}.`,
          evidence: [`last good snapshot ${new Date(target.lastGoodAt).toISOString()}`, `RPO objective ${durationText(target.rpoObjectiveMs)}`],
          effect: { risk: 'high', text: 'A disaster now would lose more data than the objective allows; a backup brings it back within it.' },
          priority: 85,
          link: LINK,
        });
      }
      for (const plan of s.plans) {
        if (plan.lastDrillAt === null) {
          out.push({
            id: `recovery.drill/${plan.id}`,
            engine: 'recovery',
            kind: 'no-drill',
            title: `Drill the recovery plan ${plan.name}`,
            reason: 'It has never been drilled: nobody knows whether it restores, nor how long it takes.',
            evidence: [`RTO objective ${durationText(plan.rtoObjectiveMs)}`, 'no drill recorded'],
            effect: { risk: 'medium', text: 'A drill proves the plan restores and measures its RTO.' },
            priority: 60,
            link: LINK,
          });
        } else if (plan.rtoMet === false) {
          out.push({
            id: `recovery.rto/${plan.id}`,
            engine: 'recovery',
            kind: 'rto',
            title: `The last drill of ${plan.name} missed its RTO`,
            reason:
              plan.lastDrillMs !== null
                ? `The drill took ${durationText(plan.lastDrillMs)} (or failed); the objective is ${durationText(plan.rtoObjectiveMs)}.`
                : 'The drill failed.',
            evidence: [`last drill ${new Date(plan.lastDrillAt).toISOString()}`, `RTO objective ${durationText(plan.rtoObjectiveMs)}`],
            effect: { risk: 'high', text: 'Fixing the failing step, or speeding up the slowest one, brings recovery within the objective.' },
            priority: 75,
            link: LINK,
          });
        }
      }
      return out.sort((a, b) => b.priority - a.priority);
    },
  };
}

/** "Run all checks": the repository's structure verifies and every target's RPO holds. */
export function recoveryCheck(deps: { verify: (signal: AbortSignal) => Promise<VerifyReport | null>; summary: () => RecoverySummary }): CheckProvider {
  return {
    id: 'recovery.repository',
    engine: 'recovery',
    label: 'Backups: repository verifies and RPOs hold',
    async run(signal) {
      const report = await deps.verify(signal);
      if (!report) return { status: 'skipped', summary: 'No backup repository: create one in the Disaster Recovery tab.', link: LINK };
      const breached = deps.summary().targets.filter((t) => t.rpoMet === false);
      if (!report.ok) return { status: 'fail', summary: `The repository does not verify: ${report.problems[0]?.message ?? 'problems found'} (${report.problems.length} in all).`, link: LINK };
      if (breached.length > 0) return { status: 'warn', summary: `RPO breached for ${breached.map((t) => t.name).join(', ')}.`, link: LINK };
      return { status: 'pass', summary: `Repository verified (${report.snapshots} snapshots); every RPO holds.`, link: LINK };
    },
  };
}
