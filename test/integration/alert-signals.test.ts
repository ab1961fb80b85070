import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertInstance } from '../../src/contract';
import { createHost, type Host, type HostOptions } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { removeAllContainers, runContainer } from '../docker';
import { dockerdForFile } from '../docker/perFile';
import { cleanupAfterEach } from '../helpers/cleanups';
import { eventually } from '../helpers/eventually';
import { call } from '../helpers/hostCall';
import { tempDir } from '../helpers/tempDir';
import { startTestApiServer } from '../k8s';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});
const SOON_MS = 30_000;
const dockerd = dockerdForFile();
const cleanup = cleanupAfterEach();

afterEach(async () => {
  await removeAllContainers(dockerd());
});

/** A host whose only rules are one host group, evaluated every second. */
async function startHost(rule: { alert: string; expr: string }, extra: Partial<HostOptions>): Promise<Host> {
  const dataDir = tempDir();
  fs.mkdirSync(path.join(dataDir, 'rules'));
  const text = ['groups:', '  - name: signals', '    source: host', '    interval: 1s', '    rules:', `      - alert: ${rule.alert}`, `        expr: ${rule.expr}`, ''].join('\n');
  fs.writeFileSync(path.join(dataDir, 'rules', 'signals.yml'), text);
  const host = await createHost({
    dataDir,
    mode: 'serve',
    sampleIntervalMs: 60_000,
    secretStore: noKeychain,
    kubeconfigPaths: [],
    dockerHosts: [],
    rules: { defaultsDir: null },
    log: () => undefined,
    ...extra,
  });
  cleanup(() => host.stop());
  return host;
}

const firing = async (host: Host, alertname: string) => (await call<AlertInstance[]>(host, 'alerts.list', {})).filter((a) => a.alertname === alertname && a.state === 'firing');

describe('rules on Docker and Kubernetes signals, without Prometheus', () => {
  it('fires for a container whose healthcheck fails, and not for a healthy one', async () => {
    const host = await startHost({ alert: 'Unhealthy', expr: 'opsdeck_container_unhealthy == 1' }, { dockerHosts: [{ name: 'private', host: dockerd().host }] });
    await runContainer(dockerd(), { name: 'sick', script: 'sleep 3600', labels: { 'com.docker.compose.project': 'shop' }, healthcheck: { test: ['CMD', '/bin/busybox', 'false'], intervalMs: 200 } });
    await runContainer(dockerd(), { name: 'fine', script: 'sleep 3600', healthcheck: { test: ['CMD', '/bin/busybox', 'true'], intervalMs: 200 } });
    const [alert] = await eventually(async () => {
      const alerts = await firing(host, 'Unhealthy');
      expect(alerts).toHaveLength(1);
      return alerts;
    }, SOON_MS);
    expect(alert!.labels).toEqual({ alertname: 'Unhealthy', engine: 'private', container: expect.stringMatching(/^[0-9a-f]{12}$/), name: 'sick', image: 'opsdeck-busybox:test', project: 'shop' });
    expect(alert!.value).toBe(1);
  });

  it('fires for a node that is not ready, and resolves when the node is ready again', async () => {
    const server = await startTestApiServer({ bookmarkIntervalMs: 200 });
    cleanup(() => server.close());
    server.store.seed({ nodes: 2 });
    const setReady = (ready: boolean) =>
      server.store.mutate('nodes', undefined, 'node-0001', (node) => {
        const conditions = (node.status as { conditions: { type: string; status: string }[] }).conditions;
        conditions.find((c) => c.type === 'Ready')!.status = ready ? 'True' : 'False';
      });
    setReady(false);
    const host = await startHost({ alert: 'NodeNotReady', expr: 'opsdeck_k8s_node_not_ready == 1' }, { kubeconfigPaths: [server.kubeconfigPath(tempDir())] });
    await call(host, 'k8s.setEnabled', { context: 'opsdeck-test', enabled: true });
    const [alert] = await eventually(async () => {
      const alerts = await firing(host, 'NodeNotReady');
      expect(alerts).toHaveLength(1);
      return alerts;
    }, SOON_MS);
    expect(alert!.labels).toEqual({ alertname: 'NodeNotReady', context: 'opsdeck-test', node: 'node-0001' });

    setReady(true);
    await eventually(async () => expect(await firing(host, 'NodeNotReady')).toEqual([]), SOON_MS);
    const { items } = await call<{ items: AlertInstance[] }>(host, 'alerts.history', { text: 'NodeNotReady' });
    expect(items.map((a) => a.state)).toEqual(['resolved']);
  });
});
