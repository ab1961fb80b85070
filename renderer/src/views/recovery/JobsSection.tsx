import type { RecoveryJob } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { msText, progressPct, progressText } from './format';
import { StepList } from './StepList';
import type { RecoveryData } from './useRecovery';
import { SmallButton } from '../../components/SmallButton';

const STATE_BADGE: Record<RecoveryJob['state'], string> = { running: 'pending', succeeded: 'ok', failed: 'critical', cancelled: 'warning' };
const RECENT = 8;

function JobRow({ job }: { job: RecoveryJob }) {
  const client = useApp((s) => s.client);
  const [error, setError] = useState<string | null>(null);
  const pct = job.progress ? progressPct(job.progress) : null;
  const act = (p: Promise<unknown>) => p.then(() => setError(null), (err: Error) => setError(err.message));
  return (
    <li className="recovery-job" data-job-kind={job.kind} data-state={job.state}>
      <div className="recovery-job__head">
        <span className={`badge badge--${STATE_BADGE[job.state]}`}>{job.state}</span>
        <strong>{job.kind}</strong> {job.subject}
        <span className="muted">
          {formatTimestamp(job.startedAt)}
          {job.finishedAt && ` · ${msText(job.finishedAt - job.startedAt)}`}
        </span>
        {job.state === 'running' && (
          <SmallButton onClick={() => act(client.call('recovery.jobs.cancel', { id: job.id }))}>
            Cancel
          </SmallButton>
        )}
        {job.canRollBack && (
          <button type="button" className="button button--small button--danger" onClick={() => act(client.call('recovery.jobs.rollback', { id: job.id }))}>
            Roll back
          </button>
        )}
      </div>
      {job.state === 'running' && job.progress && (
        <div className="recovery-progress">
          <progress max={100} value={pct ?? undefined} aria-label={`${job.kind} progress`} />
          <span className="muted">{progressText(job.progress)}</span>
        </div>
      )}
      {job.steps && <StepList steps={job.steps} />}
      {job.message && <div className={job.state === 'failed' ? 'rule-error' : 'muted'}>{job.message}</div>}
      {error && <div className="rule-error">{error}</div>}
    </li>
  );
}

/** Running operations with progress, speed and cancel; the last few that ended, with their outcome. */
export function JobsSection({ data }: { data: RecoveryData }) {
  return (
    <section aria-label="Operations">
      <div className="section-head">
        <h2>Operations</h2>
      </div>
      <ResourceView resource={data.jobs.resource} onRetry={data.jobs.load}>
        {(jobs) =>
          jobs.length === 0 ? (
            <p className="muted">No backup, restore, verify or drill has run yet.</p>
          ) : (
            <ul className="recovery-jobs" data-testid="recovery-jobs">
              {jobs.slice(0, RECENT).map((j) => (
                <JobRow key={j.id} job={j} />
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  );
}
