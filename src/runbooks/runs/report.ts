import type { RunbookRun, RunReport } from '../../contract';
import type { LibraryEntry } from '../library';

const time = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC'));

/** Text from the run kept from breaking the report's Markdown: one line, table pipes escaped. */
const inline = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A run as a Markdown document for the post-mortem: who did what, when, with which result. */
export function runReport(run: RunbookRun, runbook: LibraryEntry | null): RunReport {
  const lines: string[] = [`# Run ${run.id}: ${inline(run.runbookTitle)}`, ''];
  const facts: [string, string][] = [
    ['Runbook', `${run.runbookId}${runbook ? ` (${runbook.summary.severity}, ${runbook.summary.category}; ${runbook.summary.path})` : ''}`],
    ['Status', run.status],
    ['Started', `${time(run.startedAt)} by ${run.startedBy}`],
    ['Ended', run.endedAt === null ? 'not yet' : `${time(run.endedAt)} (after ${duration(run.endedAt - run.startedAt)})`],
    ['Steps done', `${run.stepsDone} of ${run.stepsTotal}`],
  ];
  if (run.alertId !== null) facts.push(['Alert', `#${run.alertId}`]);
  if (run.incidentId !== null) facts.push(['Incident', `#${run.incidentId}`]);
  const labels = Object.entries(run.alertLabels);
  if (labels.length) facts.push(['Labels', labels.map(([k, v]) => `\`${k}=${inline(v)}\``).join(', ')]);
  lines.push('| | |', '|---|---|', ...facts.map(([k, v]) => `| ${k} | ${inline(v)} |`), '');

  lines.push('## Steps', '');
  for (const step of run.steps) {
    lines.push(`${step.index}. [${step.done ? 'x' : ' '}] ${inline(step.title)}`);
    if (step.done) lines.push(`   - Done at ${time(step.doneAt)} by ${step.doneBy ?? 'unknown'}`);
    if (step.note.trim()) lines.push(`   - Note: ${inline(step.note.trim())}`);
    for (const r of step.results) {
      const params = Object.entries(r.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      lines.push(
        `   - Action \`${r.kind}\` (${inline(params)}) at ${time(r.at)} by ${r.by}: **${r.ok ? 'succeeded' : 'failed'}**: ${inline(r.message)}${r.auditId !== null ? ` (audit entry ${r.auditId})` : ''}`,
      );
    }
  }
  lines.push('', '## Timeline', '');
  run.history.forEach((h, i) => lines.push(`- ${time(h.at)}: ${h.status === 'active' ? (i === 0 ? 'started' : 'resumed') : h.status} by ${h.by}`));
  lines.push('');
  return { fileName: `run-${run.id}-${run.runbookId}.md`, markdown: lines.join('\n') };
}
