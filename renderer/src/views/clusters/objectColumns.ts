import type { K8sColumn, K8sObjectRow, ObjectSort } from '@contract';
import type { Column } from '../../components/VirtualTable';
import { age } from '../../components/k8s/figures';
import { isClusterScoped } from '../../components/k8s/kinds';

const cellText = (v: string | number | null | undefined): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'number' ? v.toLocaleString() : v);

/** Host columns the Status column already shows (a deployment's status is its READY count). */
const SHOWN_AS_STATUS = new Set(['STATUS', 'READY']);

/**
 * The columns of a kind's table: name (and namespace), the status kubectl shows, the kind's
 * own columns as the host names them, and age.
 */
export function objectColumns(kind: K8sObjectRow['kind'], hostColumns: K8sColumn[]): Column<K8sObjectRow, ObjectSort>[] {
  const namespaced = !isClusterScoped(kind);
  const own = hostColumns.filter((c) => !SHOWN_AS_STATUS.has(c.label.toUpperCase()));
  const ownWidth = `${Math.max(6, Math.floor((namespaced ? 44 : 56) / Math.max(1, own.length)))}%`;
  return [
    { id: 'name', label: 'Name', sort: 'name', width: namespaced ? '26%' : '30%', cell: (r) => r.name, className: 'mono', title: (r) => r.name },
    ...(namespaced ? [{ id: 'namespace', label: 'Namespace', sort: 'namespace' as const, width: '12%', cell: (r: K8sObjectRow) => r.namespace ?? '—', className: 'mono' }] : []),
    { id: 'status', label: 'Status', sort: 'status', width: '10%', cell: (r) => r.status, className: (r) => `health health--${r.health}`, title: (r) => r.status },
    ...own.map(
      (c): Column<K8sObjectRow, ObjectSort> => ({
        id: `cell-${c.key}`,
        label: c.label,
        width: ownWidth,
        cell: (r) => cellText(r.cells[c.key]),
        className: c.numeric ? 'num' : undefined,
        title: (r) => cellText(r.cells[c.key]),
      }),
    ),
    { id: 'age', label: 'Age', sort: 'age', width: '8%', cell: (r, now) => age(r.createdAt, now) },
  ];
}
