/** DaemonSets: status only, as if one ready pod ran on every schedulable node (no pods are created). */
import { isPlainObject } from '../json';
import { resourceNamed } from '../resources';
import type { Workload } from '../types';
import type { ControllerContext } from './context';

const DS = resourceNamed('daemonsets');
const NODES = resourceNamed('nodes');

export function reconcileDaemonSet(ctx: ControllerContext, namespace: string, name: string): void {
  const ds = ctx.ops.find(DS, namespace, name) as Workload | undefined;
  if (!ds) return;
  const nodes = [...ctx.store.objects(NODES)].filter((n) => !(isPlainObject(n.spec) && n.spec.unschedulable)).length;
  ctx.setStatus(DS, ds, {
    currentNumberScheduled: nodes,
    desiredNumberScheduled: nodes,
    numberMisscheduled: 0,
    numberReady: nodes,
    numberAvailable: nodes,
    updatedNumberScheduled: nodes,
    observedGeneration: ds.metadata.generation ?? 1,
  });
}
