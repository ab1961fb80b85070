import type { CheckOutcome, CheckRunSummary } from '@contract';
import { useState } from 'react';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { useHostEvent } from '../../../state/useHostEvent';
import { TabLink } from './TabLink';

const BADGE: Record<CheckOutcome['status'], string> = { pass: 'ok', warn: 'warning', fail: 'critical', skipped: 'info' };

type Run = { state: 'idle' } | { state: 'running'; done: number; total: number | null; outcomes: CheckOutcome[] } | { state: 'done'; summary: CheckRunSummary } | { state: 'failed'; message: string };

/** "Run all checks": every engine's check at once, each shown as it finishes, then the summary. */
export function RunAllChecks({ onFinished }: { onFinished(): void }) {
  const client = useApp((s) => s.client);
  const [run, setRun] = useState<Run>({ state: 'idle' });

  useHostEvent('overview.checkProgress', (p) =>
    setRun((r) => (r.state === 'running' ? { state: 'running', done: p.done, total: p.total, outcomes: [...r.outcomes, p.outcome] } : r)),
  );

  const start = async () => {
    setRun({ state: 'running', done: 0, total: null, outcomes: [] });
    try {
      setRun({ state: 'done', summary: await client.call('overview.runChecks', {}) });
      onFinished();
    } catch (err) {
      setRun({ state: 'failed', message: errorMessage(err) });
    }
  };

  const outcomes = run.state === 'running' ? run.outcomes : run.state === 'done' ? run.summary.outcomes : [];
  return (
    <section aria-label="Checks">
      <div className="section-head">
        <h2>Checks</h2>
        <button type="button" className="button" onClick={() => void start()} disabled={run.state === 'running'}>
          {run.state === 'running' ? 'Running checks…' : 'Run all checks'}
        </button>
        {run.state === 'running' && (
          <span className="checks__progress" data-testid="checks-progress" data-done={run.done}>
            <progress max={run.total ?? 1} value={run.total ? run.done : 0} aria-label="Checks done" /> {run.done}
            {run.total ? ` of ${run.total}` : ''} done
          </span>
        )}
        {run.state === 'done' && (
          <span className="muted" data-testid="checks-summary" data-fail={run.summary.counts.fail}>
            {run.summary.counts.pass} passed · {run.summary.counts.warn} warnings · {run.summary.counts.fail} failed · {run.summary.counts.skipped} skipped
          </span>
        )}
      </div>
      {run.state === 'failed' && <p className="banner banner--error">{run.message}</p>}
      {run.state === 'idle' && <p className="muted">Checks every source and engine at once: clusters, Docker engines, Prometheus sources, workload readiness and what the other engines add.</p>}
      {outcomes.length > 0 && (
        <table className="table" aria-label="Check results">
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.id} data-check={o.id} data-status={o.status}>
                <td>
                  <span className={`badge badge--${BADGE[o.status]}`}>{o.status}</span>
                </td>
                <td>{o.link ? <TabLink target={o.link}>{o.label}</TabLink> : o.label}</td>
                <td>{o.summary}</td>
                <td className="mono muted">{o.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
