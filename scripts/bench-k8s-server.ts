// The test Kubernetes API server in its own process for `npm run bench:k8s`, so its CPU and
// memory stay out of the host's figures. Driven over the IPC channel by scripts/bench-k8s.mjs.
import { CHURN_ANNOTATION, epochMs, startTestApiServer, WRITTEN_AT_ANNOTATION, type K8sObject } from '../test/k8s';

type Command =
  | { cmd: 'seed'; options: Parameters<typeof server.store.seed>[0] }
  | { cmd: 'kubeconfig'; dir: string; context: string }
  | { cmd: 'churn'; ratePerSec: number; durationMs: number; restartsFrom: number }
  | { cmd: 'countPods'; text: string }
  | { cmd: 'close' };

const server = await startTestApiServer();

/**
 * A churn write the pod table can show: the first container's restart count becomes
 * `restartsFrom` plus the write's sequence number (so a client sorting by restarts finds the
 * newest writes on top), next to the usual written-at annotation.
 */
function restartingChurn(writtenAt: number[], restartsFrom: number) {
  return (pod: K8sObject, n: number): K8sObject => {
    const at = Math.round(epochMs() * 1000) / 1000;
    writtenAt[n] = at;
    const status = (pod.status ?? {}) as { containerStatuses?: Record<string, unknown>[] };
    const [first, ...rest] = status.containerStatuses ?? [];
    return {
      ...pod,
      metadata: { ...pod.metadata, annotations: { ...pod.metadata.annotations, [CHURN_ANNOTATION]: String(n), [WRITTEN_AT_ANNOTATION]: String(at) } },
      status: { ...status, containerStatuses: [{ ...first, restartCount: restartsFrom + n }, ...rest] },
    };
  };
}

async function handle(msg: Command): Promise<unknown> {
  switch (msg.cmd) {
    case 'seed':
      return server.store.seed(msg.options);
    case 'kubeconfig':
      return { path: server.kubeconfigPath(msg.dir, { context: msg.context }), url: server.url };
    case 'churn': {
      const writtenAt: number[] = [];
      const churn = server.store.churn({ ratePerSec: msg.ratePerSec, durationMs: msg.durationMs, mutate: restartingChurn(writtenAt, msg.restartsFrom) });
      const stats = await churn.done;
      return { stats, writtenAt };
    }
    case 'countPods':
      return server.store.list('pods').filter((p) => p.metadata.name?.includes(msg.text)).length;
    case 'close':
      await server.close();
      setImmediate(() => process.exit(0));
      return { closed: true };
  }
}

process.on('message', (msg: Command & { id: number }) => {
  handle(msg).then(
    (result) => process.send!({ id: msg.id, result }),
    (err: unknown) => process.send!({ id: msg.id, error: String((err as Error)?.stack ?? err) }),
  );
});
process.send!({ ready: true });
