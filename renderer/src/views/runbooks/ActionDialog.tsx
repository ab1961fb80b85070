import type { RunbookAction, RunbookRun } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';

interface Props {
  runId: number;
  step: number;
  action: RunbookAction;
  onDone(run: RunbookRun): void;
  onClose(): void;
}

/** Typing settles for this long before the host describes the action again. */
const SETTLE_MS = 200;

/** The values the user typed, as the action takes them. */
function typedValues(action: RunbookAction, drafts: Record<string, string>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const p of action.params) {
    const text = drafts[p.name]?.trim();
    if (p.fixed || !text) continue;
    values[p.name] = p.type === 'integer' && /^-?\d+$/.test(text) ? Number(text) : text;
  }
  return values;
}

/**
 * Asks before a step's action runs: the runbook's values as they are, fields for the ones it
 * leaves open, and what will happen in the engine's words, checked by the host as the user types.
 */
export function ActionDialog({ runId, step, action, onDone, onClose }: Props) {
  const client = useApp((s) => s.client);
  const open = action.params.filter((p) => !p.fixed);
  const [drafts, setDrafts] = useState<Record<string, string>>(() => Object.fromEntries(open.map((p) => [p.name, p.value === null ? '' : String(p.value)])));
  const [preview, setPreview] = useState<{ statement: string | null; problem: string | null }>({ statement: null, problem: null });
  const asked = useRef(0);
  const valuesKey = JSON.stringify(typedValues(action, drafts));

  useEffect(() => {
    const id = ++asked.current;
    const timer = setTimeout(() => {
      client.call('runbooks.describeAction', { runId, step, values: JSON.parse(valuesKey) as Record<string, string | number> }).then(
        (p) => id === asked.current && setPreview({ statement: p.statement, problem: null }),
        (err: unknown) => id === asked.current && setPreview({ statement: null, problem: errorMessage(err) }),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [client, runId, step, valuesKey]);

  const confirm = async () => onDone(await client.call('runbooks.runAction', { runId, step, values: JSON.parse(valuesKey) as Record<string, string | number> }));

  return (
    <ConfirmDialog
      title={`${action.title}?`}
      statement={preview.statement ? `${preview.statement} It runs now, in step ${step} of run ${runId}, and is recorded.` : 'Fill in the values the runbook leaves open.'}
      confirmLabel="Run action"
      confirmDisabled={preview.statement === null}
      onConfirm={confirm}
      onClose={onClose}
    >
      {open.length > 0 && (
        <div className="action-dialog__fields">
          {open.map((p) => (
            <label key={p.name} className="form-field">
              <span>
                {p.label}
                {p.placeholder && <span className="muted"> (the runbook asks for {p.placeholder})</span>}
              </span>
              <input
                className="input"
                name={p.name}
                inputMode={p.type === 'integer' ? 'numeric' : undefined}
                value={drafts[p.name]}
                spellCheck={false}
                onChange={(e) => setDrafts((d) => ({ ...d, [p.name]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      )}
      {preview.problem && open.some((p) => drafts[p.name]?.trim()) && (
        <p className="note" role="status" data-testid="action-problem">
          {preview.problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
