import type { RunbookRun, RunbookStep, RunStepState } from '@contract';
import { useState } from 'react';
import { formatTimestamp } from '../../format/time';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { ActionDialog } from './ActionDialog';
import { Inline, Markdown } from './Markdown';

interface Props {
  run: RunbookRun;
  step: RunStepState;
  /** The step's text from the runbook as it is now; null when the runbook is gone. */
  content: RunbookStep | null;
  onChanged(run: RunbookRun): void;
}

/** One step of a run: its text, done with a note, and its action with every result. */
export function RunStep({ run, step, content, onChanged }: Props) {
  const client = useApp((s) => s.client);
  const [note, setNote] = useState(step.note);
  const [dialog, setDialog] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = run.status === 'active';
  // The step's first paragraph is its label, in full and with its markup; the rest follows below.
  const lead = content?.blocks[0]?.t === 'paragraph' ? content.blocks[0] : null;
  const rest = content ? content.blocks.slice(lead ? 1 : 0) : [];

  const save = async (done: boolean) => {
    setError(null);
    try {
      onChanged(await client.call('runbooks.checkStep', { runId: run.id, step: step.index, done, note }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <li className={`run-step ${step.done ? 'run-step--done' : ''}`} data-step={step.index} data-done={step.done}>
      <div className="run-step__head">
        <label className="run-step__check">
          <input type="checkbox" checked={step.done} disabled={!editable} onChange={(e) => void save(e.target.checked)} aria-label={`Step ${step.index} done`} />
          <strong>
            {step.index}. {lead ? <Inline nodes={lead.c} /> : step.title}
          </strong>
        </label>
        {step.done && step.doneAt !== null && (
          <span className="muted">
            done {formatTimestamp(step.doneAt)} by {step.doneBy}
          </span>
        )}
      </div>
      {rest.length > 0 && (
        <div className="run-step__content">
          <Markdown blocks={rest} />
        </div>
      )}
      {step.action && (
        <div className="run-step__action" data-testid="step-action">
          <p>
            <strong>Action:</strong> {step.action.title} (
            {step.action.params.map((p) => `${p.name}=${p.value === null ? '?' : String(p.value)}`).join(', ')})
          </p>
          <button type="button" className="button button--small" disabled={!editable} onClick={() => setDialog(true)}>
            Run action…
          </button>
        </div>
      )}
      {step.results.length > 0 && (
        <ul className="run-step__results" aria-label={`Results of step ${step.index}`}>
          {step.results.map((r, i) => (
            <li key={i} className={r.ok ? 'run-result--ok' : 'run-result--failed'} data-testid="action-result">
              {r.ok ? 'Succeeded' : 'Failed'}: {r.message} <span className="muted">({formatTimestamp(r.at)}, {r.by}{r.auditId !== null && `, audit entry ${r.auditId}`})</span>
            </li>
          ))}
        </ul>
      )}
      <label className="run-step__note">
        <span>Note</span>
        <textarea className="input" rows={2} value={note} disabled={!editable} onChange={(e) => setNote(e.target.value)} aria-label={`Note for step ${step.index}`} />
      </label>
      {editable && note !== step.note && (
        <button type="button" className="button button--small" onClick={() => void save(step.done)}>
          Save note
        </button>
      )}
      {error && (
        <p className="note runbook__error" role="alert">
          {error}
        </p>
      )}
      {dialog && step.action && <ActionDialog runId={run.id} step={step.index} action={step.action} onDone={onChanged} onClose={() => setDialog(false)} />}
    </li>
  );
}
