import type { RecoveryTarget, RestoreInto, SnapshotRow } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/StoreProvider';

const DB = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Where to restore a snapshot: a folder, a database, namespaces or a volume, new or existing. */
export function RestoreDialog({ snapshot, target, include, onClose }: { snapshot: SnapshotRow; target: RecoveryTarget; include: string[]; onClose(): void }) {
  const client = useApp((s) => s.client);
  const spec = target.spec;
  const [value, setValue] = useState(spec.kind === 'files' ? `${spec.root}-restored` : spec.kind === 'postgres' ? `${spec.database}_restored` : spec.kind === 'docker-volume' ? `${spec.volume}-restored` : '');
  const [renames, setRenames] = useState<Record<string, string>>(() => (spec.kind === 'kubernetes' ? Object.fromEntries(spec.namespaces.map((n) => [n, n])) : {}));

  let into: RestoreInto | null = null;
  if (spec.kind === 'files' && value.startsWith('/')) into = { kind: 'files', destination: value, ...(include.length ? { include } : {}) };
  if (spec.kind === 'postgres' && DB.test(value)) into = { kind: 'postgres', database: value };
  if (spec.kind === 'docker-volume' && value) into = { kind: 'docker-volume', volume: value };
  if (spec.kind === 'kubernetes' && Object.values(renames).every((n) => LABEL.test(n))) into = { kind: 'kubernetes', namespaces: renames };

  const what = include.length ? `${include.length} selected path(s) of snapshot` : 'snapshot';
  return (
    <ConfirmDialog
      title={`Restore ${target.name}`}
      statement={`Restore ${what} ${snapshot.id.slice(0, 8)}. Files appear complete or not at all; a new database, namespace or volume is created when it does not exist.`}
      confirmLabel="Restore"
      confirmDisabled={into === null}
      onClose={onClose}
      onConfirm={async () => {
        await client.call('recovery.restore', { snapshotId: snapshot.id, into: into! });
        onClose();
      }}
    >
      {spec.kind === 'kubernetes' ? (
        Object.keys(renames).map((ns) => (
          <label key={ns} className="form-field">
            Namespace {ns} restores into
            <input className="mono" value={renames[ns]} onChange={(e) => setRenames((r) => ({ ...r, [ns]: e.target.value }))} />
          </label>
        ))
      ) : (
        <label className="form-field">
          {spec.kind === 'files' ? 'Destination folder' : spec.kind === 'postgres' ? 'Database (new or existing)' : 'Volume (new or existing)'}
          <input className="mono" value={value} onChange={(e) => setValue(e.target.value)} data-testid="restore-destination" />
        </label>
      )}
    </ConfirmDialog>
  );
}
