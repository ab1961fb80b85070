import type { K8sPodRow, PodSort } from '@contract';
import { formatDuration } from '../../format/duration';

export interface PodColumn {
  id: string;
  label: string;
  /** The host's sort for this column, if it has one. */
  sort?: PodSort;
  /** Width in the fixed table layout. */
  width: string;
  cell(row: K8sPodRow, now: number): string;
  mono?: boolean;
}

export const POD_COLUMNS: PodColumn[] = [
  { id: 'name', label: 'Name', sort: 'name', width: '32%', cell: (r) => r.name, mono: true },
  { id: 'namespace', label: 'Namespace', sort: 'namespace', width: '16%', cell: (r) => r.namespace, mono: true },
  { id: 'ready', label: 'Ready', width: '7%', cell: (r) => `${r.readyContainers}/${r.containers}` },
  { id: 'status', label: 'Status', sort: 'status', width: '13%', cell: (r) => r.status },
  { id: 'restarts', label: 'Restarts', sort: 'restarts', width: '8%', cell: (r) => String(r.restarts) },
  { id: 'node', label: 'Node', width: '15%', cell: (r) => r.node ?? '—', mono: true },
  { id: 'age', label: 'Age', sort: 'age', width: '9%', cell: (r, now) => (r.createdAt === null ? '—' : formatDuration((now - r.createdAt) / 1000)) },
];
