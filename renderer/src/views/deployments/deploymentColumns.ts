import type { K8sColumn } from '@contract';
import { age } from '../../components/k8s/figures';
import type { Column } from '../../components/VirtualTable';
import type { DeploymentSort } from './deploymentsRoute';
import type { DeploymentRow } from './useAllDeployments';

/** The key of the host's column that kubectl labels `label` (UP-TO-DATE, IMAGES), if the host sends it. */
const keyOf = (columns: K8sColumn[], label: string) => columns.find((c) => c.label.toUpperCase() === label)?.key;

/** Context, namespace, name, ready, up-to-date, images and age, one row per deployment. */
export function deploymentColumns(hostColumns: K8sColumn[]): Column<DeploymentRow, DeploymentSort>[] {
  const upToDate = keyOf(hostColumns, 'UP-TO-DATE');
  const images = keyOf(hostColumns, 'IMAGES');
  const cell = (r: DeploymentRow, key: string | undefined) => {
    const v = key === undefined ? null : r.cells[key];
    return v === null || v === undefined || v === '' ? '—' : String(v);
  };
  return [
    { id: 'context', label: 'Context', sort: 'context', width: '14%', cell: (r) => r.context, className: 'mono', title: (r) => r.context },
    { id: 'namespace', label: 'Namespace', sort: 'namespace', width: '13%', cell: (r) => r.namespace ?? '—', className: 'mono' },
    { id: 'name', label: 'Name', sort: 'name', width: '22%', cell: (r) => r.name, className: 'mono', title: (r) => r.name },
    { id: 'ready', label: 'Ready', sort: 'ready', width: '8%', cell: (r) => r.status, className: (r) => `health health--${r.health}` },
    { id: 'upToDate', label: 'Up-to-date', width: '9%', cell: (r) => cell(r, upToDate), className: 'num' },
    { id: 'images', label: 'Images', width: '26%', cell: (r) => cell(r, images), className: 'mono', title: (r) => cell(r, images) },
    { id: 'age', label: 'Age', sort: 'age', width: '8%', cell: (r, now) => age(r.createdAt, now) },
  ];
}

/** Ready as a share, so 1/3 sorts before 3/3; rows whose status is not "n/m" sort first. */
function readyShare(status: string): number {
  const m = /^(\d+)\/(\d+)$/.exec(status);
  if (!m) return -1;
  const desired = Number(m[2]);
  return desired === 0 ? 1 : Number(m[1]) / desired;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows of every context in one order; ties fall back to context, namespace and name. */
export function sortDeployments(rows: DeploymentRow[], sort: DeploymentSort, dir: 'asc' | 'desc'): DeploymentRow[] {
  const by = (a: DeploymentRow, b: DeploymentRow): number => {
    switch (sort) {
      case 'context':
        return text(a.context, b.context);
      case 'namespace':
        return text(a.namespace ?? '', b.namespace ?? '');
      case 'name':
        return text(a.name, b.name);
      case 'ready':
        return readyShare(a.status) - readyShare(b.status);
      case 'age':
        // Ascending is the youngest first, as the AGE column reads.
        return (b.createdAt ?? 0) - (a.createdAt ?? 0);
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * by(a, b) || text(a.context, b.context) || text(a.namespace ?? '', b.namespace ?? '') || text(a.name, b.name));
}
