import type { ActionResult, DockerAction, DockerContainerRow } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { containerActions, DEFAULT_ACTION_OPTIONS, KILL_SIGNALS, type ActionOptions, type ContainerActionChoice } from './containerActions';

interface Props {
  row: DockerContainerRow;
  onDone(result: ActionResult, action: DockerAction): void;
}

/** Start, stop, restart, pause, unpause, kill and remove; destructive ones ask first, and a failure shows the engine's words. */
export function ContainerActions({ row, onDone }: Props) {
  const client = useApp((s) => s.client);
  const [confirming, setConfirming] = useState<ContainerActionChoice | null>(null);
  const [options, setOptions] = useState<ActionOptions>(DEFAULT_ACTION_OPTIONS);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = containerActions(row, options);
  // The open dialog's action, rebuilt so its choices count.
  const open = confirming && choices.find((c) => c.label === confirming.label);

  const run = async (choice: ContainerActionChoice) => {
    setError(null);
    setBusy(true);
    try {
      onDone(await client.call('docker.action', choice.action), choice.action);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = (choice: ContainerActionChoice) => {
    if (!choice.confirm) return void run(choice);
    setError(null);
    setOptions(DEFAULT_ACTION_OPTIONS);
    setConfirming(choice);
  };

  return (
    <div className="object-actions" role="group" aria-label="Container actions">
      {choices.map((c) => (
        <button
          key={c.label}
          type="button"
          className="button"
          disabled={busy}
          onClick={() => choose(c)}
        >
          {c.confirm ? `${c.label}…` : c.label}
        </button>
      ))}
      {error && (
        <p className="confirm-dialog__error" role="alert" data-testid="container-action-error">
          {error}
        </p>
      )}
      {open?.confirm && (
        <ConfirmDialog
          title={open.confirm.title}
          statement={open.confirm.statement}
          confirmLabel={open.label}
          onClose={() => setConfirming(null)}
          onConfirm={async () => onDone(await client.call('docker.action', open.action), open.action)}
        >
          {open.action.action === 'container.remove' && (
            <label className="form-check">
              <input type="checkbox" checked={options.removeVolumes} onChange={(e) => setOptions({ ...options, removeVolumes: e.target.checked })} />
              Also remove its anonymous volumes
            </label>
          )}
          {open.action.action === 'container.kill' && (
            <label className="form-field">
              Signal
              <select value={options.signal} onChange={(e) => setOptions({ ...options, signal: e.target.value as ActionOptions['signal'] })}>
                {KILL_SIGNALS.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
