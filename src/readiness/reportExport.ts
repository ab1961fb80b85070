/** The go/no-go report of one namespace as Markdown (for a review) or CSV (one row per finding). */
import type { ReadinessExport, ReadinessReport } from '../contract/types';
import { csvText } from '../util/csvText';
import { RULES } from './rules';

const ruleTitle = new Map(RULES.map((r) => [r.id, r.title]));
const fixOf = new Map(RULES.map((r) => [r.id, r.fix]));

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

function namespacePart(report: ReadinessReport, namespace: string) {
  const verdict = report.namespaces.find((n) => n.namespace === namespace);
  if (!verdict) return null;
  return { verdict, workloads: report.workloads.filter((w) => w.namespace === namespace) };
}

export function exportMarkdown(report: ReadinessReport, namespace: string): ReadinessExport | null {
  const part = namespacePart(report, namespace);
  if (!part) return null;
  const { verdict, workloads } = part;
  const lines = [
    `# Production readiness: ${namespace} (${report.context})`,
    '',
    `**Verdict: ${verdict.verdict === 'go' ? 'GO' : 'NO-GO'}** · score ${verdict.score}/100 · ${verdict.workloads} workloads · checked ${new Date(report.checkedAt).toISOString()}`,
    '',
  ];
  if (verdict.reasons.length) lines.push('Why no-go:', '', ...verdict.reasons.map((r) => `- ${r}`), '');
  lines.push('| Workload | Kind | Critical | Score | Findings |', '| --- | --- | --- | ---: | ---: |');
  for (const w of workloads) lines.push(`| ${cell(w.name)} | ${w.kind} | ${w.critical ? 'yes' : 'no'} | ${w.score} | ${w.findings.length} |`);
  lines.push('');
  const failing = workloads.filter((w) => w.findings.length);
  if (failing.length) lines.push('## Findings', '');
  for (const w of failing) {
    lines.push(`### ${w.kind} ${w.name}`, '');
    for (const f of w.findings) {
      const subject = f.subject ? ` (${f.subject})` : '';
      lines.push(`- **${f.severity}** ${ruleTitle.get(f.rule) ?? f.rule}${subject}: ${f.message}. Fix: ${fixOf.get(f.rule) ?? ''}`);
    }
    lines.push('');
  }
  return { fileName: `readiness-${safeName(report.context)}-${safeName(namespace)}.md`, mediaType: 'text/markdown', text: lines.join('\n') };
}

export function exportCsv(report: ReadinessReport, namespace: string): ReadinessExport | null {
  const part = namespacePart(report, namespace);
  if (!part) return null;
  const header = ['context', 'namespace', 'verdict', 'kind', 'workload', 'critical', 'score', 'rule', 'severity', 'subject', 'message'];
  const rows: (string | number)[][] = [];
  for (const w of part.workloads) {
    const base = [report.context, namespace, part.verdict.verdict, w.kind, w.name, String(w.critical), w.score];
    if (w.findings.length === 0) rows.push([...base, '', '', '', '']);
    for (const f of w.findings) rows.push([...base, f.rule, f.severity, f.subject, f.message]);
  }
  return {
    fileName: `readiness-${safeName(report.context)}-${safeName(namespace)}.csv`,
    mediaType: 'text/csv',
    text: csvText(header, rows),
  };
}
