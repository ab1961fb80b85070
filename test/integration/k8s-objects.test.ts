import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostEvent, K8sChange, K8sObjectDetail, K8sObjectPage, K8sOverview, K8sPodPage, K8sRolloutHistory, Result } from '../../src/contract';
import type { ConnectionOptions } from '../../src/kubernetes/clusterConnection';
import { ClusterManager } from '../../src/kubernetes/clusterManager';
import { openDatabase } from '../../src/store/database';
import { KeyValueStore } from '../../src/store/keyValue';
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

async function apiServer(options: Parameters<typeof startTestApiServer>[0] = {}): Promise<TestApiServer> {
  const s = await startTestApiServer({ bookmarkIntervalMs: 200, ...options });
  cleanup(() => s.close());
  return s;
}

async function connectedHost(server: TestApiServer, kubernetes: ConnectionOptions = {}) {
  const dir = tempDir();
  const kubeconfig = server.kubeconfigPath(dir, { context: 'test' });
  const host = await createHost({ dataDir: tempDir(), mode: 'serve', sampleIntervalMs: 60_000, secretStore: noKeychain, kubeconfigPaths: [kubeconfig], log: () => undefined, kubernetes });
  cleanup(() => host.stop());
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  await call(host, 'k8s.setEnabled', { context: 'test', enabled: true });
  await eventually(async () => expect((await call<K8sOverview>(host, 'k8s.overview', { context: 'test' })).state).toBe('connected'));
  return { host, events, dir, kubeconfig };
}

async function call<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const r = await host.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Every page of a kind once its first list has arrived. */
async function allObjects(host: Host, kind: string, query: Record<string, unknown> = {}): Promise<K8sObjectPage> {
  return eventually(async () => {
    const page = await call<K8sObjectPage>(host, 'k8s.objects', { context: 'test', kind, limit: 500, ...query });
    expect(page.synced).toBe(true);
    return page;
  });
}

const names = (page: K8sObjectPage) => page.rows.map((r) => (r.namespace ? `${r.namespace}/${r.name}` : r.name));
const serverNames = (server: TestApiServer, resource: string) =>
  server.store
    .list(resource)
    .map((o) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!))
    .sort((a, b) => (a.split('/').at(-1)! < b.split('/').at(-1)! ? -1 : a.split('/').at(-1)! > b.split('/').at(-1)! ? 1 : a < b ? -1 : 1));

const template = (app: string, image: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'main', image }] },
});

/** One object of every kind the seed does not make. */
function addObjects(server: TestApiServer) {
  const ns = 'ns-0000';
  server.store.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: ns }, spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('db', 'postgres:16') } });
  server.store.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: ns }, spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent', 'agent:3') } });
  server.store.create({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: ns },
    spec: { completions: 1, template: { ...template('migrate', 'migrate:1'), spec: { ...template('migrate', 'migrate:1').spec, restartPolicy: 'Never' } } },
    status: { succeeded: 1, startTime: '2025-01-01T00:00:00Z', completionTime: '2025-01-01T00:01:30Z', conditions: [{ type: 'Complete', status: 'True' }] },
  });
  server.store.create({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: ns },
    spec: { schedule: '0 3 * * *', suspend: true, jobTemplate: { spec: { template: { ...template('nightly', 'backup:2'), spec: { ...template('nightly', 'backup:2').spec, restartPolicy: 'OnFailure' } } } } },
  });
  server.store.create({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: ns },
    spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.example.com' }] },
  });
  server.store.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-data' }, spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/data' }, claimRef: { namespace: ns, name: 'data' } }, status: { phase: 'Bound' } });
  server.store.create({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: ns },
    spec: { accessModes: ['ReadWriteOnce'], volumeName: 'pv-data', storageClassName: 'standard', resources: { requests: { storage: '10Gi' } } },
    status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'] },
  });
}

