import type { RecoveryTarget } from '@contract';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ResourceView } from '../../components/ResourceView';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { DeleteDialog } from './DeleteDialog';
import { KIND_LABEL, msText, specText } from './format';
import { RetentionDialog } from './RetentionDialog';
import { TargetDialog } from './TargetDialog';
import type { RecoveryData } from './useRecovery';
import { SmallButton } from '../../components/SmallButton';

function RpoBadge({ t }: { t: RecoveryTarget }) {
  if (t.rpoMet === null) return <span className="badge badge--info">no backup yet</span>;
  return <span className={`badge badge--${t.rpoMet ? 'ok' : 'critical'}`}>{t.rpoMet ? 'RPO met' : 'RPO breached'}</span>;
}

/** What is backed up, when, and whether each target's last good snapshot is within its RPO. */
export function TargetsSection({ data }: { data: RecoveryData }) {
  const client = useApp((s) => s.client);
  const [editing, setEditing] = useState<RecoveryTarget | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RecoveryTarget | null>(null);
  const [retention, setRetention] = useState<RecoveryTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) => p.then(() => setError(null), (err: Error) => setError(err.message));

  return (
    <section aria-label="Backup targets">
      <div className="section-head">
        <h2>Targets</h2>
        <button type="button" className="button button--small" onClick={() => setEditing('new')} data-testid="target-new">
          New target…
        </button>
      </div>
      {error && <p className="banner banner--error">{error}</p>}
      <ResourceView resource={data.targets.resource} onRetry={data.targets.load}>
        {(targets) =>
          targets.length === 0 ? (
            <EmptyState title="No targets">Add a folder, a PostgreSQL database, Kubernetes namespaces or a Docker volume to back up.</EmptyState>
          ) : (
            <table className="table" aria-label="Targets">
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">Source</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Last good backup</th>
                  <th scope="col">RPO</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {targets.map((t) => (
                  <tr key={t.id} data-target={t.name}>
                    <td>
                      <strong>{t.name}</strong>
                      <div className="muted">{KIND_LABEL[t.spec.kind]}</div>
                    </td>
                    <td className="mono">{specText(t.spec)}</td>
                    <td>
                      {t.schedule ? <span className="mono">{t.schedule}</span> : <span className="muted">manual</span>}
                      {t.nextRunAt && <div className="muted">next {formatTimestamp(t.nextRunAt)}</div>}
                    </td>
                    <td>
                      {t.lastGoodAt ? formatTimestamp(t.lastGoodAt) : '—'}
                      {t.lastError && <div className="rule-error">{t.lastError}</div>}
                    </td>
                    <td>
                      <RpoBadge t={t} />
                      <div className="muted">objective {msText(t.rpoObjectiveMs)}</div>
                    </td>
                    <td className="recovery-actions">
                      <button type="button" className="button button--small" onClick={() => run(client.call('recovery.backup', { targetId: t.id }))} data-testid="target-backup">
                        Back up now
                      </button>
                      <SmallButton onClick={() => setRetention(t)}>
                        Retention…
                      </SmallButton>
                      <SmallButton onClick={() => setEditing(t)}>
                        Edit
                      </SmallButton>
                      <SmallButton onClick={() => setDeleting(t)}>
                        Delete
                      </SmallButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ResourceView>
      {editing && <TargetDialog target={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {retention && <RetentionDialog target={retention} onClose={() => setRetention(null)} />}
      {deleting && (
        <DeleteDialog
          what="target"
          statement={`Delete target ${deleting.name}? Its snapshots stay in the repository until a prune removes them.`}
          onDelete={() => client.call('recovery.targets.delete', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
