/** Stands in for the scheduler and kubelet: a Pending pod is placed on a node and starts running and ready. */
import { isPlainObject } from '../json';
import { resourceNamed } from '../resources';
import type { Pod } from '../types';
import { CONTROLLER_WRITE, type ControllerContext } from './context';
import { runningStatus } from './pods';

const PODS = resourceNamed('pods');

/** Pods with this annotation set to "true" stay Pending. */
export const HOLD_ANNOTATION = 'opsdeck.test/hold-pending';

export function runPendingPod(ctx: ControllerContext, namespace: string, name: string): void {
  const pod = ctx.ops.find(PODS, namespace, name) as Pod | undefined;
  if (!pod || pod.status?.phase !== 'Pending' || pod.metadata.annotations?.[HOLD_ANNOTATION] === 'true') return;
  if (!isPlainObject(pod.spec) || !Array.isArray(pod.spec.containers)) return;
  const placement = ctx.place();
  const nodeName = pod.spec.nodeName ?? placement.nodeName;
  const spec = nodeName ? { ...pod.spec, nodeName } : pod.spec;
  const status = runningStatus({ ...pod, spec }, { ...placement, nodeName }, ctx.clock(), `${namespace}/${name}`);
  ctx.ops.update(PODS, namespace, name, { ...pod, spec, status: { ...status, qosClass: pod.status.qosClass ?? 'BestEffort' } }, CONTROLLER_WRITE);
}
