import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Backoff } from '../../src/util/backoff';
import { Informer } from '../../src/kubernetes/informer';
import { projectDeployment } from '../../src/kubernetes/kinds/deployments';
import { projectNode } from '../../src/kubernetes/kinds/nodes';
import { projectPod } from '../../src/kubernetes/kinds/pods';
import { KIND_SPECS } from '../../src/kubernetes/kinds/registry';
import { KubeApiClient, type KubeApi, type UsableContext } from '../../src/kubernetes/kubeApi';
import { loadKubeconfig } from '../../src/kubernetes/kubeconfig';
import { startTestApiServer, type TestApiServer } from '../k8s';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';
import { cleanupAfterEach } from '../helpers/cleanups';

const cleanup = cleanupAfterEach();

async function server(options: Parameters<typeof startTestApiServer>[0] = {}): Promise<TestApiServer> {
  const s = await startTestApiServer({ bookmarkIntervalMs: 200, ...options });
  cleanup(() => s.close());
  return s;
}

async function contextFor(s: TestApiServer, options: { token?: string } = {}): Promise<UsableContext> {
  const kc = await loadKubeconfig([s.kubeconfigPath(tempDir(), options)]);
  return kc.contexts[0] as UsableContext;
}

/** The API client with a record of every LIST page it fetched, and a hook after each page. */
function recording(api: KubeApi, afterPage: (path: string) => void = () => undefined) {
  const pages: string[] = [];
  const wrapped: KubeApi = {
    async session() {
      const s = await api.session();
      return {
        async getJson(path, signal) {
          const body = await s.getJson(path, signal);
          pages.push(path);
          afterPage(path);
          return body;
        },
        stream: (path, signal, handlers, idle) => s.stream(path, signal, handlers, idle),
        openStream: (path, signal, idle) => s.openStream(path, signal, idle),
        requestJson: (method, path, signal, body) => s.requestJson(method, path, signal, body),
      };
    },
    close: () => api.close(),
  };
  return { api: wrapped, pages };
}

function informer<K extends keyof typeof KIND_SPECS>(api: KubeApi, kind: K, pageSize = 500) {
  let changes = 0;
  const inf = new Informer(api, KIND_SPECS[kind], { changed: () => changes++, status: () => undefined }, {
    pageSize,
    backoff: new Backoff({ initialMs: 20, maxMs: 200 }),
  });
  cleanup(() => inf.stop());
  inf.start();
  return { inf, changes: () => changes };
}

/** The server's pods as Opsdeck projects them, by key. */
const serverPods = (s: TestApiServer) => new Map(s.store.list('pods').map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, projectPod(p)]));
const cachedPods = (inf: Informer<ReturnType<typeof projectPod> & object>) => new Map([...inf.cache.values()].map((p) => [p.key, p]));