describe('Kubernetes objects through the host', () => {
  it('answers every kind’s table as the server holds it, with kubectl’s columns', async () => {
    const server = await apiServer();
    server.store.seed({ namespaces: 2, deploymentsPerNs: 2, podsPerNs: 8, nodes: 2, servicesPerNs: 2 });
    addObjects(server);
    await server.store.settled();
    const { host } = await connectedHost(server);

    for (const kind of ['nodes', 'namespaces', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'services', 'ingresses', 'persistentvolumeclaims', 'persistentvolumes']) {
      const page = await allObjects(host, kind);
      expect({ kind, names: names(page) }).toEqual({ kind, names: serverNames(server, kind) });
      expect(page.total).toBe(server.store.count(kind));
      expect(page.state).toBe('synced');
    }

    const services = await allObjects(host, 'services', { namespace: 'ns-0001' });
    const svc = server.store.get('services', 'ns-0001', 'svc-000') as unknown as { spec: { clusterIP: string } };
    expect(services.columns.map((c) => c.label)).toEqual(['TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORTS', 'SELECTOR']);
    expect(services.rows[0]).toMatchObject({ name: 'svc-000', status: 'ClusterIP', cells: { type: 'ClusterIP', clusterIP: svc.spec.clusterIP, externalIP: '<none>', ports: '80/TCP', selector: 'app=app-000' } });
    expect((await allObjects(host, 'jobs')).rows[0]).toMatchObject({ status: 'Complete', health: 'ok', cells: { completions: '1/1', duration: '90s', images: 'migrate:1' } });
    expect((await allObjects(host, 'cronjobs')).rows[0]).toMatchObject({ status: 'Suspended', cells: { schedule: '0 3 * * *', suspend: 'True', active: 0, lastSchedule: '<none>' } });
    expect((await allObjects(host, 'persistentvolumeclaims')).rows[0]).toMatchObject({ status: 'Bound', cells: { volume: 'pv-data', capacity: '10Gi', accessModes: 'RWO', storageClass: 'standard' } });
    expect((await allObjects(host, 'persistentvolumes')).rows[0]).toMatchObject({ status: 'Bound', cells: { claim: 'ns-0000/data', reclaimPolicy: 'Retain' } });
    expect((await allObjects(host, 'ingresses')).rows[0]).toMatchObject({ status: 'Pending', health: 'warning', cells: { class: 'nginx', hosts: 'shop.example.com', ports: '80' } });
    const deployments = await allObjects(host, 'deployments', { text: 'APP-001', sort: 'namespace', dir: 'desc' });
    expect(names(deployments)).toEqual(['ns-0001/app-001', 'ns-0000/app-001']);
    expect(deployments.rows[0]).toMatchObject({ status: '4/4', desiredReplicas: 4, cells: { ready: '4/4', upToDate: 4, available: 4 } });
    const nodes = await allObjects(host, 'nodes');
    expect(nodes.rows[0]).toMatchObject({ status: 'Ready', health: 'ok', unschedulable: false });

    // The StatefulSet and DaemonSet controllers run their pods, and the overview counts them as workloads.
    const overview = await call<K8sOverview>(host, 'k8s.overview', { context: 'test' });
    expect(overview.workloads.total).toBe(server.store.count('deployments') + server.store.count('statefulsets') + server.store.count('daemonsets'));

    const bad = await host.invoke('k8s.objects', { context: 'test', kind: 'services', labelSelector: 'app in (' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await host.invoke('k8s.objects', { context: 'test', kind: 'pods' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('watches an on-demand kind while it is asked for and goes idle after', async () => {
    const server = await apiServer();
    server.store.seed({ namespaces: 1, deploymentsPerNs: 1, podsPerNs: 2, nodes: 1, servicesPerNs: 3 });
    const { host, events } = await connectedHost(server, { idleStopMs: 400 });
    const kindState = async (kind: string) => (await call<K8sOverview>(host, 'k8s.overview', { context: 'test' })).kinds.find((k) => k.kind === kind);

    expect(await kindState('services')).toEqual({ kind: 'services', state: 'idle', count: 0, message: null });
    const first = await call<K8sObjectPage>(host, 'k8s.objects', { context: 'test', kind: 'services' });
    expect(first.state).not.toBe('idle');
    await allObjects(host, 'services');
    expect(await kindState('services')).toMatchObject({ state: 'synced', count: 3 });

    // Changes to a watched on-demand kind are announced like any other.
    server.store.delete('services', 'ns-0000', 'svc-002');
    await eventually(() => expect(events.some((e) => e.name === 'k8s.changed' && (e.data as K8sChange).kinds.includes('services'))).toBe(true));
    expect((await allObjects(host, 'services')).total).toBe(2);

    const changesBefore = events.length;
    await eventually(async () => expect(await kindState('services')).toEqual({ kind: 'services', state: 'idle', count: 0, message: null }), 5000);
    await eventually(() => expect(events.slice(changesBefore).some((e) => e.name === 'k8s.changed' && (e.data as K8sChange).kinds.includes('services'))).toBe(true));
    // The overview's kinds are never let go.
    expect(await kindState('events')).toMatchObject({ state: 'synced' });
    expect(await kindState('deployments')).toMatchObject({ state: 'synced' });

    // Asked again, the kind lists afresh.
    expect((await allObjects(host, 'services')).total).toBe(2);
  });

  it('keeps a kind an engine retains watched until it lets go', async () => {
    const server = await apiServer();
    server.store.seed({ namespaces: 1, podsPerNs: 1, nodes: 1, servicesPerNs: 2 });
    const db = openDatabase(tempDir());
    const clusters = new ClusterManager({
      kubeconfigPaths: [server.kubeconfigPath(tempDir(), { context: 'test' })],
      kv: new KeyValueStore(db),
      onContexts: () => undefined,
      onChange: () => undefined,
      log: () => undefined,
      watchKubeconfig: false,
      connection: { idleStopMs: 300 },
    });
    cleanup(async () => {
      await clusters.stop();
      db.close();
    });
    await clusters.setEnabled('test', true);
    const services = async () => (await clusters.overview('test')).kinds.find((k) => k.kind === 'services');
    const release = await clusters.retain('test', 'services');
    await eventually(async () => expect(await services()).toMatchObject({ state: 'synced', count: 2 }));
    // Held well past the idle time, it stays.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await services()).toMatchObject({ state: 'synced', count: 2 });
    release();
    await eventually(async () => expect(await services()).toMatchObject({ state: 'idle', count: 0 }));
    // Retaining a kind the overview needs changes nothing, and releasing it does not stop it.
    (await clusters.retain('test', 'pods'))();
    expect((await clusters.overview('test')).kinds.find((k) => k.kind === 'pods')?.state).not.toBe('idle');
  });

  it('reports a refused on-demand kind in its page and keeps the context connected', async () => {
    const server = await apiServer({ forbid: [{ resource: 'ingresses' }] });
    server.store.seed({ namespaces: 1, podsPerNs: 1, nodes: 1 });
    const { host } = await connectedHost(server);
    const page = await eventually(async () => {
      const p = await call<K8sObjectPage>(host, 'k8s.objects', { context: 'test', kind: 'ingresses' });
      expect(p.state).toBe('forbidden');
      return p;
    });
    expect(page).toMatchObject({ synced: false, total: 0, rows: [], message: expect.stringMatching(/^ingresses.networking.k8s.io is forbidden: User ".*" cannot list resource "ingresses"/) });
    expect((await call<K8sOverview>(host, 'k8s.overview', { context: 'test' })).state).toBe('connected');
  });

  it('reads an object fresh with YAML, conditions, owners and events', async () => {
    const server = await apiServer();
    server.store.seed({ namespaces: 1, deploymentsPerNs: 1, podsPerNs: 3, nodes: 1 });
    await server.store.settled();
    const pod = server.store.list('pods', { namespace: 'ns-0000' })[0]!;
    const podName = pod.metadata.name!;
    server.store.patch('pods', 'ns-0000', podName, { metadata: { managedFields: [{ manager: 'kubelet', operation: 'Update', apiVersion: 'v1' }] } });
    const rsName = (pod.metadata.ownerReferences as { name: string }[])[0]!.name;
    const rs = server.store.get('replicasets', 'ns-0000', rsName)!;
    const deployment = server.store.get('deployments', 'ns-0000', 'app-000')!;
    const event = (name: string, involved: Record<string, unknown>, reason: string, last: string) =>
      server.store.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: 'ns-0000' },
        involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'ns-0000', ...involved },
        type: 'Warning',
        reason,
        message: `${reason} happened`,
        count: 2,
        firstTimestamp: '2025-01-01T00:00:00Z',
        lastTimestamp: last,
        source: { component: 'kubelet', host: 'node-0000' },
      });
    event('e1', { name: podName, uid: pod.metadata.uid }, 'BackOff', '2025-01-01T00:05:00Z');
    event('e2', { name: podName }, 'Unhealthy', '2025-01-01T00:07:00Z');
    event('e3', { name: 'someone-else' }, 'Failed', '2025-01-01T00:09:00Z');
    const { host } = await connectedHost(server);
    await eventually(async () => expect((await call<K8sOverview>(host, 'k8s.overview', { context: 'test' })).warnings).toHaveLength(3));

    const raw = (await server.store.get('pods', 'ns-0000', podName)) as { metadata: { managedFields?: unknown } };
    expect(raw.metadata.managedFields).toBeDefined();
    const detail = await call<K8sObjectDetail>(host, 'k8s.detail', { context: 'test', kind: 'pods', namespace: 'ns-0000', name: podName });
    expect(detail).toMatchObject({ kind: 'pods', namespace: 'ns-0000', name: podName, uid: pod.metadata.uid, labels: pod.metadata.labels });
    expect(detail.yaml).toContain(`name: ${podName}`);
    expect(detail.yaml).not.toContain('managedFields');
    expect(detail.conditions.map((c) => c.type)).toContain('Ready');
    expect(detail.owners).toEqual([
      { kind: 'ReplicaSet', name: rsName, uid: rs.metadata.uid, found: true },
      { kind: 'Deployment', name: 'app-000', uid: deployment.metadata.uid, found: true },
    ]);
    expect(detail.events.map((e) => [e.reason, e.count, e.source])).toEqual([
      ['Unhealthy', 2, 'kubelet, node-0000'],
      ['BackOff', 2, 'kubelet, node-0000'],
    ]);
    expect(detail.containers).toEqual([expect.objectContaining({ name: 'app', init: false, ready: true, state: 'running', hasPrevious: false })]);

    // A cluster-scoped kind takes no namespace; a deployment whose ReplicaSet is gone says so.
    const node = await call<K8sObjectDetail>(host, 'k8s.detail', { context: 'test', kind: 'nodes', name: 'node-0000' });
    expect(node).toMatchObject({ namespace: null, owners: [], containers: [] });
    server.store.patch('replicasets', 'ns-0000', rsName, {
      metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'vanished', uid: 'vanished-uid', controller: true }] },
    });
    const orphan = await call<K8sObjectDetail>(host, 'k8s.detail', { context: 'test', kind: 'replicasets', namespace: 'ns-0000', name: rsName });
    expect(orphan.owners).toEqual([{ kind: 'Deployment', name: 'vanished', uid: 'vanished-uid', found: false }]);

    // What scale and cordon start from is read from the object itself, not from a table search.
    server.store.patch('deployments', 'ns-0000', 'app-000', { spec: { replicas: 5 } });
    expect(await call<K8sObjectDetail>(host, 'k8s.detail', { context: 'test', kind: 'deployments', namespace: 'ns-0000', name: 'app-000' })).toMatchObject({ desiredReplicas: 5 });
    server.store.patch('nodes', undefined, 'node-0000', { spec: { unschedulable: true } });
    expect(await call<K8sObjectDetail>(host, 'k8s.detail', { context: 'test', kind: 'nodes', name: 'node-0000' })).toMatchObject({ unschedulable: true });

    const missing = await host.invoke('k8s.detail', { context: 'test', kind: 'pods', namespace: 'ns-0000', name: 'no-such-pod' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('pods "no-such-pod" not found') } });
    const noNamespace = await host.invoke('k8s.detail', { context: 'test', kind: 'pods', name: podName });
    expect(noNamespace).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('reports usage from metrics.k8s.io when the cluster serves it', async () => {
    const server = await apiServer({ metrics: true });
    server.store.seed({ namespaces: 1, deploymentsPerNs: 1, podsPerNs: 3, nodes: 2 });
    await server.store.settled();
    server.store.metrics.setNode('node-0000', { cpu: '1500m', memory: '2Gi' });
    server.store.metrics.setNode('node-0001', { cpu: '500m', memory: '1Gi' });
    const pods = server.store.list('pods', { namespace: 'ns-0000' });
    pods.forEach((p, i) => server.store.metrics.setPod('ns-0000', p.metadata.name!, { app: { cpu: `${(i + 1) * 100}m`, memory: `${(i + 1) * 10}Mi` } }));
    const { host } = await connectedHost(server, { metrics: { intervalMs: 200 } });

    const overview = await eventually(async () => {
      const o = await call<K8sOverview>(host, 'k8s.overview', { context: 'test' });
      expect(o.metrics.available).toBe(true);
      return o;
    });
    expect(overview.metrics).toMatchObject({ available: true, note: null, at: expect.any(Number) });
    expect(overview.nodes.usage).toEqual({ cpuMillis: 2000, memoryBytes: 3 * 2 ** 30 });
    const page = await call<K8sPodPage>(host, 'k8s.pods', { context: 'test', sort: 'cpu', dir: 'desc' });
    expect(page.metrics.available).toBe(true);
    expect(page.rows.map((r) => [r.name, r.cpuMillis, r.memoryBytes])).toEqual(
      pods.map((p, i) => [p.metadata.name, (i + 1) * 100, (i + 1) * 10 * 2 ** 20]).reverse(),
    );
  });

  it('says how to get usage figures when the cluster does not serve metrics.k8s.io', async () => {
    const server = await apiServer();
    server.store.seed({ namespaces: 1, deploymentsPerNs: 1, podsPerNs: 2, nodes: 1 });
    const { host } = await connectedHost(server, { metrics: { intervalMs: 200 } });
    const overview = await eventually(async () => {
      const o = await call<K8sOverview>(host, 'k8s.overview', { context: 'test' });
      expect(o.metrics.note).not.toBeNull();
      return o;
    });
    expect(overview.metrics).toEqual({
      available: false,
      note: 'metrics.k8s.io is not served by this cluster: install metrics-server to see CPU and memory usage',
      at: null,
    });
    expect(overview.nodes.usage).toBeNull();
    expect(overview.nodes.requested).toEqual({ cpuMillis: expect.any(Number), memoryBytes: expect.any(Number) });
    const page = await call<K8sPodPage>(host, 'k8s.pods', { context: 'test' });
    expect(page.rows.every((r) => r.cpuMillis === null && r.memoryBytes === null)).toBe(true);
  });

  it('says the server’s words when metrics.k8s.io is forbidden', async () => {
    const server = await apiServer({ metrics: true, forbid: [{ group: 'metrics.k8s.io' }] });
    server.store.seed({ namespaces: 1, podsPerNs: 1, nodes: 1 });
    const { host } = await connectedHost(server, { metrics: { intervalMs: 200 } });
    const overview = await eventually(async () => {
      const o = await call<K8sOverview>(host, 'k8s.overview', { context: 'test' });
      expect(o.metrics.note).not.toBeNull();
      return o;
    });
    expect(overview.metrics.available).toBe(false);
    expect(overview.metrics.note).toMatch(/forbidden: User ".*" cannot list resource "nodes" in API group "metrics.k8s.io"/);
  });
});

