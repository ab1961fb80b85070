import { conditionOf, selectorText } from './format';
import { columns, type ObjectProjection, type ObjectView } from './objectProjection';
import { countAt } from './read';
import { replicatedParts, replicatedRow, WORKLOAD_COLUMNS } from './workload';

export interface DeploymentProjection extends ObjectProjection {
  namespace: string;
  /** spec.replicas; the API defaults it to 1. */
  desired: number;
  ready: number;
}

export const deploymentView: ObjectView<DeploymentProjection> = {
  columns: columns(['ready', 'READY'], ['upToDate', 'UP-TO-DATE', 'numeric'], ['available', 'AVAILABLE', 'numeric'], ...WORKLOAD_COLUMNS),
  search: ['images', 'containers'],
  actionFields: (p) => ({ desiredReplicas: p.desired }),
};

export function projectDeployment(raw: unknown): DeploymentProjection | null {
  const w = replicatedParts(raw);
  if (!w) return null;
  const { spec, status, desired, ready, available } = w;
  const base = replicatedRow(w);
  const stalled = conditionOf(status, 'Progressing')?.reason === 'ProgressDeadlineExceeded';
  return {
    ...base,
    health: stalled ? 'error' : base.health,
    cells: {
      ready: `${ready}/${desired}`,
      upToDate: countAt(status.updatedReplicas),
      available,
      containers: w.containers,
      images: w.images,
      selector: selectorText(spec.selector),
    },
    desired,
    ready,
  };
}
