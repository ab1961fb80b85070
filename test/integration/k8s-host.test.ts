import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostEvent, K8sChange, K8sContextInfo, K8sContexts, K8sOverview, K8sPodPage, Result } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { startTestApiServer, type TestApiServer } from '../k8s';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';
import { cleanupAfterEach } from '../helpers/cleanups';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

const cleanup = cleanupAfterEach();

async function apiServer(): Promise<TestApiServer> {
  const s = await startTestApiServer({ bookmarkIntervalMs: 200 });
  cleanup(() => s.close());
  return s;
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startHost(dataDir: string, kubeconfigPaths: string[]) {
  const host = await createHost({ dataDir, mode: 'serve', sampleIntervalMs: 60_000, secretStore: noKeychain, kubeconfigPaths, log: () => undefined });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await host.stop();
    stopped = true;
  };
  cleanup(stop);
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  return { host, events, stop };
}

async function call<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const r = await host.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const contextNamed = (contexts: K8sContexts, name: string): K8sContextInfo => contexts.contexts.find((c) => c.name === name)!;

/** Three clusters in three files, as KUBECONFIG would list them: a healthy one, one with a wrong token, one on a closed port. */
async function threeClusters() {
  const healthy = await apiServer();
  healthy.store.seed({ namespaces: 4, deploymentsPerNs: 2, podsPerNs: 30, nodes: 3, notReadyEvery: 9 });
  const dir = tempDir();
  const files = [
    healthy.kubeconfigPath(dir, { context: 'healthy', user: 'healthy-admin', fileName: 'healthy', namespace: 'ns-0001' }),
    healthy.kubeconfigPath(dir, { context: 'wrong-token', user: 'intruder', token: 'wrong', fileName: 'wrong' }),
  ];
  const port = await closedPort();
  const unreachable = fs
    .readFileSync(files[0]!, 'utf8')
    .replaceAll('healthy', 'gone')
    .replace(/server: ".*"/, `server: "https://127.0.0.1:${port}"`)
    .replace(/current-context: .*/, '');
  files.push(path.join(dir, 'gone'));
  fs.writeFileSync(files[2]!, unreachable);
  return { healthy, dir, files, port };
}

