import type { BillingImportOutcome, BillingImportProgress } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';

interface Props {
  watchDir: string;
  onDone(outcome: BillingImportOutcome): void;
  onClose(): void;
}

const PHASES: Record<BillingImportProgress['phase'], string> = {
  hashing: 'Checking the file',
  reading: 'Reading rows',
  done: 'Done',
  failed: 'Failed',
};

/** Imports one FOCUS file by path, with the host's progress; a rejected file's lines and rows are shown as the host names them. */
export function ImportDialog({ watchDir, onDone, onClose }: Props) {
  const client = useApp((s) => s.client);
  const [path, setPath] = useState('');
  const [progress, setProgress] = useState<BillingImportProgress | null>(null);
  useHostEvent('cost.importProgress', (p) => {
    if (p.path.endsWith(path.trim().split(/[\\/]/).at(-1) ?? '')) setProgress(p);
  });

  return (
    <ConfirmDialog
      title="Import billing data"
      statement="A FOCUS 1.0+ export (CSV, CSV.gz or Parquet) from AWS, Azure, Google Cloud, Oracle or any FOCUS source. The same file is never counted twice; a newer export at the same path replaces the older."
      confirmLabel="Import"
      confirmDisabled={path.trim() === ''}
      onConfirm={async () => {
        setProgress(null);
        onDone(await client.call('cost.import', { path: path.trim() }));
      }}
      onClose={onClose}
    >
      <label className="form-field">
        <span>File path on the machine Opsdeck runs on</span>
        <input className="mono" data-testid="cost-import-path" spellCheck={false} value={path} placeholder="/path/to/focus-export.parquet" onChange={(e) => setPath(e.target.value)} />
      </label>
      <p className="muted">Files dropped into {watchDir} are imported by themselves.</p>
      {progress && (
        <div className="cost-progress" data-testid="cost-import-progress" data-phase={progress.phase}>
          <span>{PHASES[progress.phase]}</span>
          {progress.percent !== null ? <progress max={100} value={progress.percent} /> : progress.phase === 'reading' && <progress />}
          {progress.rowsDone !== null && <span className="muted">{progress.rowsDone.toLocaleString('en-US')} rows</span>}
        </div>
      )}
    </ConfirmDialog>
  );
}
