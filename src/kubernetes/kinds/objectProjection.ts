import type { K8sColumn, K8sHealth, K8sObjectRow } from '../../contract/types';
import type { Projected } from './projected';
import { keyOf, type Meta } from './read';

export type Cells = Readonly<Record<string, string | number | null>>;

/** What every kind listed by `k8s.objects` keeps: the row's fixed part and its kubectl columns. */
export interface ObjectProjection extends Projected {
  uid: string;
  createdAt: number | null;
  labels: Readonly<Record<string, string>>;
  status: string;
  health: K8sHealth;
  cells: Cells;
}

/** How a kind shows as a table: kubectl's wide columns, the ones text search looks in, and cells that age with the clock. */
export interface ObjectView<T extends ObjectProjection> {
  columns: K8sColumn[];
  search: readonly string[];
  /** Cells computed per request, such as a job's running DURATION. */
  live?(p: T, now: number): Cells;
  /** What the row's actions start from: the scale dialog's spec.replicas, the node menu's cordon state. */
  actionFields?(p: T): Pick<K8sObjectRow, 'desiredReplicas' | 'unschedulable'>;
}

export const objectBase = (meta: Meta) => ({
  key: keyOf(meta.namespace, meta.name),
  namespace: meta.namespace,
  name: meta.name,
  uid: meta.uid,
  createdAt: meta.createdAt,
  labels: meta.labels,
});

/** Columns from [key, label] pairs; a third element marks a number. */
export const columns = (...defs: [string, string, 'numeric'?][]): K8sColumn[] =>
  defs.map(([key, label, numeric]) => (numeric ? { key, label, numeric: true } : { key, label }));
