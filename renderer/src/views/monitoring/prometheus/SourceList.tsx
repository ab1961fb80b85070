import type { PromSourceInfo, PromSources } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { formatTimestamp } from '../../../format/time';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { SourceDialog } from './SourceDialog';

const STATE_BADGE: Record<PromSourceInfo['state'], string> = {
  connecting: 'info',
  connected: 'ok',
  unreachable: 'critical',
  unauthorized: 'critical',
  error: 'critical',
};

interface Props {
  data: PromSources;
  onChanged(sources: PromSources): void;
}

/** The Prometheus sources with their connection state, and add, edit, test and remove. */
export function SourceList({ data, onChanged }: Props) {
  const client = useApp((s) => s.client);
  const [editing, setEditing] = useState<PromSourceInfo | 'new' | null>(null);
  const [removing, setRemoving] = useState<PromSourceInfo | null>(null);
  const [tested, setTested] = useState<Record<number, string>>({});

  const test = (s: PromSourceInfo) => {
    setTested((t) => ({ ...t, [s.id]: 'Testing…' }));
    client.call('prom.testSource', { id: s.id }).then(
      (r) => setTested((t) => ({ ...t, [s.id]: r.state === 'connected' ? `connected${r.version ? `, Prometheus ${r.version}` : ''}` : `${r.state}: ${r.message ?? ''}` })),
      (err: unknown) => setTested((t) => ({ ...t, [s.id]: errorMessage(err) })),
    );
  };

  return (
    <>
      <div className="section-head">
        <h2>Prometheus sources</h2>
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          Add source…
        </button>
      </div>
      {data.sources.length === 0 ? (
        <EmptyState title="No Prometheus source" source={data.hint}>
          Add the URL of a Prometheus server, e.g. http://localhost:9090, to query it here and evaluate alert rules against it.
        </EmptyState>
      ) : (
        <table className="table" aria-label="Prometheus sources">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">URL</th>
              <th scope="col">Auth</th>
              <th scope="col">State</th>
              <th scope="col">Version</th>
              <th scope="col">Message</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {data.sources.map((s) => (
              <tr key={s.id} data-source={s.name} data-state={s.state}>
                <td>{s.name}</td>
                <td className="mono">{s.url}</td>
                <td>{s.auth === 'basic' ? `basic (${s.username ?? ''})` : s.auth}</td>
                <td>
                  <span className={`badge badge--${STATE_BADGE[s.state]}`}>{s.state}</span>
                </td>
                <td>{s.version ?? ''}</td>
                <td>
                  {s.message}
                  {s.nextCheckAt !== null && s.state !== 'connected' && <div className="muted">Next check {formatTimestamp(s.nextCheckAt)}</div>}
                  {tested[s.id] && <div role="status">Test: {tested[s.id]}</div>}
                </td>
                <td className="source-actions">
                  <button type="button" className="button button--small" onClick={() => test(s)}>
                    Test
                  </button>
                  <button type="button" className="button button--small" onClick={() => setEditing(s)}>
                    Edit…
                  </button>
                  <button type="button" className="button button--small" onClick={() => setRemoving(s)}>
                    Remove…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <SourceDialog source={editing === 'new' ? null : editing} onSaved={onChanged} onClose={() => setEditing(null)} />}
      {removing && (
        <ConfirmDialog
          title="Remove Prometheus source"
          statement={`Forget ${removing.name} (${removing.url})? Its stored credentials are deleted from the keychain. The server itself is not touched.`}
          confirmLabel="Remove source"
          onClose={() => setRemoving(null)}
          onConfirm={async () => onChanged(await client.call('prom.removeSource', { id: removing.id }))}
        />
      )}
    </>
  );
}
