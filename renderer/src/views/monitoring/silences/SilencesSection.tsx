import type { Silence } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ResourceView } from '../../../components/ResourceView';
import { formatTimestamp } from '../../../format/time';
import { useApp } from '../../../state/StoreProvider';
import { useRefreshingCall } from '../../../state/useRefreshingCall';
import { SilenceDialog } from './SilenceDialog';

const matcherText = (s: Silence) => s.matchers.map((m) => `${m.name}${m.op}"${m.value}"`).join(', ');

/** Silences with who made them and why; expire one, or create one from scratch. */
export function SilencesSection() {
  const client = useApp((s) => s.client);
  const { resource, refresh } = useRefreshingCall('silences.list', {});
  const [creating, setCreating] = useState(false);
  const [expiring, setExpiring] = useState<Silence | null>(null);

  return (
    <section aria-label="Silences">
      <div className="section-head">
        <h2>Silences</h2>
        <button type="button" className="button button--small" onClick={() => setCreating(true)}>
          New silence…
        </button>
      </div>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading silences…" errorTitle="Could not load silences">
        {(silences) =>
          silences.length === 0 ? (
            <EmptyState title="No silences">A silence mutes the alerts its matchers select; create one here or from an alert.</EmptyState>
          ) : (
            <table className="table" aria-label="Silences">
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Matchers</th>
                  <th scope="col">Created by</th>
                  <th scope="col">Comment</th>
                  <th scope="col">Ends</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {silences.map((s) => (
                  <tr key={s.id} data-silence={s.id}>
                    <td>{s.state}</td>
                    <td className="mono">{matcherText(s)}</td>
                    <td>{s.createdBy}</td>
                    <td>{s.comment}</td>
                    <td>{formatTimestamp(s.endsAt)}</td>
                    <td>
                      {s.state !== 'expired' && (
                        <button type="button" className="button button--small" onClick={() => setExpiring(s)}>
                          Expire…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ResourceView>
      {creating && <SilenceDialog initial={[{ name: '', op: '=', value: '' }]} onDone={refresh} onClose={() => setCreating(false)} />}
      {expiring && (
        <ConfirmDialog
          title="Expire silence"
          statement={`End silence #${expiring.id} (${matcherText(expiring)}) now? The alerts it mutes notify again.`}
          confirmLabel="Expire silence"
          onClose={() => setExpiring(null)}
          onConfirm={async () => {
            await client.call('silences.expire', { id: expiring.id });
            refresh();
          }}
        />
      )}
    </section>
  );
}
