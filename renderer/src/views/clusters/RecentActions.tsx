import type { AuditEntry } from '@contract';
import { ResourceView } from '../../components/ResourceView';
import { formatTimestamp } from '../../format/time';
import { useHostEvent } from '../../state/useHostEvent';
import { useRefreshingCall } from '../../state/useRefreshingCall';

const SHOWN = 20;

/** An entry's action in words: "scale deployment shop/web to 3". */
function described({ action, target: t }: AuditEntry): string {
  const object = t.namespace === undefined ? String(t.name) : `${t.namespace}/${t.name}`;
  switch (action) {
    case 'scale':
      return `scale ${t.kind} ${object} to ${t.replicas}`;
    case 'restart':
      return `restart deployment ${object}`;
    case 'rollback':
      return `roll back deployment ${object} to revision ${t.revision}`;
    case 'deletePod':
      return `delete pod ${object}`;
    case 'cordon':
    case 'uncordon':
      return `${action} node ${object}`;
    default:
      return `${action} ${object}`;
  }
}

/** The newest entries of the audit log: every change made to a cluster from Opsdeck, and how it ended. */
export function RecentActions() {
  const { resource, refresh } = useRefreshingCall('audit.list', { limit: SHOWN });
  useHostEvent('audit.appended', refresh);

  return (
    <section className="recent-actions" aria-labelledby="recent-actions-title">
      <div className="section-head">
        <h2 id="recent-actions-title">Recent actions</h2>
      </div>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Reading the audit log…" errorTitle="Could not read the audit log">
        {(entries) =>
          entries.length === 0 ? (
            <p className="note">No actions yet. Deleting a pod or scaling a deployment here is recorded in this list.</p>
          ) : (
            <table className="table" aria-label="Recent actions">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Context</th>
                  <th scope="col">Action</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-audit-id={e.id} data-result={e.result}>
                    <td>{formatTimestamp(e.ts)}</td>
                    <td>{e.actor}</td>
                    <td className="mono">{e.context}</td>
                    <td className="mono">{described(e)}</td>
                    <td className={e.result === 'error' ? 'recent-actions__error' : undefined}>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ResourceView>
    </section>
  );
}
