/** Rules applied to workloads, and the scores and go/no-go verdicts that follow. */
import type { NamespaceReadiness, ReadinessFinding, ReadinessReport, ReadinessSeverity, ReadinessTuning, WorkloadReadiness } from '../contract/types';
import type { Json } from '../kubernetes/kinds/read';
import { RULES, type ReadinessRule } from './rules';
import { isCritical, type Workload } from './workload';

/** What a namespace brings to the check: its workloads, budgets, service accounts and tuning. */
export interface NamespaceInput {
  namespace: string;
  workloads: Workload[];
  budgets: Json[];
  serviceAccounts: Map<string, Json>;
  tuning: ReadinessTuning;
  /** The namespace carries the critical mark. */
  critical: boolean;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** One workload against the namespace's enabled rules: score = passed weight / applicable weight. */
export function checkWorkload(w: Workload, ns: NamespaceInput, rules: readonly ReadinessRule[] = RULES): WorkloadReadiness {
  const critical = isCritical(w, ns.critical || ns.tuning.allCritical);
  const ctx = { critical, minReplicas: ns.tuning.minReplicas, budgets: ns.budgets, serviceAccounts: ns.serviceAccounts };
  let applicable = 0;
  let failed = 0;
  const findings: ReadinessFinding[] = [];
  for (const rule of rules) {
    if (ns.tuning.disabled.includes(rule.id)) continue;
    const failures = rule.check(w, ctx);
    if (failures === null) continue;
    applicable += rule.weight;
    if (failures.length === 0) continue;
    failed += rule.weight;
    const severity = ns.tuning.severity[rule.id] ?? rule.severity;
    for (const f of failures) findings.push({ rule: rule.id, severity, weight: rule.weight, subject: f.subject, message: f.message });
  }
  const score = applicable === 0 ? 100 : round1((100 * (applicable - failed)) / applicable);
  return { kind: w.kind, namespace: w.namespace, name: w.name, critical, score, findings };
}

const emptyCounts = (): Record<ReadinessSeverity, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });

/** The mean of the workloads' scores; null without workloads. */
export function meanScore(workloads: readonly { score: number }[]): number | null {
  if (workloads.length === 0) return null;
  return round1(workloads.reduce((s, w) => s + w.score, 0) / workloads.length);
}

/** go when the namespace's score reaches its pass mark and no critical finding is left. */
export function verdictOf(namespace: string, workloads: readonly WorkloadReadiness[], tuning: ReadinessTuning): NamespaceReadiness {
  const findings = emptyCounts();
  for (const w of workloads) for (const f of w.findings) findings[f.severity]++;
  const score = meanScore(workloads) ?? 100;
  const reasons: string[] = [];
  if (score < tuning.passScore) reasons.push(`score ${score} is below the pass mark ${tuning.passScore}`);
  if (findings.critical > 0) reasons.push(`${findings.critical} critical finding${findings.critical === 1 ? '' : 's'}`);
  return { namespace, score, verdict: reasons.length ? 'no-go' : 'go', reasons, workloads: workloads.length, findings };
}

/** A whole context: every namespace with workloads, the cluster's score the mean over all workloads. */
export function buildReport(context: string, checkedAt: number, namespaces: readonly NamespaceInput[]): ReadinessReport {
  const workloads: WorkloadReadiness[] = [];
  const verdicts: NamespaceReadiness[] = [];
  for (const ns of namespaces) {
    if (ns.workloads.length === 0) continue;
    const checked = ns.workloads.map((w) => checkWorkload(w, ns));
    workloads.push(...checked);
    verdicts.push(verdictOf(ns.namespace, checked, ns.tuning));
  }
  verdicts.sort((a, b) => a.score - b.score || a.namespace.localeCompare(b.namespace));
  workloads.sort((a, b) => a.score - b.score || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { context, checkedAt, score: meanScore(workloads), namespaces: verdicts, workloads };
}
