import { WORKLOAD_COLUMNS } from './workload';
import { labelsText, replicaHealth, selectorText, templateCells } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { countAt, metaOf, objectAt } from './read';

export interface DaemonSetProjection extends ObjectProjection {
  namespace: string;
  /** status.desiredNumberScheduled: one per node the DaemonSet selects. */
  desired: number;
  ready: number;
}

export const daemonSetView: ObjectView<DaemonSetProjection> = {
  columns: columns(
    ['desired', 'DESIRED', 'numeric'],
    ['current', 'CURRENT', 'numeric'],
    ['ready', 'READY', 'numeric'],
    ['upToDate', 'UP-TO-DATE', 'numeric'],
    ['available', 'AVAILABLE', 'numeric'],
    ['nodeSelector', 'NODE SELECTOR'],
    ...WORKLOAD_COLUMNS,
  ),
  search: ['images', 'containers', 'nodeSelector'],
};

export function projectDaemonSet(raw: unknown): DaemonSetProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const desired = countAt(status.desiredNumberScheduled);
  const ready = countAt(status.numberReady);
  const available = countAt(status.numberAvailable);
  const { containers, images } = templateCells(spec.template);
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    status: `${ready}/${desired}`,
    health: replicaHealth(desired, ready, available),
    cells: {
      desired,
      current: countAt(status.currentNumberScheduled),
      ready,
      upToDate: countAt(status.updatedNumberScheduled),
      available,
      nodeSelector: labelsText(objectAt(objectAt(spec.template).spec).nodeSelector),
      containers,
      images,
      selector: selectorText(spec.selector),
    },
    desired,
    ready,
  };
}
