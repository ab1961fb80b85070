import type { DockerContainerRow, DockerContainerSort } from '@contract';
import type { Column } from '../../components/VirtualTable';
import { formatPercent } from '../../format/number';
import { formatMemory, formatPair, formatPorts, uptimeOf } from './containerFormat';
import type { ListRow } from './containerRows';
import { ContainerStateCell } from './ContainerStateCell';
import { Sparkline } from './Sparkline';

type ContainerColumn = Column<DockerContainerRow, DockerContainerSort>;

const COLUMNS: ContainerColumn[] = [
  {
    id: 'name',
    label: 'Name',
    sort: 'name',
    width: '16%',
    cell: (r) => (
      <>
        <span className="mono">{r.name}</span>
        {r.composeService && r.composeService !== r.name && <span className="muted"> · {r.composeService}</span>}
      </>
    ),
    title: (r) => `${r.name} (${r.id.slice(0, 12)})`,
  },
  { id: 'state', label: 'State', sort: 'state', width: '11%', cell: (r) => <ContainerStateCell row={r} />, title: (r) => r.status },
  { id: 'image', label: 'Image', sort: 'image', width: '12%', cell: (r) => r.image, className: 'mono', title: (r) => r.image },
  { id: 'ports', label: 'Ports', width: '8%', cell: (r) => formatPorts(r.ports), className: 'mono', title: (r) => formatPorts(r.ports) },
  { id: 'uptime', label: 'Up', sort: 'uptime', width: '6%', cell: (r, now) => uptimeOf(r, now) ?? '—', className: 'num', title: (r) => r.status },
  { id: 'restarts', label: 'Restarts', sort: 'restarts', width: '5%', cell: (r) => r.restartCount, className: (r) => (r.restartCount > 0 ? 'num restarts--some' : 'num') },
  {
    id: 'cpu',
    label: 'CPU',
    sort: 'cpu',
    width: '10%',
    cell: (r) =>
      r.stats && (
        <span className="stat-cell">
          <Sparkline values={r.spark.cpuPercent} color="var(--chart-1)" label={`CPU of ${r.name}`} />
          {formatPercent(r.stats.cpuPercent)}
        </span>
      ),
    className: 'num',
  },
  {
    id: 'memory',
    label: 'Memory',
    sort: 'memory',
    width: '16%',
    cell: (r) =>
      r.stats && (
        <span className="stat-cell">
          <Sparkline values={r.spark.memoryBytes} max={r.stats.memoryLimitBytes} color="var(--chart-2)" label={`Memory of ${r.name}`} />
          {formatMemory(r.stats.memoryBytes, r.stats.memoryLimitBytes)}
        </span>
      ),
    className: 'num',
  },
  { id: 'net', label: 'Net in / out', width: '8%', cell: (r) => r.stats && formatPair(r.stats.netRxBytes, r.stats.netTxBytes), className: 'num' },
  { id: 'block', label: 'Disk read / write', width: '8%', cell: (r) => r.stats && formatPair(r.stats.blockReadBytes, r.stats.blockWriteBytes), className: 'num' },
];

/** Counts and usage start with the most. */
export const containerFirstDir = (sort: DockerContainerSort): 'asc' | 'desc' => (['uptime', 'restarts', 'cpu', 'memory'].includes(sort) ? 'desc' : 'asc');

function GroupHeading({ row }: { row: Extract<ListRow, { kind: 'group' }> }) {
  const { group } = row;
  return (
    <span className="container-group__title" title={row.collapsed ? 'Enter or click to show its containers' : 'Enter or click to hide its containers'}>
      <span aria-hidden="true">{row.collapsed ? '▸ ' : '▾ '}</span>
      <strong>{group.project ?? 'Not in a Compose project'}</strong>
      <span className="muted">
        {' '}
        · {group.running} of {group.total} running · {group.engine}
      </span>
    </span>
  );
}

/** The columns over table lines: a group's heading fills the first cell, a container fills them all. */
export const listColumns: Column<ListRow, DockerContainerSort>[] = COLUMNS.map((c, i) => ({
  ...c,
  cell: (r, now) => (r.kind === 'container' ? c.cell(r.row, now) : i === 0 ? <GroupHeading row={r} /> : null),
  className: (r) => (r.kind === 'group' ? 'container-group' : typeof c.className === 'function' ? c.className(r.row) : c.className),
  title: (r) => (r.kind === 'container' ? c.title?.(r.row) : undefined),
}));