describe('informer against the test API server', () => {
  it('lists in pages, then equals the server for pods, nodes and deployments', async () => {
    const s = await server();
    s.store.seed({ namespaces: 6, deploymentsPerNs: 3, podsPerNs: 40, nodes: 4, notReadyEvery: 7 });
    const ctx = await contextFor(s);
    const { api, pages } = recording(new KubeApiClient(ctx));
    const pods = informer(api, 'pods', 50);
    const nodes = informer(api, 'nodes');
    const deployments = informer(api, 'deployments');

    await eventually(() => expect(pods.inf.status.state).toBe('synced'));
    expect(cachedPods(pods.inf)).toEqual(serverPods(s));
    expect(pods.inf.cache.size).toBe(240);
    expect(pages.filter((p) => p.startsWith('/api/v1/pods?'))).toHaveLength(5);
    expect(pages.some((p) => p.includes('continue='))).toBe(true);

    await eventually(() => expect(nodes.inf.status.state).toBe('synced'));
    expect([...nodes.inf.cache.values()]).toEqual(s.store.list('nodes').map(projectNode));
    await eventually(() => expect(deployments.inf.status.state).toBe('synced'));
    expect([...deployments.inf.cache.values()]).toEqual(s.store.list('deployments').map(projectDeployment));
  });

  it('follows creates, updates and deletes through the watch', async () => {
    const s = await server();
    s.store.seed({ namespaces: 2, podsPerNs: 5 });
    const { inf } = informer(new KubeApiClient(await contextFor(s)), 'pods');
    await eventually(() => expect(inf.status.state).toBe('synced'));

    s.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'fresh', namespace: 'ns-0000', labels: { app: 'fresh' } },
      spec: { containers: [{ name: 'app', image: 'registry.local/fresh:1' }] },
      status: { phase: 'Pending' },
    });
    await eventually(() => expect(inf.cache.get('ns-0000/fresh')?.phase).toBe('Pending'));
    s.store.patch('pods', 'ns-0000', 'fresh', { status: { phase: 'Running' } });
    await eventually(() => expect(inf.cache.get('ns-0000/fresh')?.phase).toBe('Running'));
    s.store.patch('pods', 'ns-0000', 'pod-00001', { metadata: { labels: { app: 'relabelled' } } });
    await eventually(() => expect(inf.cache.get('ns-0000/pod-00001')?.labels).toMatchObject({ app: 'relabelled' }));
    s.store.delete('pods', 'ns-0001', 'pod-00002');
    await eventually(() => expect(inf.cache.get('ns-0001/pod-00002')).toBeUndefined());
    expect(cachedPods(inf)).toEqual(serverPods(s));
  });

  it('relists when the server restarts with its history compacted, and sees what changed meanwhile', async () => {
    const s = await server();
    s.store.seed({ namespaces: 3, podsPerNs: 10 });
    const { api, pages } = recording(new KubeApiClient(await contextFor(s)));
    const { inf } = informer(api, 'pods');
    await eventually(() => expect(inf.status.state).toBe('synced'));
    const listsBefore = pages.length;

    // Starting empty emits no events: only a fresh list can notice the pods are gone.
    await s.restart({ keepState: false, compact: true });
    s.store.seed({ namespaces: 1, namespacePrefix: 'after', podsPerNs: 4 });
    await eventually(() => expect(cachedPods(inf)).toEqual(serverPods(s)));
    expect(pages.length).toBeGreaterThan(listsBefore);
    expect(inf.cache.size).toBe(4);
  });

  it('resumes a broken watch from the last resourceVersion without relisting', async () => {
    const s = await server();
    s.store.seed({ namespaces: 1, podsPerNs: 5 });
    const { api, pages } = recording(new KubeApiClient(await contextFor(s)));
    const { inf } = informer(api, 'pods');
    await eventually(() => expect(inf.status.state).toBe('synced'));
    const lists = pages.length;

    await s.restart({ keepState: true, compact: false });
    s.store.delete('pods', 'ns-0000', 'pod-00000');
    await eventually(() => expect(inf.cache.get('ns-0000/pod-00000')).toBeUndefined());
    expect(pages.length).toBe(lists);
    expect(cachedPods(inf)).toEqual(serverPods(s));
  });

  it('restarts a list whose continue token expired between pages', async () => {
    const s = await server({ logWindow: 20 });
    s.store.seed({ namespaces: 2, podsPerNs: 30 });
    let churned = false;
    const { api, pages } = recording(new KubeApiClient(await contextFor(s)), (path) => {
      // After the first page, more changes than the server keeps: the continue token expires.
      if (churned || !path.startsWith('/api/v1/pods?')) return;
      churned = true;
      for (let i = 0; i < 30; i++) s.store.patch('pods', 'ns-0001', `pod-${String(i).padStart(5, '0')}`, { metadata: { labels: { round: String(i) } } });
    });
    const { inf } = informer(api, 'pods', 25);
    await eventually(() => expect(inf.status.state).toBe('synced'));
    await eventually(() => expect(cachedPods(inf)).toEqual(serverPods(s)));
    // page 1, the expired page 2 is not recorded (it failed), then a whole new list of 3 pages
    expect(pages.filter((p) => !p.includes('continue='))).toHaveLength(2);
    expect(inf.cache.get('ns-0001/pod-00029')?.labels).toMatchObject({ round: '29' });
  });

  it('relists on a watch that answers 410 as a plain status', async () => {
    const s = await server({ tooOldWatch: 'status' });
    s.store.seed({ namespaces: 1, podsPerNs: 3 });
    const { api, pages } = recording(new KubeApiClient(await contextFor(s)));
    const { inf } = informer(api, 'pods');
    await eventually(() => expect(inf.status.state).toBe('synced'));
    await s.restart({ keepState: true, compact: true });
    await eventually(() => expect(pages.length).toBe(2));
    await eventually(() => expect(inf.status.state).toBe('synced'));
    expect(cachedPods(inf)).toEqual(serverPods(s));
  });

  it('reports a 401 with the server’s message and keeps retrying until the token works', async () => {
    const s = await server();
    const ctx = await contextFor(s, { token: 'not-the-token' });
    const { inf } = informer(new KubeApiClient(ctx), 'namespaces');
    await eventually(() => expect(inf.status).toMatchObject({ state: 'failed', failure: { kind: 'unauthorized', message: 'Unauthorized', status: 401 } }));
    expect(inf.status.nextRetryAt).toBeGreaterThan(0);
    s.auth.addToken('not-the-token', 'late-user');
    await eventually(() => expect(inf.status.state).toBe('synced'));
    expect(inf.cache.size).toBe(4);
  });

  it('reports a closed port as unreachable with the network error', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const s = await server();
    const ctx = await contextFor(s);
    const unreachable = { ...ctx, cluster: { ...ctx.cluster, server: `https://127.0.0.1:${closed}` } };
    const { inf } = informer(new KubeApiClient(unreachable), 'namespaces');
    await eventually(() => expect(inf.status).toMatchObject({ state: 'failed', failure: { kind: 'unreachable', message: `connect ECONNREFUSED 127.0.0.1:${closed}` } }));
  });

  it('says forbidden, in the server’s words, for a kind the user may not list', async () => {
    const s = await server({ forbid: [{ verb: 'list', resource: 'nodes' }] });
    const { inf } = informer(new KubeApiClient(await contextFor(s)), 'nodes');
    await eventually(() =>
      expect(inf.status).toMatchObject({
        state: 'forbidden',
        failure: { kind: 'forbidden', message: 'nodes is forbidden: User "admin" cannot list resource "nodes" in API group "" at the cluster scope' },
      }),
    );
  });
});
