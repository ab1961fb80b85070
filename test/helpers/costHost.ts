import { createHost, type Host, type HostOptions } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { tempDir } from './tempDir';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

/**
 * A host for the cost allocation tests: no machine engines or kubeconfig unless given, clusters
 * sampled every 300 ms, metrics.k8s.io read every 200 ms, Prometheus sources checked every second.
 */
export function costTestHost(extra: Partial<HostOptions>): Promise<Host> {
  return createHost({
    dataDir: tempDir(),
    mode: 'serve',
    sampleIntervalMs: 60_000,
    secretStore: noKeychain,
    kubeconfigPaths: [],
    dockerHosts: [],
    rules: { defaultsDir: null },
    log: () => undefined,
    costSampleIntervalMs: 300,
    kubernetes: { metrics: { intervalMs: 200 } },
    prometheusMonitor: { recheckMs: 1000, timeoutMs: 5000, backoff: { initialMs: 100, maxMs: 1000 } },
    ...extra,
  });
}
