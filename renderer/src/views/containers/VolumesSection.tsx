import type { DockerVolumeRow } from '@contract';
import { ResourceView } from '../../components/ResourceView';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatBytes } from '../../format/bytes';
import { formatTimestamp } from '../../format/time';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { TableFilter } from './TableFilter';
import { useDockerChanged } from './useDockerChanged';
import { useLocalTable } from './useLocalTable';

type VolumeSort = 'name' | 'size' | 'created' | 'users';

const KEYS: Record<VolumeSort, (r: DockerVolumeRow) => string | number | null> = {
  name: (r) => r.name,
  size: (r) => r.sizeBytes,
  created: (r) => r.createdAt,
  users: (r) => r.usedBy.length,
};
const searchText = (r: DockerVolumeRow) => `${r.name} ${r.composeProject ?? ''} ${r.usedBy.map((u) => u.name).join(' ')}`;

const COLUMNS: Column<DockerVolumeRow, VolumeSort>[] = [
  { id: 'name', label: 'Name', sort: 'name', width: '28%', cell: (r) => r.name, className: 'mono', title: (r) => `${r.name}\n${r.mountpoint}` },
  { id: 'project', label: 'Compose project', width: '13%', cell: (r) => r.composeProject ?? '' },
  { id: 'driver', label: 'Driver', width: '8%', cell: (r) => r.driver },
  { id: 'size', label: 'Size', sort: 'size', width: '9%', cell: (r) => (r.sizeBytes === null ? '—' : formatBytes(r.sizeBytes)), className: 'num' },
  { id: 'created', label: 'Created', sort: 'created', width: '15%', cell: (r) => (r.createdAt === null ? '—' : formatTimestamp(r.createdAt)) },
  {
    id: 'users',
    label: 'Used by',
    sort: 'users',
    width: '27%',
    cell: (r) => (r.unused ? <span className="badge">unused</span> : r.usedBy.map((u) => u.name).join(', ')),
    title: (r) => r.usedBy.map((u) => u.name).join('\n'),
  },
];

/** An engine's volumes with their size and the containers that use them. */
export function VolumesSection({ engine }: { engine: string }) {
  const { resource, refresh } = useRefreshingCall('docker.volumes', { engine });
  useDockerChanged(engine, ['volumes', 'containers'], refresh);
  const table = useLocalTable(resource.status === 'ready' ? resource.data : [], KEYS, searchText, { sort: 'name', dir: 'asc' });

  return (
    <section aria-labelledby="volumes-title">
      <div className="section-head">
        <h2 id="volumes-title">Volumes</h2>
        {resource.status === 'ready' && (
          <span className="muted" data-testid="volumes-count">
            {resource.data.length} volumes · engine {engine}
          </span>
        )}
      </div>
      <TableFilter label="Filter volumes" placeholder="name, project or container" value={table.text} onChange={table.setText} input={table.filterInput} />
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading volumes…" errorTitle="Could not list volumes">
        {() =>
          table.shown.length === 0 ? (
            <p className="note">{table.text ? 'No volumes match.' : 'This engine has no volumes.'}</p>
          ) : (
            <VirtualTable
              label="Volumes"
              testId="volumes-scroll"
              columns={COLUMNS}
              count={table.shown.length}
              rowAt={(i) => table.shown[i]}
              rowKey={(r) => r.name}
              rowData={(r) => ({ 'data-volume': r.name })}
              sort={table.sort}
              dir={table.dir}
              firstDir={(s) => (s === 'name' ? 'asc' : 'desc')}
              onSort={table.onSort}
              resetKey={table.text}
              openKey={table.selected}
              onOpen={(r) => table.setSelected(r.name)}
            />
          )
        }
      </ResourceView>
    </section>
  );
}
