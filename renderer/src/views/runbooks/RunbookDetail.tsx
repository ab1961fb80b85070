import type { Runbook, RunSummary } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { formatTimestamp } from '../../format/time';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useCall } from '../../state/useCall';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { Markdown, scrollToAnchor } from './Markdown';
import type { RunbooksRoute } from './runbooksRoute';

interface Props {
  id: string;
  alertId: number | null;
  onRoute(patch: Partial<RunbooksRoute>): void;
}

function Toc({ runbook }: { runbook: Runbook }) {
  return (
    <nav className="runbook-toc" aria-label="Contents">
      <h3>Contents</h3>
      <ul>
        {runbook.toc.map((entry) => (
          <li key={entry.id} className={`runbook-toc__level-${entry.level}`}>
            <button type="button" className="link-button" onClick={() => scrollToAnchor(entry.id)}>
              {entry.text}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RunHistory({ runs, onOpen }: { runs: RunSummary[]; onOpen(id: number): void }) {
  if (runs.length === 0) return <p className="muted">No run of this runbook yet.</p>;
  return (
    <ul className="run-history" aria-label="Run history">
      {runs.map((r) => (
        <li key={r.id}>
          <button type="button" className="link-button" onClick={() => onOpen(r.id)} data-run={r.id}>
            Run {r.id}
          </button>{' '}
          <span className={`run-status run-status--${r.status}`}>{r.status}</span> · {r.stepsDone}/{r.stepsTotal} steps · started {formatTimestamp(r.startedAt)} by {r.startedBy}
          {r.alertId !== null && ` · alert #${r.alertId}`}
        </li>
      ))}
    </ul>
  );
}

function Facts({ runbook }: { runbook: Runbook }) {
  return (
    <div className="runbook-facts">
      <p>
        <span className={`badge badge--${runbook.severity}`}>{runbook.severity}</span> {runbook.category} ·{' '}
        {runbook.tags.map((t) => (
          <span key={t} className="runbook-tag">
            {t}
          </span>
        ))}
      </p>
      <p className="muted mono" title="Where the runbook file is">
        {runbook.path}
      </p>
      <h3>Objectives</h3>
      <ul>
        {runbook.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      {runbook.prerequisites.length > 0 && (
        <>
          <h3>Prerequisites</h3>
          <ul>
            {runbook.prerequisites.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** One runbook: what it is for, its rendered text with contents, and its runs. */
export function RunbookDetail({ id, alertId, onRoute }: Props) {
  const client = useApp((s) => s.client);
  const { resource, retry } = useCall('runbooks.get', { id });
  const runs = useRefreshingCall('runbooks.runs', { runbookId: id, limit: 20 });
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const run = await client.call('runbooks.startRun', { runbookId: id, ...(alertId !== null && { alertId }) });
      onRoute({ run: run.id, alert: null });
    } catch (err) {
      setError(errorMessage(err));
      setStarting(false);
    }
  };

  return (
    <ResourceView resource={resource} onRetry={retry} loadingLabel="Opening the runbook…" errorTitle="Could not open the runbook">
      {(runbook) => (
        <article className="runbook" aria-label={runbook.title} data-testid="runbook-detail">
          <div className="section-head">
            <h2>{runbook.title}</h2>
            <button type="button" className="button" onClick={() => void start()} disabled={starting}>
              {alertId !== null ? `Start run for alert #${alertId}` : 'Start run'}
            </button>
          </div>
          {error && (
            <p className="note runbook__error" role="alert">
              {error}
            </p>
          )}
          <div className="runbook__columns">
            <div className="runbook__body">
              <Facts runbook={runbook} />
              <Markdown blocks={runbook.body} />
            </div>
            <aside className="runbook__side">
              <Toc runbook={runbook} />
              <h3>Runs</h3>
              <ResourceView resource={runs.resource} onRetry={runs.refresh} loadingLabel="Reading runs…">
                {(list) => <RunHistory runs={list} onOpen={(run) => onRoute({ run })} />}
              </ResourceView>
            </aside>
          </div>
        </article>
      )}
    </ResourceView>
  );
}
