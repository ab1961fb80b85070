import { OpsdeckError } from '../../contract';
import type { KubeApi } from '../../kubernetes/kubeApi';

const MERGE_PATCH = 'application/merge-patch+json';
const POLL_MS = 500;

interface DeploymentState {
  metadata?: { generation?: number };
  spec?: { replicas?: number };
  status?: { observedGeneration?: number; readyReplicas?: number; updatedReplicas?: number };
}

const path = (ns: string, name: string) => `/apis/apps/v1/namespaces/${ns}/deployments/${name}`;

/** Sets a deployment's replicas through its scale subresource; returns the count it had. */
export async function scaleDeployment(api: KubeApi, ns: string, name: string, replicas: number, signal: AbortSignal): Promise<number> {
  const session = await api.session();
  const before = (await session.getJson(path(ns, name), signal)) as DeploymentState;
  await session.requestJson('PATCH', `${path(ns, name)}/scale`, signal, { contentType: MERGE_PATCH, value: { spec: { replicas } } });
  return before.spec?.replicas ?? 1;
}

/** Waits until the deployment's controller saw its latest spec and every wanted replica is ready. */
export async function waitReady(api: KubeApi, ns: string, name: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const session = await api.session();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = (await session.getJson(path(ns, name), signal)) as DeploymentState;
    const wanted = d.spec?.replicas ?? 1;
    const s = d.status ?? {};
    if ((s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) && (s.readyReplicas ?? 0) >= wanted && (s.updatedReplicas ?? 0) >= wanted) return;
    if (Date.now() > deadline) throw new OpsdeckError('UNAVAILABLE', `${ns}/${name} is not ready after ${Math.round(timeoutMs / 1000)} s: ${s.readyReplicas ?? 0} of ${wanted} replicas ready.`);
    await new Promise((r) => setTimeout(r, POLL_MS));
    signal.throwIfAborted();
  }
}
