import { selectorText } from './format';
import { columns, type ObjectProjection, type ObjectView } from './objectProjection';
import { countAt } from './read';
import { replicatedParts, replicatedRow, WORKLOAD_COLUMNS } from './workload';

export type ReplicaSetProjection = ObjectProjection & { namespace: string };

export const replicaSetView: ObjectView<ReplicaSetProjection> = {
  columns: columns(['desired', 'DESIRED', 'numeric'], ['current', 'CURRENT', 'numeric'], ['ready', 'READY', 'numeric'], ...WORKLOAD_COLUMNS),
  search: ['images', 'containers'],
};

export function projectReplicaSet(raw: unknown): ReplicaSetProjection | null {
  const w = replicatedParts(raw);
  if (!w) return null;
  const { desired, ready } = w;
  return {
    ...replicatedRow(w),
    cells: { desired, current: countAt(w.status.replicas), ready, containers: w.containers, images: w.images, selector: selectorText(w.spec.selector) },
  };
}
