import type { RunbookRun, RunStatus } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { saveTextFile } from '../../components/saveTextFile';
import { formatTimestamp } from '../../format/time';
import { dataOf, errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useCall } from '../../state/useCall';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import type { RunbooksRoute } from './runbooksRoute';
import { RunStep } from './RunStep';

interface Props {
  id: number;
  onRoute(patch: Partial<RunbooksRoute>): void;
}

const STATUS_ACTIONS: Record<RunStatus, [RunStatus, string][]> = {
  active: [
    ['paused', 'Pause'],
    ['completed', 'Complete'],
    ['abandoned', 'Abandon'],
  ],
  paused: [
    ['active', 'Resume'],
    ['abandoned', 'Abandon'],
  ],
  completed: [],
  abandoned: [],
};

function RunBody({ run, onChanged, onRoute }: { run: RunbookRun; onChanged(run: RunbookRun): void; onRoute: Props['onRoute'] }) {
  const client = useApp((s) => s.client);
  const runbook = dataOf(useCall('runbooks.get', { id: run.runbookId }).resource);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const setStatus = (status: RunStatus) => act(async () => onChanged(await client.call('runbooks.setRunStatus', { runId: run.id, status })));
  const exportReport = () =>
    act(async () => {
      const report = await client.call('runbooks.report', { id: run.id });
      saveTextFile(report.fileName, report.markdown);
    });

  return (
    <article className="run" aria-label={`Run ${run.id}`} data-testid="run-panel" data-status={run.status}>
      <div className="section-head">
        <h2>
          Run {run.id}: {run.runbookTitle}
        </h2>
        <div className="run__buttons">
          {STATUS_ACTIONS[run.status].map(([status, label]) => (
            <button key={status} type="button" className="button button--small" onClick={() => void setStatus(status)}>
              {label}
            </button>
          ))}
          <button type="button" className="button button--small" onClick={() => void exportReport()}>
            Export report
          </button>
          <button type="button" className="button button--small" onClick={() => onRoute({ run: null, runbook: run.runbookId })}>
            Back to the runbook
          </button>
        </div>
      </div>
      <p>
        <span className={`run-status run-status--${run.status}`} data-testid="run-status">
          {run.status}
        </span>{' '}
        · {run.stepsDone} of {run.stepsTotal} steps done · started {formatTimestamp(run.startedAt)} by {run.startedBy}
        {run.alertId !== null && ` · for alert #${run.alertId}`}
        {run.incidentId !== null && ` · for incident #${run.incidentId}`}
      </p>
      {run.status === 'paused' && <p className="note">This run is paused: resume it to check off steps and run actions.</p>}
      {error && (
        <p className="note runbook__error" role="alert">
          {error}
        </p>
      )}
      <ol className="run-steps" aria-label="Steps">
        {run.steps.map((step) => (
          <RunStep key={`${step.index}-${step.note}`} run={run} step={step} content={runbook?.steps.find((s) => s.index === step.index) ?? null} onChanged={onChanged} />
        ))}
      </ol>
    </article>
  );
}

/** A guided run: the checklist, actions behind a confirmation, pause and resume, and the report. */
export function RunPanel({ id, onRoute }: Props) {
  const { resource, refresh } = useRefreshingCall('runbooks.run', { id });
  const [latest, setLatest] = useState<RunbookRun | null>(null);
  return (
    <ResourceView resource={resource} onRetry={refresh} loadingLabel="Opening the run…" errorTitle="Could not open the run">
      {(fetched) => <RunBody run={latest?.id === id && latest.updatedAt >= fetched.updatedAt ? latest : fetched} onChanged={setLatest} onRoute={onRoute} />}
    </ResourceView>
  );
}