describe('Kubernetes through the host', () => {
  it('lists every context of the merged files and reports a broken file', async () => {
    const { dir, files, healthy } = await threeClusters();
    const broken = path.join(dir, 'broken');
    fs.writeFileSync(broken, 'contexts: [\n');
    const { host } = await startHost(tempDir(), [...files, broken, path.join(dir, 'absent')]);
    const contexts = await call<K8sContexts>(host, 'k8s.contexts', {});
    expect(contexts.currentContext).toBe('healthy');
    expect(contexts.found).toEqual([...files, broken]);
    expect(contexts.problems).toEqual([{ file: broken, message: expect.stringMatching(/unexpected end of the stream/) }]);
    expect(contexts.contexts.map((c) => [c.name, c.state, c.enabled])).toEqual([
      ['gone', 'disabled', false],
      ['healthy', 'disabled', false],
      ['wrong-token', 'disabled', false],
    ]);
    expect(contextNamed(contexts, 'healthy')).toMatchObject({
      server: healthy.url,
      user: 'healthy-admin',
      namespace: 'ns-0001',
      current: true,
      source: files[0],
      warnings: [],
    });
  });

  it('connects several contexts at once: the healthy one syncs while the others fail in their own words', async () => {
    const { healthy, files, port } = await threeClusters();
    const { host, events } = await startHost(tempDir(), files);
    for (const name of ['gone', 'wrong-token', 'healthy']) await call(host, 'k8s.setEnabled', { context: name, enabled: true });

    const contexts = await eventually(async () => {
      const c = await call<K8sContexts>(host, 'k8s.contexts', {});
      expect(contextNamed(c, 'healthy').state).toBe('connected');
      expect(contextNamed(c, 'wrong-token')).toMatchObject({ state: 'unauthorized', message: 'Unauthorized' });
      expect(contextNamed(c, 'gone')).toMatchObject({ state: 'unreachable', message: `connect ECONNREFUSED 127.0.0.1:${port}` });
      return c;
    });
    expect(contextNamed(contexts, 'gone').nextRetryAt).toBeGreaterThan(contextNamed(contexts, 'gone').lastAttemptAt!);
    // The event carries what the channel answers.
    await eventually(async () => {
      const announced = events.filter((e) => e.name === 'k8s.contextsChanged').at(-1)?.data;
      expect(announced).toEqual(await call<K8sContexts>(host, 'k8s.contexts', {}));
    });

    const overview = await call<K8sOverview>(host, 'k8s.overview', { context: 'healthy' });
    const pods = healthy.store.list('pods');
    const deployments = healthy.store.list('deployments');
    const short = deployments.filter((d) => ((d.status as { readyReplicas?: number }).readyReplicas ?? 0) < (d.spec as { replicas: number }).replicas);
    expect(overview).toMatchObject({
      state: 'connected',
      nodes: { total: 3, ready: 3, notReady: 0, unschedulable: 0, allocatableCpuMillis: 3 * 7800 },
      pods: { total: pods.length, byPhase: { Running: pods.filter((p) => (p.status as { phase: string }).phase === 'Running').length } },
      workloads: { total: deployments.length, notAtDesired: short.length },
      namespaces: { total: healthy.store.count('namespaces') },
    });
    expect(overview.pods.byPhase.Pending).toBeGreaterThan(0);
    expect(overview.kinds.map((k) => [k.kind, k.state])).toEqual([
      ['namespaces', 'synced'],
      ['nodes', 'synced'],
      ['pods', 'synced'],
      ['deployments', 'synced'],
      ['replicasets', 'idle'],
      ['statefulsets', 'synced'],
      ['daemonsets', 'synced'],
      ['jobs', 'idle'],
      ['cronjobs', 'idle'],
      ['services', 'idle'],
      ['ingresses', 'idle'],
      ['persistentvolumeclaims', 'idle'],
      ['persistentvolumes', 'idle'],
      ['poddisruptionbudgets', 'idle'],
      ['serviceaccounts', 'idle'],
      ['events', 'synced'],
    ]);
  });

  it('does not let a server that never answers hold up another context', async () => {
    const { files } = await threeClusters();
    // Accepts connections and then says nothing, not even a TLS greeting.
    const held = new Set<net.Socket>();
    const silent = net.createServer((socket) => held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup(() => new Promise<void>((resolve) => {
      for (const socket of held) socket.destroy();
      silent.close(() => resolve());
    }));
    const slowFile = files[2]!;
    fs.writeFileSync(slowFile, fs.readFileSync(slowFile, 'utf8').replace(/server: ".*"/, `server: "https://127.0.0.1:${(silent.address() as net.AddressInfo).port}"`));
    const { host } = await startHost(tempDir(), files);
    await call(host, 'k8s.setEnabled', { context: 'gone', enabled: true });
    await call(host, 'k8s.setEnabled', { context: 'healthy', enabled: true });
    await eventually(async () => {
      const c = await call<K8sContexts>(host, 'k8s.contexts', {});
      expect(contextNamed(c, 'healthy').state).toBe('connected');
      expect(contextNamed(c, 'gone').state).toBe('connecting');
    });
    expect((await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', limit: 1 })).total).toBe(120);
  });

  it('answers pod queries a page at a time, and says what is wrong with a bad one', async () => {
    const { healthy, files } = await threeClusters();
    const { host } = await startHost(tempDir(), files);
    await call(host, 'k8s.setEnabled', { context: 'healthy', enabled: true });
    await eventually(async () => expect((await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', limit: 1 })).synced).toBe(true));

    const page = await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', namespace: 'ns-0002', sort: 'name', dir: 'desc', offset: 5, limit: 10 });
    const expected = healthy.store.list('pods', { namespace: 'ns-0002' }).map((p) => p.metadata.name!).sort().reverse();
    expect(page).toMatchObject({ context: 'healthy', total: 120, matched: 30, offset: 5 });
    expect(page.rows.map((r) => r.name)).toEqual(expected.slice(5, 15));

    const selected = await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', labelSelector: 'app=app-001,tier in (backend)', limit: 500 });
    expect(selected.matched).toBe(healthy.store.list('pods', { labelSelector: 'app=app-001,tier in (backend)' }).length);
    expect(selected.matched).toBeGreaterThan(0);

    const errors = await Promise.all([
      host.invoke('k8s.pods', { context: 'healthy', labelSelector: 'app in (a' }),
      host.invoke('k8s.pods', { context: 'healthy', limit: 501 }),
      host.invoke('k8s.pods', { context: 'nowhere' }),
      host.invoke('k8s.pods', { context: 'gone' }),
      host.invoke('k8s.setEnabled', { context: 'nowhere', enabled: true }),
    ]);
    expect(errors.map((r: Result<unknown>) => (r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`))).toEqual([
      'BAD_REQUEST: Label selector: expected "," or ")" at position 10, found the end',
      expect.stringMatching(/^BAD_REQUEST: Invalid payload for k8s.pods: limit:/),
      'NOT_FOUND: No context named "nowhere" in the kubeconfig.',
      'UNAVAILABLE: Context "gone" is not enabled.',
      'NOT_FOUND: No context named "nowhere" in the kubeconfig.',
    ]);
  });

  it('sends debounced changes and ends equal to the server after churn and a restart that forgets history', async () => {
    const { healthy, files } = await threeClusters();
    const { host, events } = await startHost(tempDir(), files);
    await call(host, 'k8s.setEnabled', { context: 'healthy', enabled: true });
    await eventually(async () => expect((await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', limit: 1 })).synced).toBe(true));

    healthy.store.delete('pods', 'ns-0000', healthy.store.list('pods', { namespace: 'ns-0000' })[0]!.metadata.name!);
    const change = await eventually(() => {
      const found = events.find((e) => e.name === 'k8s.changed');
      expect(found).toBeDefined();
      return found!.data as K8sChange;
    });
    expect(change).toMatchObject({ context: 'healthy', kinds: expect.arrayContaining(['pods']) });

    const churn = healthy.store.churn({
      ratePerSec: 400,
      maxChanges: 200,
      mutate: (pod, n) => ({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, round: String(n) } } }),
    });
    await churn.done;
    await healthy.restart({ keepState: true, compact: true });
    healthy.store.delete('deployments', 'ns-0003', 'app-000');
    await healthy.store.settled();

    const everyPod = async () => {
      const names: string[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', sort: 'namespace', offset, limit: 500 });
        names.push(...page.rows.map((r) => `${r.namespace}/${r.name}`));
        if (page.rows.length < 500) return names;
      }
    };
    const serverPods = () => healthy.store.list('pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    await eventually(async () => expect(await everyPod()).toEqual(serverPods()));
    const labelled = await call<K8sPodPage>(host, 'k8s.pods', { context: 'healthy', labelSelector: 'round', limit: 500 });
    expect(labelled.matched).toBe(healthy.store.list('pods', { labelSelector: 'round' }).length);
    await eventually(async () => {
      const overview = await call<K8sOverview>(host, 'k8s.overview', { context: 'healthy' });
      expect(overview.workloads.total).toBe(healthy.store.count('deployments'));
    });
  });

  it('gets its token from an exec plugin next to the kubeconfig, and reports the plugin’s own error', async () => {
    const s = await apiServer();
    const dir = tempDir();
    const plugin = (name: string, body: string) => {
      fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    };
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: s.token } });
    plugin('get-token', `echo '${credential}'`);
    plugin('expired', 'echo "error: the SSO session has expired, run: aws sso login" >&2; exit 1');
    const withExec = (context: string, command: string) => {
      const file = s.kubeconfigPath(dir, { context, user: context, fileName: context });
      const exec = `exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ${command}\n      interactiveMode: Never`;
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/token: .*/, exec));
      return file;
    };
    const files = [withExec('exec-ok', './get-token'), withExec('exec-expired', './expired')];
    const { host } = await startHost(tempDir(), files);
    await call(host, 'k8s.setEnabled', { context: 'exec-ok', enabled: true });
    await call(host, 'k8s.setEnabled', { context: 'exec-expired', enabled: true });
    await eventually(async () => {
      const c = await call<K8sContexts>(host, 'k8s.contexts', {});
      expect(contextNamed(c, 'exec-ok').state).toBe('connected');
      expect(contextNamed(c, 'exec-expired')).toMatchObject({
        state: 'unauthorized',
        message: 'Could not get credentials for user "exec-expired": error: the SSO session has expired, run: aws sso login',
      });
    });
  });

  it('stays connected when one kind is forbidden, and says forbidden when every kind is', async () => {
    const s = await startTestApiServer({
      tokens: { 'viewer-token-0123456789': 'viewer', 'nobody-token-0123456789': 'nobody' },
      forbid: [
        { user: 'viewer', resource: 'nodes' },
        { user: 'nobody', verb: ['list', 'watch'] },
      ],
    });
    cleanup(() => s.close());
    const dir = tempDir();
    const files = [
      s.kubeconfigPath(dir, { context: 'viewer', user: 'viewer', token: 'viewer-token-0123456789', fileName: 'viewer' }),
      s.kubeconfigPath(dir, { context: 'nobody', user: 'nobody', token: 'nobody-token-0123456789', fileName: 'nobody' }),
    ];
    const { host } = await startHost(tempDir(), files);
    await call(host, 'k8s.setEnabled', { context: 'viewer', enabled: true });
    await call(host, 'k8s.setEnabled', { context: 'nobody', enabled: true });
    await eventually(async () => {
      const c = await call<K8sContexts>(host, 'k8s.contexts', {});
      expect(contextNamed(c, 'viewer')).toMatchObject({ state: 'connected', message: null });
      expect(contextNamed(c, 'nobody')).toMatchObject({
        state: 'forbidden',
        message: 'namespaces is forbidden: User "nobody" cannot list resource "namespaces" in API group "" at the cluster scope',
      });
    });
    const overview = await call<K8sOverview>(host, 'k8s.overview', { context: 'viewer' });
    expect(overview.kinds.find((k) => k.kind === 'nodes')).toEqual({
      kind: 'nodes',
      state: 'forbidden',
      count: 0,
      message: 'nodes is forbidden: User "viewer" cannot list resource "nodes" in API group "" at the cluster scope',
    });
    expect(overview.namespaces.total).toBe(4);
  });

  it('keeps the enabled contexts across a restart and follows kubeconfig edits', async () => {
    const { files, healthy } = await threeClusters();
    const dataDir = tempDir();
    const first = await startHost(dataDir, files);
    await call(first.host, 'k8s.setEnabled', { context: 'healthy', enabled: true });
    await first.stop();

    const { host, events } = await startHost(dataDir, files);
    await eventually(() => {
      const latest = events.filter((e) => e.name === 'k8s.contextsChanged').at(-1)?.data as K8sContexts | undefined;
      expect(latest && contextNamed(latest, 'healthy')).toMatchObject({ enabled: true, state: 'connected' });
    });

    // Replace the wrong-token file with one for a new context, as an editor would.
    fs.copyFileSync(healthy.kubeconfigPath(tempDir(), { context: 'added', user: 'added-user' }), files[1]!);
    await eventually(() => {
      const latest = events.filter((e) => e.name === 'k8s.contextsChanged').at(-1)?.data as K8sContexts;
      expect(latest.contexts.map((c) => c.name)).toEqual(['added', 'gone', 'healthy']);
    });

    await call(host, 'k8s.setEnabled', { context: 'healthy', enabled: false });
    const after = await call<K8sContexts>(host, 'k8s.contexts', {});
    expect(contextNamed(after, 'healthy')).toMatchObject({ enabled: false, state: 'disabled', message: null });
    expect(await host.invoke('k8s.overview', { context: 'healthy' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
