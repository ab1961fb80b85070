import type { DockerImageRow } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ResourceView } from '../../components/ResourceView';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatBytes } from '../../format/bytes';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { shortId } from './containerFormat';
import { TableFilter } from './TableFilter';
import { useDockerChanged } from './useDockerChanged';
import { useLocalTable } from './useLocalTable';

type ImageSort = 'tag' | 'size' | 'created' | 'containers';

const KEYS: Record<ImageSort, (r: DockerImageRow) => string | number | null> = {
  tag: (r) => r.tags[0] ?? null,
  size: (r) => r.sizeBytes,
  created: (r) => r.createdAt,
  containers: (r) => r.containers,
};
const searchText = (r: DockerImageRow) => `${r.tags.join(' ')} ${r.id}`;
const imageName = (r: DockerImageRow) => r.tags[0] ?? shortId(r.id);

function columns(onRemove: (r: DockerImageRow) => void): Column<DockerImageRow, ImageSort>[] {
  return [
    { id: 'tag', label: 'Tags', sort: 'tag', width: '34%', cell: (r) => (r.tags.length ? r.tags.join(', ') : <span className="muted">&lt;none&gt;</span>), className: 'mono', title: (r) => r.tags.join('\n') },
    { id: 'id', label: 'ID', width: '12%', cell: (r) => shortId(r.id), className: 'mono' },
    { id: 'size', label: 'Size', sort: 'size', width: '10%', cell: (r) => formatBytes(r.sizeBytes), className: 'num' },
    { id: 'created', label: 'Created', sort: 'created', width: '16%', cell: (r) => formatTimestamp(r.createdAt) },
    { id: 'containers', label: 'Containers', sort: 'containers', width: '9%', cell: (r) => r.containers, className: 'num' },
    {
      id: 'marks',
      label: 'Marks',
      width: '10%',
      cell: (r) => (
        <>
          {r.dangling && <span className="badge badge--warning">dangling</span>} {r.unused && <span className="badge">unused</span>}
        </>
      ),
    },
    {
      id: 'remove',
      label: '',
      width: '9%',
      cell: (r) => (
        <button
          type="button"
          className="button button--small table-button"
          aria-label={`Remove image ${imageName(r)}`}
          onClick={(e) => {
            e.stopPropagation();
            onRemove(r);
          }}
        >
          Remove…
        </button>
      ),
    },
  ];
}

/** An engine's images with size and tags, dangling and unused ones marked; each can be removed after a confirmation. */
export function ImagesSection({ engine }: { engine: string }) {
  const client = useApp((s) => s.client);
  const { resource, refresh } = useRefreshingCall('docker.images', { engine });
  useDockerChanged(engine, ['images', 'containers'], refresh);
  const table = useLocalTable(resource.status === 'ready' ? resource.data : [], KEYS, searchText, { sort: 'size', dir: 'desc' });
  const [removing, setRemoving] = useState<DockerImageRow | null>(null);
  const [force, setForce] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const askRemove = (r: DockerImageRow) => {
    setForce(false);
    setRemoving(r);
  };
  const total = resource.status === 'ready' ? resource.data.reduce((sum, r) => sum + r.sizeBytes, 0) : 0;

  return (
    <section aria-labelledby="images-title">
      <div className="section-head">
        <h2 id="images-title">Images</h2>
        {resource.status === 'ready' && (
          <span className="muted" data-testid="images-count">
            {resource.data.length} images · {formatBytes(total)} · engine {engine}
          </span>
        )}
      </div>
      <TableFilter label="Filter images" placeholder="tag or id" value={table.text} onChange={table.setText} input={table.filterInput} />
      {result && (
        <p className="detail-pane__result" role="status">
          {result}
        </p>
      )}
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading images…" errorTitle="Could not list images">
        {() =>
          table.shown.length === 0 ? (
            <p className="note">{table.text ? 'No images match.' : 'This engine has no images.'}</p>
          ) : (
            <VirtualTable
              label="Images"
              testId="images-scroll"
              columns={columns(askRemove)}
              count={table.shown.length}
              rowAt={(i) => table.shown[i]}
              rowKey={(r) => r.id}
              rowData={(r) => ({ 'data-image': imageName(r) })}
              sort={table.sort}
              dir={table.dir}
              firstDir={(s) => (s === 'tag' ? 'asc' : 'desc')}
              onSort={table.onSort}
              resetKey={table.text}
              openKey={table.selected}
              onOpen={(r) => table.setSelected(r.id)}
            />
          )
        }
      </ResourceView>
      {removing && (
        <ConfirmDialog
          title="Remove image"
          statement={`Remove image ${imageName(removing)} (${shortId(removing.id)}, ${formatBytes(removing.sizeBytes)}) from engine ${engine}?${removing.containers > 0 ? ` ${removing.containers} containers use it.` : ''}`}
          confirmLabel="Remove image"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            const done = await client.call('docker.action', { engine, action: 'image.remove', id: removing.id, force });
            setResult(done.message);
            refresh();
          }}
        >
          <label className="form-check">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Force (also untag it from every repository, and remove it while stopped containers use it)
          </label>
        </ConfirmDialog>
      )}
    </section>
  );
}
