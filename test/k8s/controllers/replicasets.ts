/** Keeps each ReplicaSet's pods at its replica count (pods start running and ready) and its status current. */
import { resourceNamed } from '../resources';
import type { Workload } from '../types';
import { CONTROLLER_WRITE, type ControllerContext } from './context';
import { nameSuffix } from './naming';
import { isPodActive, isPodReady, podFromTemplate } from './pods';

const RS = resourceNamed('replicasets');
const PODS = resourceNamed('pods');

export function reconcileReplicaSet(ctx: ControllerContext, namespace: string, name: string): void {
  const rs = ctx.ops.find(RS, namespace, name) as Workload | undefined;
  if (!rs || rs.metadata.deletionTimestamp) return;
  const uid = rs.metadata.uid as string;
  let pods = ctx.owned(uid, PODS).filter(isPodActive);
  const want = rs.spec.replicas ?? 1;
  while (pods.length < want) {
    const podName = `${name}-${nameSuffix(uid, ctx.sequence())}`;
    if (ctx.ops.find(PODS, namespace, podName)) continue;
    const pod = podFromTemplate(rs.spec.template, rs, podName, ctx.place(), ctx.clock(), {}, `${name}-`);
    pods.push(ctx.ops.create(PODS, namespace, pod, CONTROLLER_WRITE));
  }
  if (pods.length > want) {
    // Not-ready pods go first, then the newest names.
    const order = [...pods].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || ((b.metadata.name ?? '') < (a.metadata.name ?? '') ? -1 : 1));
    for (const pod of order.slice(0, pods.length - want)) ctx.ops.delete(PODS, namespace, pod.metadata.name as string, {}, CONTROLLER_WRITE);
    pods = ctx.owned(uid, PODS).filter(isPodActive);
  }
  const ready = pods.filter(isPodReady).length;
  ctx.setStatus(RS, rs, {
    replicas: pods.length,
    ...(pods.length ? { fullyLabeledReplicas: pods.length } : {}),
    ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
    observedGeneration: rs.metadata.generation ?? 1,
  });
}
