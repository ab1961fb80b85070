/** StatefulSets: pods `<name>-0..n-1` with the template's revision; pods of an older revision are replaced. */
import { resourceNamed } from '../resources';
import type { Workload } from '../types';
import { CONTROLLER_WRITE, type ControllerContext } from './context';
import { templateHash } from './naming';
import { isPodActive, isPodReady, podFromTemplate } from './pods';

const STS = resourceNamed('statefulsets');
const PODS = resourceNamed('pods');
const REVISION_LABEL = 'controller-revision-hash';

export function reconcileStatefulSet(ctx: ControllerContext, namespace: string, name: string): void {
  const sts = ctx.ops.find(STS, namespace, name) as Workload | undefined;
  if (!sts || sts.metadata.deletionTimestamp) return;
  const uid = sts.metadata.uid as string;
  const revision = `${name}-${templateHash(sts.spec.template)}`;
  const want = sts.spec.replicas ?? 1;
  const pods = new Map(ctx.owned(uid, PODS).map((p) => [p.metadata.name as string, p]));
  for (const [podName, pod] of pods) {
    const ordinal = Number(podName.slice(name.length + 1));
    const stale = pod.metadata.labels?.[REVISION_LABEL] !== revision;
    if (ordinal >= want || stale || !isPodActive(pod)) {
      ctx.ops.delete(PODS, namespace, podName, {}, CONTROLLER_WRITE);
      pods.delete(podName);
    }
  }
  for (let i = 0; i < want; i++) {
    const podName = `${name}-${i}`;
    if (pods.has(podName) || ctx.ops.find(PODS, namespace, podName)) continue;
    const labels = { [REVISION_LABEL]: revision, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) };
    const pod = podFromTemplate(sts.spec.template, sts, podName, ctx.place(), ctx.clock(), labels);
    pods.set(podName, ctx.ops.create(PODS, namespace, pod, CONTROLLER_WRITE));
  }
  const ready = [...pods.values()].filter(isPodReady).length;
  ctx.setStatus(STS, sts, {
    observedGeneration: sts.metadata.generation ?? 1,
    replicas: pods.size,
    ...(ready ? { readyReplicas: ready, availableReplicas: ready } : { availableReplicas: 0 }),
    currentReplicas: pods.size,
    updatedReplicas: pods.size,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  });
}
