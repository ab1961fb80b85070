import type { SnapshotTreeEntry } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { formatBytes } from '../../format/bytes';
import { useCall } from '../../state/useCall';

const modeText = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

function Folder({ snapshotId, dir, selected, onToggle }: { snapshotId: string; dir: string; selected: Set<string>; onToggle(path: string): void }) {
  const { resource, retry } = useCall('recovery.snapshot.tree', { snapshotId, dir });
  const [open, setOpen] = useState<Set<string>>(new Set());
  return (
    <ResourceView resource={resource} onRetry={retry}>
      {(entries: SnapshotTreeEntry[]) => (
        <ul className="recovery-tree">
          {entries.map((e) => (
            <li key={e.path} data-path={e.path}>
              <input type="checkbox" aria-label={`Select ${e.path}`} checked={selected.has(e.path)} onChange={() => onToggle(e.path)} />
              {e.type === 'dir' ? (
                <button type="button" className="link-button" onClick={() => setOpen((o) => new Set(o.has(e.path) ? [...o].filter((p) => p !== e.path) : [...o, e.path]))}>
                  {open.has(e.path) ? '▾' : '▸'} {e.name}/
                </button>
              ) : (
                <span className="mono">{e.name}</span>
              )}
              <span className="muted">
                {' '}
                {e.type === 'file' ? formatBytes(e.size) : e.type} · {modeText(e.mode)}
              </span>
              {e.type === 'dir' && open.has(e.path) && <Folder snapshotId={snapshotId} dir={e.path} selected={selected} onToggle={onToggle} />}
            </li>
          ))}
        </ul>
      )}
    </ResourceView>
  );
}

/** A snapshot's tree, folder by folder; checked paths restore alone. */
export function SnapshotBrowser({ snapshotId, selected, onToggle }: { snapshotId: string; selected: Set<string>; onToggle(path: string): void }) {
  return (
    <div className="recovery-browser" data-testid="snapshot-browser">
      <Folder snapshotId={snapshotId} dir="/" selected={selected} onToggle={onToggle} />
    </div>
  );
}
