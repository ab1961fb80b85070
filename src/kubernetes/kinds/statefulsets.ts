import { columns, type ObjectProjection, type ObjectView } from './objectProjection';
import { replicatedParts, replicatedRow } from './workload';

export interface StatefulSetProjection extends ObjectProjection {
  namespace: string;
  desired: number;
  ready: number;
}

export const statefulSetView: ObjectView<StatefulSetProjection> = {
  columns: columns(['ready', 'READY'], ['containers', 'CONTAINERS'], ['images', 'IMAGES']),
  search: ['images', 'containers'],
  actionFields: (p) => ({ desiredReplicas: p.desired }),
};

export function projectStatefulSet(raw: unknown): StatefulSetProjection | null {
  const w = replicatedParts(raw);
  if (!w) return null;
  const { desired, ready } = w;
  return {
    ...replicatedRow(w),
    cells: { ready: `${ready}/${desired}`, containers: w.containers, images: w.images },
    desired,
    ready,
  };
}
