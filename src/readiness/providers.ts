/** Readiness as the Overview sees it: findings as recommendations, and a check for "Run all checks". */
import type { Recommendation, ReadinessSeverity, WorkloadReadiness } from '../contract/types';
import type { CheckProvider, RecommendationProvider } from '../engines/providers';
import type { ReadinessEngine } from './readinessEngine';
import { RULES } from './rules';

const SEVERITY_PRIORITY: Record<ReadinessSeverity, number> = { critical: 85, high: 65, medium: 40, low: 20 };
const ORDER: ReadinessSeverity[] = ['critical', 'high', 'medium', 'low'];
const titleOf = new Map(RULES.map((r) => [r.id, r.title]));
/** Workloads with a critical or high finding become recommendations; the rest stay in the readiness view. */
const RECOMMENDED: ReadonlySet<ReadinessSeverity> = new Set(['critical', 'high']);

function recommendation(context: string, w: WorkloadReadiness): Recommendation | null {
  const worst = ORDER.find((s) => w.findings.some((f) => f.severity === s));
  if (!worst || !RECOMMENDED.has(worst)) return null;
  const rules = [...new Set(w.findings.map((f) => f.rule))];
  return {
    id: `readiness/${context}/${w.namespace}/${w.kind}/${w.name}`,
    engine: 'readiness',
    kind: 'readiness',
    title: `Make ${w.kind} ${w.namespace}/${w.name} production ready`,
    reason: `${rules.map((r) => titleOf.get(r) ?? r).join(', ')} fail${rules.length === 1 ? 's' : ''} (score ${w.score}/100${w.critical ? ', critical workload' : ''}).`,
    evidence: w.findings.slice(0, 6).map((f) => `${f.severity}: ${f.subject ? `${f.subject}: ` : ''}${f.message}`),
    effect: { risk: worst, text: `Raises the workload's readiness score to 100 and removes ${w.findings.length} finding${w.findings.length === 1 ? '' : 's'} in ${context}.` },
    priority: Math.min(100, SEVERITY_PRIORITY[worst] + (w.critical ? 10 : 0)),
    link: { tab: 'deployments' },
  };
}

export function readinessRecommendations(engine: ReadinessEngine): RecommendationProvider {
  return {
    engine: 'readiness',
    async recommendations() {
      const reports = await engine.reports();
      return reports.flatMap((r) => r.workloads.map((w) => recommendation(r.context, w)).filter((x): x is Recommendation => x !== null));
    },
  };
}

export function readinessCheck(engine: ReadinessEngine): CheckProvider {
  return {
    id: 'readiness',
    engine: 'readiness',
    label: 'Production readiness of cluster workloads',
    async run(signal) {
      const contexts = await engine.connectedContexts();
      if (contexts.length === 0) return { status: 'skipped', summary: 'No cluster is connected; turn on Watch for a context in the Clusters tab.', link: { tab: 'clusters' } };
      const reports = await Promise.all(contexts.map((c) => engine.check(c, signal)));
      const noGo = reports.flatMap((r) => r.namespaces.filter((n) => n.verdict === 'no-go').map((n) => `${r.context}/${n.namespace}`));
      const total = reports.reduce((n, r) => n + r.namespaces.length, 0);
      const workloads = reports.reduce((n, r) => n + r.workloads.length, 0);
      const summary =
        noGo.length === 0 ?
          `${total} namespace${total === 1 ? '' : 's'} go (${workloads} workloads).`
        : `${noGo.length} of ${total} namespaces no-go: ${noGo.slice(0, 5).join(', ')}${noGo.length > 5 ? ', …' : ''}.`;
      return { status: noGo.length ? 'warn' : 'pass', summary, link: { tab: 'deployments' } };
    },
  };
}