function findKubectl(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
const kubectlPath = findKubectl();

describe.skipIf(!kubectlPath)('rollout history against kubectl', () => {
  it('lists the revisions and change-causes kubectl rollout history prints', async () => {
    const server = await apiServer();
    server.store.seed({ namespaces: 1, deploymentsPerNs: 2, podsPerNs: 6, nodes: 1 });
    await server.store.settled();
    const { host, dir, kubeconfig } = await connectedHost(server);
    const kubectl = (...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(kubectlPath!, ['--kubeconfig', kubeconfig, '--cache-dir', path.join(dir, 'cache'), '--request-timeout=10s', '-n', 'ns-0000', ...args], { timeout: 20_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(stderr || err.message)) : resolve(stdout),
        ),
      );
    await kubectl('rollout', 'restart', 'deployment/app-001');
    await server.store.settled();
    await kubectl('annotate', 'deployment/app-001', 'kubernetes.io/change-cause=image 2.0', '--overwrite');
    await kubectl('set', 'image', 'deployment/app-001', 'app=registry.local/app-001:2.0.0');
    await server.store.settled();
    await kubectl('annotate', 'deployment/app-001', 'kubernetes.io/change-cause=image 3.0', '--overwrite');
    await kubectl('set', 'image', 'deployment/app-001', 'app=registry.local/app-001:3.0.0');
    await server.store.settled();
    await kubectl('rollout', 'undo', 'deployment/app-001', '--to-revision=2');
    await server.store.settled();

    const printed = (await kubectl('rollout', 'history', 'deployment/app-001'))
      .split('\n')
      .filter((l) => /^\d/.test(l))
      .map((l) => l.trim().replace(/\s+/, ' '));
    const history = await call<K8sRolloutHistory>(host, 'k8s.rolloutHistory', { context: 'test', namespace: 'ns-0000', name: 'app-001' });
    expect(printed.length).toBeGreaterThan(2);
    expect(history.revisions.map((r) => `${r.revision} ${r.changeCause ?? '<none>'}`).reverse()).toEqual(printed);
    // After the undo, the Deployment runs revision 2's ReplicaSet (the restart) again under the newest number.
    expect(history.revisions.map((r) => r.revision)).not.toContain(2);
    const running = server.store.get('deployments', 'ns-0000', 'app-001') as unknown as { spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } };
    const current = history.revisions.filter((r) => r.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ revision: history.revisions[0]!.revision, images: [running.spec.template.spec.containers[0]!.image], replicas: running.spec.replicas });
    expect(history.revisions.find((r) => r.images[0] === 'registry.local/app-001:3.0.0')).toMatchObject({ current: false, replicas: 0 });

    const missing = await host.invoke('k8s.rolloutHistory', { context: 'test', namespace: 'ns-0000', name: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } } as Partial<Result<unknown>>);
  });
});
