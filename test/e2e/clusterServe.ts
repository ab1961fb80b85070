import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApiServer, type SeedOptions, type TestApiServer } from '../k8s';
import { startServe } from './serveFixture';

export interface ClusterServe {
  api: TestApiServer;
  serve: Awaited<ReturnType<typeof startServe>>;
  stop(): Promise<void>;
}

/** A seeded test API server and serve mode whose kubeconfig has one context for it (not yet watched). */
export async function startClusterServe(seed: SeedOptions, kubeconfig: { context: string; namespace?: string }): Promise<ClusterServe> {
  const api = await startTestApiServer({ bookmarkIntervalMs: 500 });
  api.store.seed(seed);
  const kubeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-e2e-kube-'));
  const serve = await startServe({ KUBECONFIG: api.kubeconfigPath(kubeDir, kubeconfig) });
  return {
    api,
    serve,
    async stop() {
      await serve.stop();
      await api.close();
      fs.rmSync(kubeDir, { recursive: true, force: true });
    },
  };
}
