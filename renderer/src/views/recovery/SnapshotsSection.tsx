import type { RecoveryTarget, SnapshotRow } from '@contract';
import { useCallback, useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ResourceView } from '../../components/ResourceView';
import { formatBytes } from '../../format/bytes';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { msText } from './format';
import { RestoreDialog } from './RestoreDialog';
import { SnapshotBrowser } from './SnapshotBrowser';
import { SnapshotDiffView } from './SnapshotDiffView';
import type { RecoveryData } from './useRecovery';
import { SmallButton } from '../../components/SmallButton';

type SortKey = 'time' | 'target' | 'sizeBytes' | 'addedBytes' | 'fileCount' | 'durationMs';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'time', label: 'Time' },
  { key: 'target', label: 'Target' },
  { key: 'sizeBytes', label: 'Size' },
  { key: 'addedBytes', label: 'New data' },
  { key: 'fileCount', label: 'Files' },
  { key: 'durationMs', label: 'Took' },
];

function Table({ rows, targets }: { rows: SnapshotRow[]; targets: RecoveryTarget[] }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'time', desc: true });
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [restoring, setRestoring] = useState<SnapshotRow | null>(null);
  const names = useMemo(() => new Map(targets.map((t) => [t.id, t.name])), [targets]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = rows.filter((r) => !f || [r.id, nameOf(r.target), r.host, ...r.tags].some((s) => s.toLowerCase().includes(f)));
    const value = (r: SnapshotRow) => (sort.key === 'target' ? nameOf(r.target) : r[sort.key]);
    return list.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const c = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
      return sort.desc ? -c : c;
    });
  }, [rows, nameOf, filter, sort]);

  const openRow = shown.find((r) => r.id === open) ?? null;
  const openTarget = openRow ? targets.find((t) => t.id === openRow.target) : undefined;
  const togglePick = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  const toggleSelected = (path: string) => setSelected((s) => new Set(s.has(path) ? [...s].filter((p) => p !== path) : [...s, path]));

  return (
    <>
      <input className="input" type="search" placeholder="Filter by target, tag, host or id" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter snapshots" />
      <table className="table" aria-label="Snapshots" data-testid="snapshots">
        <thead>
          <tr>
            <th scope="col" aria-label="Compare" />
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="table__sort" onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key === 'time' }))}>
                  {c.label}
                  {sort.key === c.key && <span className="table__sort-mark">{sort.desc ? '▼' : '▲'}</span>}
                </button>
              </th>
            ))}
            <th scope="col">Snapshot</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-snapshot={r.id} aria-selected={open === r.id}>
              <td>
                <input type="checkbox" aria-label={`Compare ${r.id.slice(0, 8)}`} checked={picked.includes(r.id)} onChange={() => togglePick(r.id)} />
              </td>
              <td>{formatTimestamp(r.time)}</td>
              <td>
                {nameOf(r.target)}
                {r.tags.length > 0 && <div className="muted">{r.tags.join(', ')}</div>}
              </td>
              <td>{formatBytes(r.sizeBytes)}</td>
              <td>{formatBytes(r.addedBytes)}</td>
              <td>{r.fileCount}</td>
              <td>{msText(r.durationMs)}</td>
              <td>
                <button
                  type="button"
                  className="link-button mono"
                  onClick={() => {
                    setOpen(open === r.id ? null : r.id);
                    setSelected(new Set());
                  }}
                >
                  {r.id.slice(0, 8)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {picked.length === 2 && <SnapshotDiffView a={picked[0]!} b={picked[1]!} />}
      {openRow && (
        <div className="recovery-open">
          <div className="section-head">
            <h3>
              Snapshot <span className="mono">{openRow.id.slice(0, 8)}</span> of {nameOf(openRow.target)}
            </h3>
            {openTarget && (
              <button type="button" className="button button--small" onClick={() => setRestoring(openRow)} data-testid="snapshot-restore">
                {selected.size ? `Restore ${selected.size} selected…` : 'Restore…'}
              </button>
            )}
          </div>
          <SnapshotBrowser snapshotId={openRow.id} selected={selected} onToggle={toggleSelected} />
        </div>
      )}
      {restoring && openTarget && <RestoreDialog snapshot={restoring} target={openTarget} include={[...selected]} onClose={() => setRestoring(null)} />}
    </>
  );
}

/** Every snapshot, sortable and filterable; open one to browse and restore it, check two to compare them. */
export function SnapshotsSection({ data }: { data: RecoveryData }) {
  const client = useApp((s) => s.client);
  const [error, setError] = useState<string | null>(null);
  const verify = (readData: boolean) => client.call('recovery.verify', { readData }).then(() => setError(null), (err: Error) => setError(err.message));
  const targets = data.targets.resource.status === 'ready' ? data.targets.resource.data : [];
  return (
    <section aria-label="Snapshots">
      <div className="section-head">
        <h2>Snapshots</h2>
        <span className="recovery-actions">
          <SmallButton onClick={() => verify(false)}>
            Verify structure
          </SmallButton>
          <SmallButton onClick={() => verify(true)}>
            Verify all data
          </SmallButton>
        </span>
      </div>
      {error && <p className="banner banner--error">{error}</p>}
      <ResourceView resource={data.snapshots.resource} onRetry={data.snapshots.load}>
        {(rows) => (rows.length === 0 ? <EmptyState title="No snapshots">Back up a target to make the first snapshot.</EmptyState> : <Table rows={rows} targets={targets} />)}
      </ResourceView>
    </section>
  );
}
