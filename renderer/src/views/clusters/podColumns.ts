import type { K8sPodRow, PodSort } from '@contract';
import type { Column } from '../../components/VirtualTable';
import { formatBytes } from '../../format/bytes';
import { age } from '../../components/k8s/figures';

/** Rows of kubectl's STATUS that mean trouble, coloured as such. */
function statusTone(status: string, phase: string): string {
  if (status === 'Running' || status === 'Completed' || phase === 'Succeeded') return 'ok';
  if (phase === 'Pending' || status === 'Terminating' || status.startsWith('Init:')) return 'pending';
  return 'bad';
}

const BASE: Column<K8sPodRow, PodSort>[] = [
  { id: 'name', label: 'Name', sort: 'name', width: '30%', cell: (r) => r.name, className: 'mono', title: (r) => r.name },
  { id: 'namespace', label: 'Namespace', sort: 'namespace', width: '14%', cell: (r) => r.namespace, className: 'mono' },
  { id: 'ready', label: 'Ready', width: '7%', cell: (r) => `${r.readyContainers}/${r.containers}` },
  { id: 'status', label: 'Status', sort: 'status', width: '13%', cell: (r) => r.status, className: (r) => `pod-status pod-status--${statusTone(r.status, r.phase)}` },
  { id: 'restarts', label: 'Restarts', sort: 'restarts', width: '8%', cell: (r) => String(r.restarts), className: 'num' },
  { id: 'node', label: 'Node', width: '14%', cell: (r) => r.node ?? '—', className: 'mono' },
  { id: 'age', label: 'Age', sort: 'age', width: '8%', cell: (r, now) => age(r.createdAt, now) },
];

const USAGE: Column<K8sPodRow, PodSort>[] = [
  { id: 'cpu', label: 'CPU', sort: 'cpu', width: '8%', cell: (r) => (r.cpuMillis === null ? '—' : `${Math.round(r.cpuMillis)}m`), className: 'num' },
  { id: 'memory', label: 'Memory', sort: 'memory', width: '9%', cell: (r) => (r.memoryBytes === null ? '—' : formatBytes(r.memoryBytes)), className: 'num' },
];

/** The pod table's columns; CPU (in millicores, as kubectl top) and memory only when the cluster serves metrics.k8s.io. */
export const podColumns = (metrics: boolean): Column<K8sPodRow, PodSort>[] => (metrics ? [...BASE.slice(0, 5), ...USAGE, ...BASE.slice(5)] : BASE);

/** Restarts, CPU and memory start with the most; the others ascending. */
export const podFirstDir = (sort: PodSort): 'asc' | 'desc' => (sort === 'restarts' || sort === 'cpu' || sort === 'memory' ? 'desc' : 'asc');
