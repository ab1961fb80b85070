import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, openStream, type RequestOptions } from '../k8s/client';
import { HOLD_ANNOTATION, startTestApiServer, type K8sObject, type TestApiServer, WRITTEN_AT_ANNOTATION } from '../k8s';

const VIEWER_TOKEN = 'viewer-token-0123456789abcdef';

function configMap(ns: string, name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels }, data };
}

function deployment(ns: string, name: string, replicas: number, containers = [{ name: 'app', image: 'registry.local/app:1.0.0' }]) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers } } },
  };
}

function names(items: K8sObject[]): string[] {
  return items.map((o) => o.metadata.name ?? '');
}

describe('test Kubernetes API server', () => {
  let server: TestApiServer;
  const api = (method: string, p: string, opts?: RequestOptions) => apiRequest(server, method, p, opts);
  const ensureNamespace = (name: string) => {
    if (!server.store.get('namespaces', undefined, name)) server.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  };

  beforeAll(async () => {
    server = await startTestApiServer({
      bookmarkIntervalMs: 100,
      logWindow: 5000,
      metrics: true,
      tokens: { [VIEWER_TOKEN]: 'viewer' },
      forbid: [{ user: 'viewer', verb: ['delete', 'deletecollection'], resource: 'pods' }],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves discovery, legacy and aggregated', async () => {
    const version = await api('GET', '/version');
    expect(version.json).toMatchObject({ major: '1', minor: '32' });
    expect((await api('GET', '/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = await api('GET', '/apis');
    expect(groups.json.groups.map((g: { name: string }) => g.name)).toEqual(['apps', 'batch', 'policy', 'networking.k8s.io', 'metrics.k8s.io']);
    const apps = await api('GET', '/apis/apps/v1');
    expect(apps.json.resources).toContainEqual(expect.objectContaining({ name: 'deployments', namespaced: true, kind: 'Deployment', shortNames: ['deploy'] }));
    expect(apps.json.resources).toContainEqual({ name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
    const core = await api('GET', '/api/v1');
    expect(core.json.resources).toContainEqual(expect.objectContaining({ name: 'nodes', namespaced: false }));
    expect(core.json.resources).toContainEqual(expect.objectContaining({ name: 'pods/log', kind: 'Pod', verbs: ['get'] }));
    const aggregated = await api('GET', '/apis', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(aggregated.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(aggregated.json.items.map((g: { metadata: { name: string } }) => g.metadata.name)).toContain('batch');
    expect((await api('GET', '/openapi/v2')).status).toBe(404);
    expect((await api('GET', '/healthz', { token: null })).text).toBe('ok');
  });

  it('answers 401, 403, 404, 409 and 422 with real Status bodies', async () => {
    for (const token of [null, 'wrong-token']) {
      const r = await api('GET', '/api/v1/pods', { token });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
    ensureNamespace('errors');
    server.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'victim', namespace: 'errors' }, spec: { containers: [{ name: 'c', image: 'busybox:1' }] } });
    expect((await api('GET', '/api/v1/namespaces/errors/pods/victim', { token: VIEWER_TOKEN })).status).toBe(200);
    const forbidden = await api('DELETE', '/api/v1/namespaces/errors/pods/victim', { token: VIEWER_TOKEN });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({
      reason: 'Forbidden',
      code: 403,
      message: 'pods "victim" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "errors"',
      details: { name: 'victim', kind: 'pods' },
    });
    const removeRule = server.auth.forbid({ user: 'viewer', verb: 'list', resource: 'deployments', group: 'apps' });
    expect((await api('GET', '/apis/apps/v1/deployments', { token: VIEWER_TOKEN })).json.message).toBe(
      'deployments.apps is forbidden: User "viewer" cannot list resource "deployments" in API group "apps" at the cluster scope',
    );
    removeRule();
    expect((await api('GET', '/apis/apps/v1/deployments', { token: VIEWER_TOKEN })).status).toBe(200);

    const missing = await api('GET', '/apis/apps/v1/namespaces/errors/deployments/nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ reason: 'NotFound', message: 'deployments.apps "nope" not found', details: { name: 'nope', group: 'apps', kind: 'deployments' } });
    expect((await api('GET', '/api/v1/namespaces/errors/widgets')).json.message).toBe('the server could not find the requested resource');

    const invalid = await api('POST', '/apis/apps/v1/namespaces/errors/deployments', { body: deployment('errors', 'bad', -1) });
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({
      reason: 'Invalid',
      message: 'Deployment.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas' }] },
    });
    const noContainers = await api('POST', '/api/v1/namespaces/errors/pods', { body: { metadata: { name: 'empty' }, spec: { containers: [] } } });
    expect(noContainers.json.message).toBe('Pod "empty" is invalid: spec.containers: Required value');

    const created = await api('POST', '/api/v1/namespaces/errors/configmaps', { body: configMap('errors', 'once') });
    expect(created.status).toBe(201);
    const again = await api('POST', '/api/v1/namespaces/errors/configmaps', { body: configMap('errors', 'once') });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "once" already exists' });
    const noNamespace = await api('POST', '/api/v1/namespaces/ghost/configmaps', { body: configMap('ghost', 'x') });
    expect(noNamespace.json).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
  });

  it('rejects a stale PUT with 409 Conflict and accepts a fresh one', async () => {
    ensureNamespace('conflicts');
    const created = (await api('POST', '/api/v1/namespaces/conflicts/configmaps', { body: configMap('conflicts', 'cm', { a: '1' }) })).json;
    const first = await api('PUT', '/api/v1/namespaces/conflicts/configmaps/cm', { body: { ...created, data: { a: '2' } } });
    expect(first.status).toBe(200);
    expect(Number(first.json.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));
    const stale = await api('PUT', '/api/v1/namespaces/conflicts/configmaps/cm', { body: { ...created, data: { a: '3' } } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "cm": the object has been modified; please apply your changes to the latest version and try again',
    });
    expect(server.store.get('configmaps', 'conflicts', 'cm')?.data).toEqual({ a: '2' });
    const unchanged = await api('PUT', '/api/v1/namespaces/conflicts/configmaps/cm', { body: first.json });
    expect(unchanged.json.metadata.resourceVersion).toBe(first.json.metadata.resourceVersion);
  });

  it('honours resourceVersion and resourceVersionMatch on lists', async () => {
    ensureNamespace('versions');
    server.store.create(configMap('versions', 'first'));
    const then = server.store.resourceVersion;
    server.store.create(configMap('versions', 'second'));
    const list = (q: string) => api('GET', `/api/v1/namespaces/versions/configmaps?${q}`);
    const exact = await list(`resourceVersion=${then}&resourceVersionMatch=Exact`);
    expect(exact.json.metadata.resourceVersion).toBe(then);
    expect(names(exact.json.items)).toEqual(['first']);
    const notOlder = await list(`resourceVersion=${then}&resourceVersionMatch=NotOlderThan`);
    expect(names(notOlder.json.items)).toEqual(['first', 'second']);
    expect(notOlder.json.metadata.resourceVersion).toBe(server.store.resourceVersion);
    expect(names((await list('resourceVersion=0')).json.items)).toEqual(['first', 'second']);
    const future = await list(`resourceVersion=${Number(server.store.resourceVersion) + 100}&resourceVersionMatch=NotOlderThan`);
    expect(future.json).toMatchObject({ code: 504, reason: 'Timeout' });
    expect((await list('resourceVersionMatch=Exact')).status).toBe(400);
    // Table output for kubectl's human printing, GET of one object and dryRun.
    const table = await api('GET', '/api/v1/namespaces/versions/configmaps', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(table.json).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', rows: [{ cells: ['first', expect.any(String)] }, { cells: ['second', expect.any(String)] }] });
    expect(table.json.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Age']);
    const dry = await api('POST', '/api/v1/namespaces/versions/configmaps?dryRun=All', { body: configMap('versions', 'dry') });
    expect(dry.status).toBe(201);
    expect(server.store.get('configmaps', 'versions', 'dry')).toBeUndefined();
  });

  it('keeps status and spec apart: the status subresource changes only status', async () => {
    ensureNamespace('status');
    const pod = await api('POST', '/api/v1/namespaces/status/pods', {
      body: { metadata: { name: 'p', annotations: { [HOLD_ANNOTATION]: 'true' } }, spec: { containers: [{ name: 'c', image: 'x:1' }] }, status: { phase: 'Running' } },
    });
    expect(pod.json.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    await server.store.settled();
    const current = (await api('GET', '/api/v1/namespaces/status/pods/p')).json;
    expect(current.status.phase).toBe('Pending');
    const put = await api('PUT', '/api/v1/namespaces/status/pods/p/status', {
      body: { ...current, metadata: { ...current.metadata, labels: { ignored: 'yes' } }, status: { phase: 'Succeeded' } },
    });
    expect(put.json.status).toEqual({ phase: 'Succeeded' });
    expect(put.json.metadata.labels).toBeUndefined();
    const patched = await api('PATCH', '/api/v1/namespaces/status/pods/p/status', { body: { status: { podIP: '10.1.2.3' } }, contentType: 'application/merge-patch+json' });
    expect(patched.json.status).toEqual({ phase: 'Succeeded', podIP: '10.1.2.3' });
    const specChange = await api('PATCH', '/api/v1/namespaces/status/pods/p', { body: { spec: { restartPolicy: 'Never' } }, contentType: 'application/merge-patch+json' });
    expect(specChange.status).toBe(422);
    expect(specChange.json.message).toContain('pod updates may not change fields other than');
    const image = await api('PATCH', '/api/v1/namespaces/status/pods/p', {
      body: { spec: { containers: [{ name: 'c', image: 'x:2' }] } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(image.json.spec.containers[0].image).toBe('x:2');
  });

  it('pages a list with limit and continue from one snapshot, every item exactly once', async () => {
    const seeded = server.store.seed({ namespaces: 1, namespacePrefix: 'paged', podsPerNs: 1234 });
    const ns = seeded.namespaces[0] as string;
    const expected = names(server.store.list('pods', { namespace: ns }));
    expect(expected).toHaveLength(1234);
    const seen: string[] = [];
    let cont = '';
    let snapshotRV = '';
    let pages = 0;
    do {
      const r = await api('GET', `/api/v1/namespaces/${ns}/pods?limit=100${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.json.kind).toBe('PodList');
      expect(r.json.items[0]).not.toHaveProperty('kind');
      if (pages === 0) {
        snapshotRV = r.json.metadata.resourceVersion;
        expect(r.json.metadata.remainingItemCount).toBe(1134);
        // Writes while paging do not show in the snapshot's later pages.
        server.store.delete('pods', ns, 'pod-00005');
        server.store.delete('pods', ns, 'pod-01200');
        server.store.mutate('pods', ns, 'pod-01100', (p) => {
          p.metadata.labels = { ...p.metadata.labels, changed: 'yes' };
        });
        server.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod-99999', namespace: ns }, spec: { containers: [{ name: 'c', image: 'x:1' }] } });
      } else {
        expect(r.json.metadata.resourceVersion).toBe(snapshotRV);
      }
      for (const item of r.json.items as K8sObject[]) {
        seen.push(item.metadata.name as string);
        if (item.metadata.name === 'pod-01100') expect(item.metadata.labels).not.toHaveProperty('changed');
      }
      cont = r.json.metadata.continue ?? '';
      pages++;
    } while (cont);
    expect(pages).toBe(13);
    expect(seen).toEqual(expected);
    // A fresh list sees the writes.
    const now = names((await api('GET', `/api/v1/namespaces/${ns}/pods`)).json.items);
    expect(now).toHaveLength(1233);
    expect(now).toContain('pod-99999');
    expect(now).not.toContain('pod-01200');
    // The all-namespaces list includes the namespace's pods.
    const all = (await api('GET', '/api/v1/pods?limit=2000')).json.items as K8sObject[];
    expect(all.filter((p) => p.metadata.namespace === ns)).toHaveLength(1233);
  });

  it('answers 410 Expired for a continue token older than the change log', async () => {
    ensureNamespace('expiry');
    for (let i = 0; i < 5; i++) server.store.create(configMap('expiry', `cm-${i}`));
    const first = await api('GET', '/api/v1/namespaces/expiry/configmaps?limit=2');
    expect(first.json.items).toHaveLength(2);
    server.store.compact();
    const expired = await api('GET', `/api/v1/namespaces/expiry/configmaps?limit=2&continue=${first.json.metadata.continue}`);
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    expect(expired.json.message).toContain('The provided continue parameter is too old');
    // The inconsistent continue token it offers carries on from the current state.
    const rest = await api('GET', `/api/v1/namespaces/expiry/configmaps?continue=${expired.json.metadata.continue}`);
    expect(names(rest.json.items)).toEqual(['cm-2', 'cm-3', 'cm-4']);
    expect((await api('GET', '/api/v1/namespaces/expiry/configmaps?continue=garbage')).status).toBe(400);
  });

  it('replays exactly the changes after a resourceVersion, then streams live ones', async () => {
    ensureNamespace('replay');
    const from = server.store.resourceVersion;
    server.store.create(configMap('replay', 'a'));
    server.store.create(configMap('replay', 'b'));
    server.store.patch('configmaps', 'replay', 'a', { data: { k: 'v' } });
    server.store.delete('configmaps', 'replay', 'b');
    ensureNamespace('replay-other');
    server.store.create(configMap('replay-other', 'elsewhere'));
    server.store.create(configMap('replay', 'c'));
    const expected = server.store.changesSince(from).filter((c) => c.resource === 'configmaps' && c.namespace === 'replay');
    expect(expected.map((c) => `${c.type} ${c.name}`)).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'DELETED b', 'ADDED c']);
    const watch = await openStream(server, `/api/v1/namespaces/replay/configmaps?watch=1&resourceVersion=${from}`);
    expect(watch.status).toBe(200);
    expect(watch.headers['transfer-encoding']).toBe('chunked');
    await watch.waitForEvent((e) => e.object.metadata?.name === 'c');
    expect(watch.events.map((e) => [e.type, e.object.metadata.name, e.object.metadata.resourceVersion])).toEqual(expected.map((c) => [c.type, c.name, c.resourceVersion]));
    expect(watch.events[0]?.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
    server.store.create(configMap('replay', 'live'));
    const live = await watch.waitForEvent((e) => e.object.metadata?.name === 'live');
    expect(live.type).toBe('ADDED');
    expect(watch.events).toHaveLength(6);
    watch.close();
    // The older /watch/ path, for one object.
    const legacy = await openStream(server, `/api/v1/watch/namespaces/replay/configmaps/a?resourceVersion=${from}`);
    await legacy.waitForEvent((e) => e.type === 'MODIFIED');
    expect(legacy.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'MODIFIED a']);
    legacy.close();
    // Without a resourceVersion a watch starts with the current state.
    const fresh = await openStream(server, '/api/v1/namespaces/replay/configmaps?watch=true');
    await fresh.waitForEvent((e) => e.object.metadata?.name === 'live');
    expect(fresh.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED c', 'ADDED live']);
    fresh.close();
  });

  it('ends a watch from an expired resourceVersion with a 410 ERROR event, or a plain 410 when set so', async () => {
    ensureNamespace('gone');
    const old = server.store.resourceVersion;
    server.store.create(configMap('gone', 'x'));
    server.store.compact();
    const watch = await openStream(server, `/api/v1/namespaces/gone/configmaps?watch=1&resourceVersion=${old}`);
    expect(watch.status).toBe(200);
    expect(await watch.ended).toEqual({ complete: true });
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${old} (${server.store.oldestResourceVersion})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    server.settings.tooOldWatch = 'status';
    try {
      const direct = await api('GET', `/api/v1/namespaces/gone/configmaps?watch=1&resourceVersion=${old}`);
      expect(direct.status).toBe(410);
      expect(direct.json.reason).toBe('Expired');
    } finally {
      server.settings.tooOldWatch = 'event';
    }
  });

  it('sends bookmarks, honours timeoutSeconds and sends initial events on request', async () => {
    ensureNamespace('marks');
    server.store.create(configMap('marks', 'one'));
    const started = Date.now();
    const watch = await openStream(server, `/api/v1/namespaces/marks/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=${server.store.resourceVersion}`);
    const mark = await watch.waitForEvent((e) => e.type === 'BOOKMARK', 2000);
    expect(mark.object).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: server.store.resourceVersion } });
    expect(await watch.ended).toEqual({ complete: true });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(5000);
    expect(watch.events.filter((e) => e.type === 'BOOKMARK').length).toBeGreaterThanOrEqual(3);

    const initial = await openStream(server, '/api/v1/namespaces/marks/configmaps?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true');
    const end = await initial.waitForEvent((e) => e.type === 'BOOKMARK');
    expect(end.object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    expect(initial.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'one' } } });
    initial.close();
    const bad = await api('GET', '/api/v1/namespaces/marks/configmaps?watch=1&sendInitialEvents=true');
    expect(bad.status).toBe(422);
  });

  it('filters lists and watches by label and field selectors', async () => {
    ensureNamespace('select');
    const pod = (name: string, labels: Record<string, string>, phase: string, nodeName: string) =>
      server.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'select', labels }, spec: { nodeName, containers: [{ name: 'c', image: 'x:1' }] }, status: { phase } });
    pod('web-1', { app: 'web', tier: 'front' }, 'Running', 'n1');
    pod('web-2', { app: 'web', tier: 'front', canary: 'true' }, 'Pending', 'n2');
    pod('db-1', { app: 'db', tier: 'back' }, 'Running', 'n1');
    pod('job-1', { app: 'job' }, 'Succeeded', 'n2');
    const list = async (q: string) => names((await api('GET', `/api/v1/namespaces/select/pods?${q}`)).json.items);
    const sel = (s: string) => list(`labelSelector=${encodeURIComponent(s)}`);
    expect(await sel('app=web')).toEqual(['web-1', 'web-2']);
    expect(await sel('app==db')).toEqual(['db-1']);
    expect(await sel('app!=web')).toEqual(['db-1', 'job-1']);
    expect(await sel('app in (db,job)')).toEqual(['db-1', 'job-1']);
    expect(await sel('app notin (web),tier')).toEqual(['db-1']);
    expect(await sel('canary')).toEqual(['web-2']);
    expect(await sel('!canary,app=web')).toEqual(['web-1']);
    const field = (s: string) => list(`fieldSelector=${encodeURIComponent(s)}`);
    expect(await field('status.phase=Running')).toEqual(['db-1', 'web-1']);
    expect(await field('spec.nodeName=n2,status.phase!=Succeeded')).toEqual(['web-2']);
    expect(await field('metadata.name=db-1')).toEqual(['db-1']);
    expect(await field('metadata.namespace=select')).toHaveLength(4);
    expect(names((await api('GET', '/api/v1/pods?fieldSelector=metadata.namespace%3Dselect,spec.nodeName%3Dn1')).json.items)).toEqual(['db-1', 'web-1']);
    expect((await api('GET', '/api/v1/namespaces/select/pods?labelSelector=app%20in%20(')).status).toBe(400);
    expect((await api('GET', '/api/v1/namespaces/select/pods?fieldSelector=spec.bogus%3D1')).json.message).toBe('field label not supported: spec.bogus');

    const watch = await openStream(server, `/api/v1/namespaces/select/pods?watch=1&labelSelector=app%3Dweb&resourceVersion=${server.store.resourceVersion}`);
    server.store.patch('pods', 'select', 'db-1', { metadata: { labels: { app: 'web' } } });
    server.store.patch('pods', 'select', 'job-1', { metadata: { labels: { x: 'y' } } });
    server.store.patch('pods', 'select', 'web-1', { metadata: { labels: { app: 'api' } } });
    server.store.patch('pods', 'select', 'web-2', { metadata: { labels: { seen: 'yes' } } });
    await watch.waitForEvent((e) => e.object.metadata.name === 'web-2');
    expect(watch.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED db-1', 'DELETED web-1', 'MODIFIED web-2']);
    watch.close();
    const fieldWatch = await openStream(server, `/api/v1/namespaces/select/pods?watch=1&fieldSelector=status.phase%3DPending&resourceVersion=${server.store.resourceVersion}`);
    server.store.mutate('pods', 'select', 'job-1', (p) => ({ ...p, status: { phase: 'Pending' } }));
    await fieldWatch.waitForEvent((e) => e.object.metadata.name === 'job-1');
    expect(fieldWatch.events.map((e) => e.type)).toEqual(['ADDED']);
    fieldWatch.close();
  });

  it('applies merge, strategic merge and JSON patches', async () => {
    ensureNamespace('patching');
    await api('POST', '/apis/apps/v1/namespaces/patching/deployments', {
      body: deployment('patching', 'web', 1, [
        { name: 'app', image: 'app:1' },
        { name: 'sidecar', image: 'proxy:1' },
      ]),
    });
    const url = '/apis/apps/v1/namespaces/patching/deployments/web';
    const merge = await api('PATCH', url, { body: { metadata: { labels: { team: 'a', gone: 'soon' } } }, contentType: 'application/merge-patch+json' });
    expect(merge.json.metadata.labels).toEqual({ team: 'a', gone: 'soon' });
    const merge2 = await api('PATCH', url, { body: { metadata: { labels: { gone: null } } }, contentType: 'application/merge-patch+json' });
    expect(merge2.json.metadata.labels).toEqual({ team: 'a' });

    const smp = await api('PATCH', url, {
      body: { spec: { template: { spec: { containers: [{ name: 'app', image: 'app:2' }] } } } },
      contentType: 'application/strategic-merge-patch+json',
    });
    const containers = smp.json.spec.template.spec.containers;
    expect(containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual(['app=app:2', 'sidecar=proxy:1']);
    expect(containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(smp.json.metadata.generation).toBe(2);
    // A merge patch replaces the whole list instead.
    const del = await api('PATCH', url, {
      body: { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(del.json.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['app']);

    const json = await api('PATCH', url, {
      body: [
        { op: 'test', path: '/spec/replicas', value: 1 },
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'add', path: '/metadata/annotations/note', value: 'hi' },
      ],
      contentType: 'application/json-patch+json',
    });
    expect(json.status).toBe(200);
    expect(json.json.spec.replicas).toBe(3);
    expect(json.json.metadata.annotations.note).toBe('hi');
    const failed = await api('PATCH', url, { body: [{ op: 'test', path: '/spec/replicas', value: 99 }], contentType: 'application/json-patch+json' });
    expect(failed.status).toBe(422);
    const negative = await api('PATCH', url, { body: { spec: { replicas: -2 } }, contentType: 'application/merge-patch+json' });
    expect(negative.status).toBe(422);
    const staleRV = await api('PATCH', url, { body: { metadata: { resourceVersion: '1' }, spec: { replicas: 2 } }, contentType: 'application/merge-patch+json' });
    expect(staleRV.status).toBe(409);
    expect((await api('PATCH', url, { body: { spec: {} }, contentType: 'text/plain' })).status).toBe(415);
    // Status is not changed through the main resource.
    const statusTry = await api('PATCH', url, { body: { status: { replicas: 42 } }, contentType: 'application/merge-patch+json' });
    expect(statusTry.json.status.replicas).not.toBe(42);
  });

  it('rolls out deployments through ReplicaSets and serves the scale subresource', async () => {
    ensureNamespace('scaling');
    await api('POST', '/apis/apps/v1/namespaces/scaling/deployments', { body: deployment('scaling', 'web', 2) });
    await server.store.settled();
    const d = server.store.get('deployments', 'scaling', 'web') as K8sObject & { status: Record<string, unknown> };
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const rs = server.store.list('replicasets', { namespace: 'scaling' });
    expect(rs).toHaveLength(1);
    expect(rs[0]?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(rs[0]?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(server.store.list('pods', { namespace: 'scaling' }).every((p) => p.metadata.ownerReferences?.[0]?.name === rs[0]?.metadata.name)).toBe(true);

    const url = '/apis/apps/v1/namespaces/scaling/deployments/web/scale';
    const scale = await api('GET', url);
    expect(scale.json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 2, selector: 'app=web' } });
    const put = await api('PUT', url, { body: { ...scale.json, spec: { replicas: 4 } } });
    expect(put.json.spec.replicas).toBe(4);
    const stalePut = await api('PUT', url, { body: { ...scale.json, spec: { replicas: 5 } } });
    expect(stalePut.status).toBe(409);
    const patched = await api('PATCH', url, { body: { spec: { replicas: 3 } }, contentType: 'application/merge-patch+json' });
    expect(patched.json.spec.replicas).toBe(3);
    expect((await api('PATCH', url, { body: { spec: { replicas: -1 } }, contentType: 'application/merge-patch+json' })).json.message).toBe(
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    await server.store.settled();
    expect(server.store.count('pods', 'scaling')).toBe(3);

    await api('POST', '/apis/apps/v1/namespaces/scaling/statefulsets', {
      body: { ...deployment('scaling', 'db', 2), apiVersion: 'apps/v1', kind: 'StatefulSet' },
    });
    await api('PATCH', '/apis/apps/v1/namespaces/scaling/statefulsets/db/scale', { body: { spec: { replicas: 3 } }, contentType: 'application/merge-patch+json' });
    await server.store.settled();
    expect(names(server.store.list('pods', { namespace: 'scaling', labelSelector: 'app=db' }))).toEqual(['db-0', 'db-1', 'db-2']);
    expect((await api('GET', '/apis/apps/v1/namespaces/scaling/statefulsets/db/scale')).json.status.replicas).toBe(3);

    // Deleting the deployment collects its ReplicaSets and their pods.
    await api('DELETE', '/apis/apps/v1/namespaces/scaling/deployments/web');
    expect(server.store.list('replicasets', { namespace: 'scaling' })).toHaveLength(0);
    expect(server.store.count('pods', 'scaling')).toBe(3);
  });

  it('serves pod logs with tailLines, timestamps and follow', async () => {
    ensureNamespace('logs');
    const created = await api('POST', '/api/v1/namespaces/logs/pods', { body: { metadata: { name: 'talker' }, spec: { containers: [{ name: 'main', image: 'talker:1' }] } } });
    expect(created.json.status.phase).toBe('Pending');
    await server.store.settled();
    expect(server.store.get('pods', 'logs', 'talker')?.status).toMatchObject({ phase: 'Running' });
    server.store.appendLog('logs', 'talker', ['one', 'two', 'three'], { time: new Date('2024-05-01T10:00:00Z') });
    expect((await api('GET', '/api/v1/namespaces/logs/pods/talker/log')).text).toBe('one\ntwo\nthree\n');
    expect((await api('GET', '/api/v1/namespaces/logs/pods/talker/log?tailLines=1&timestamps=true')).text).toBe('2024-05-01T10:00:00.000000000Z three\n');
    expect((await api('GET', '/api/v1/namespaces/logs/pods/talker/log?container=nope')).json.message).toBe('container nope is not valid for pod talker');
    expect((await api('GET', '/api/v1/namespaces/logs/pods/talker/log?previous=true')).status).toBe(400);
    server.store.appendLog('logs', 'talker', 'before restart', { previous: true });
    expect((await api('GET', '/api/v1/namespaces/logs/pods/talker/log?previous=true')).text).toBe('before restart\n');

    const follow = await openStream(server, '/api/v1/namespaces/logs/pods/talker/log?follow=true&tailLines=2');
    await follow.waitForText('three\n');
    server.store.appendLog('logs', 'talker', ['four', 'five']);
    await follow.waitForText('five\n');
    expect(follow.text).toBe('two\nthree\nfour\nfive\n');
    server.store.delete('pods', 'logs', 'talker');
    expect(await follow.ended).toEqual({ complete: true });
  });

  it('deletes a namespace with everything in it', async () => {
    server.store.seed({ namespaces: 1, namespacePrefix: 'doomed', deploymentsPerNs: 2, podsPerNs: 6, configMapsPerNs: 2 });
    const ns = 'doomed-0000';
    const from = server.store.resourceVersion;
    const r = await api('DELETE', `/api/v1/namespaces/${ns}`);
    expect(r.json).toMatchObject({ kind: 'Namespace', status: { phase: 'Terminating' } });
    for (const kind of ['pods', 'deployments', 'replicasets', 'configmaps']) expect(server.store.count(kind, ns)).toBe(0);
    expect(server.store.get('namespaces', undefined, ns)).toBeUndefined();
    expect(server.store.changesSince(from).filter((c) => c.type === 'DELETED' && c.resource === 'pods')).toHaveLength(6);
  });

  it('serves metrics.k8s.io when enabled', async () => {
    server.store.seed({ namespaces: 1, namespacePrefix: 'metrics', nodes: 2, deploymentsPerNs: 1, podsPerNs: 2 });
    server.store.metrics.setNode('node-0000', { cpu: '1500m', memory: '4Gi' });
    const nodes = await api('GET', '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(nodes.json.kind).toBe('NodeMetricsList');
    expect(nodes.json.items.find((n: K8sObject) => n.metadata.name === 'node-0000').usage).toEqual({ cpu: '1500m', memory: '4Gi' });
    const pods = await api('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/metrics-0000/pods');
    expect(pods.json.items).toHaveLength(2);
    expect(pods.json.items[0].containers[0].usage.cpu).toMatch(/^\d+m$/);
  });

  it('churns pods at a steady rate with write times for latency', async () => {
    server.store.seed({ namespaces: 1, namespacePrefix: 'churn', podsPerNs: 50 });
    const watch = await openStream(server, `/api/v1/namespaces/churn-0000/pods?watch=1&resourceVersion=${server.store.resourceVersion}`);
    const churn = server.store.churn({ ratePerSec: 400, durationMs: 500, namespace: 'churn-0000' });
    const stats = await churn.done;
    expect(stats.changes).toBeGreaterThanOrEqual(190);
    expect(stats.changes).toBeLessThanOrEqual(201);
    const last = await watch.waitForEvent((e) => e.object.metadata.annotations?.['opsdeck.test/churn'] === String(stats.changes));
    const rv = last.object.metadata.resourceVersion as string;
    expect(churn.writtenAt(rv)).toBe(Number(last.object.metadata.annotations[WRITTEN_AT_ANNOTATION]));
    expect(watch.events.filter((e) => e.type === 'MODIFIED')).toHaveLength(stats.changes);
    watch.close();
  });

  it('lists 100,000 pods in pages of 500 in linear time', async () => {
    const big = await startTestApiServer({ tls: false });
    try {
      const seeded = big.store.seed({ namespaces: 100, deploymentsPerNs: 10, podsPerNs: 1000, nodes: 50 });
      expect(seeded.pods).toBe(100_000);
      const timePages = async (pages: number) => {
        let cont = '';
        let count = 0;
        const started = performance.now();
        for (let i = 0; i < pages; i++) {
          const r = await fetch(`${big.url}/api/v1/pods?limit=500${cont ? `&continue=${cont}` : ''}`, { headers: { Authorization: `Bearer ${big.token}` } });
          const body = (await r.json()) as { items: K8sObject[]; metadata: { continue?: string } };
          count += body.items.length;
          cont = body.metadata.continue ?? '';
          if (!cont) break;
        }
        return { ms: performance.now() - started, count, cont };
      };
      // Writes between pages make later pages read an older snapshot.
      const churn = big.store.churn({ ratePerSec: 2000, durationMs: 20_000 });
      const all = await timePages(1000);
      churn.stop();
      expect(all.count).toBe(100_000);
      expect(all.cont).toBe('');
      const firstTwenty = await timePages(20);
      // 200 pages cost about ten times 20 pages: no page rescans what came before.
      expect(all.ms / firstTwenty.ms).toBeLessThan(20);
      expect(all.ms).toBeLessThan(15_000);
    } finally {
      await big.close();
    }
  });

  it('restart drops watches mid-stream; resuming after the compaction gets 410', async () => {
    ensureNamespace('restart');
    server.store.create(configMap('restart', 'before'));
    const watch = await openStream(server, `/api/v1/namespaces/restart/configmaps?watch=1&resourceVersion=${server.store.resourceVersion}`);
    server.store.create(configMap('restart', 'seen'));
    const seen = await watch.waitForEvent((e) => e.object.metadata.name === 'seen');
    const lastRV = seen.object.metadata.resourceVersion as string;
    await server.restart();
    expect(await watch.ended).toEqual({ complete: false });
    const resumed = await openStream(server, `/api/v1/namespaces/restart/configmaps?watch=1&resourceVersion=${lastRV}`);
    const error = await resumed.waitForEvent((e) => e.type === 'ERROR');
    expect(error.object).toMatchObject({ code: 410, reason: 'Expired' });
    // The relist sees the kept state at a newer resourceVersion.
    const relist = await api('GET', '/api/v1/namespaces/restart/configmaps');
    expect(names(relist.json.items)).toEqual(['before', 'seen']);
    expect(Number(relist.json.metadata.resourceVersion)).toBeGreaterThan(Number(lastRV));
    await server.restart({ keepState: false });
    expect((await api('GET', '/api/v1/namespaces/restart/configmaps')).json.items).toEqual([]);
    expect(names((await api('GET', '/api/v1/namespaces')).json.items)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });
});

function findKubectl(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

const kubectlPath = findKubectl();
if (!kubectlPath) console.log('Skipping the kubectl tests against the test API server: kubectl is not on PATH.');

describe.skipIf(!kubectlPath)('test Kubernetes API server with the real kubectl', () => {
  let server: TestApiServer;
  let dir: string;
  let kubeconfig: string;

  const kubectl = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile(
        kubectlPath as string,
        ['--kubeconfig', kubeconfig, '--cache-dir', path.join(dir, 'cache'), '--request-timeout=10s', ...args],
        { timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => (err ? reject(new Error(`kubectl ${args.join(' ')} failed: ${stderr || err.message}`)) : resolve(stdout)),
      );
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-kubectl-'));
    server = await startTestApiServer({ metrics: true });
    server.store.seed({ namespaces: 3, deploymentsPerNs: 2, podsPerNs: 300, nodes: 3 });
    kubeconfig = server.kubeconfigPath(dir);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('get pods -A -o json returns every pod in the store (paged by 500)', async () => {
    const out = JSON.parse(await kubectl('get', 'pods', '-A', '-o', 'json')) as { items: K8sObject[] };
    const fromStore = server.store.list('pods').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(fromStore).toHaveLength(900);
    expect(out.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(fromStore);
    expect(out.items[0]).toMatchObject({ kind: 'Pod', apiVersion: 'v1', status: { phase: 'Running' } });
    expect(await kubectl('get', 'deployments', '-n', 'ns-0000')).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\napp-000\s+150\/150/);
  });

  it('get pods --watch -o json prints a change made while it runs', async () => {
    const proc = spawn(kubectlPath as string, [
      '--kubeconfig',
      kubeconfig,
      '--cache-dir',
      path.join(dir, 'cache'),
      '--request-timeout=0',
      'get',
      'pods',
      '-n',
      'ns-0001',
      '--watch',
      '-o',
      'json',
    ]);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const until = async (needle: string) => {
      for (let i = 0; i < 200 && !out.includes(needle); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain(needle);
    };
    try {
      const target = server.store.list('pods', { namespace: 'ns-0001' })[0] as K8sObject;
      await until(`"name": "${target.metadata.name}"`);
      server.store.patch('pods', 'ns-0001', target.metadata.name as string, { metadata: { labels: { watched: 'by-kubectl' } } });
      await until('"watched": "by-kubectl"');
    } finally {
      proc.kill();
    }
  });

  it('scale deployment sets the replicas and the controller follows', async () => {
    expect(await kubectl('scale', 'deployment/app-000', '-n', 'ns-0002', '--replicas=5')).toContain('deployment.apps/app-000 scaled');
    await server.store.settled();
    expect(server.store.get('deployments', 'ns-0002', 'app-000')).toMatchObject({ spec: { replicas: 5 }, status: { replicas: 5, readyReplicas: 5 } });
    expect(server.store.count('pods', 'ns-0002')).toBe(155);
  });

  it('rollout restart, status, history and undo --to-revision=1', async () => {
    const ns = ['-n', 'ns-0000'];
    const original = server.store.get('deployments', 'ns-0000', 'app-001') as K8sObject & { spec: { template: unknown } };
    expect(await kubectl('rollout', 'restart', 'deployment/app-001', ...ns)).toContain('deployment.apps/app-001 restarted');
    expect(await kubectl('rollout', 'status', 'deployment/app-001', ...ns, '--timeout=15s')).toContain('successfully rolled out');
    const restarted = server.store.get('deployments', 'ns-0000', 'app-001') as K8sObject & { spec: { template: { metadata: { annotations?: Record<string, string> } } } };
    expect(restarted.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeDefined();
    expect(restarted.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const sets = server.store.list('replicasets', { namespace: 'ns-0000', labelSelector: 'app=app-001' });
    expect(sets.map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], (rs.spec as { replicas: number }).replicas]).sort()).toEqual([
      ['1', 0],
      ['2', 150],
    ]);

    server.store.patch('deployments', 'ns-0000', 'app-001', { metadata: { annotations: { 'kubernetes.io/change-cause': 'image 2.0' } } });
    await kubectl('set', 'image', 'deployment/app-001', 'app=registry.local/app-001:2.0.0', ...ns);
    await server.store.settled();
    const history = await kubectl('rollout', 'history', 'deployment/app-001', ...ns);
    expect(history.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.trim().replace(/\s+/g, ' '))).toEqual(['1 <none>', '2 image 2.0', '3 image 2.0']);

    expect(await kubectl('rollout', 'undo', 'deployment/app-001', '--to-revision=1', ...ns)).toContain('rolled back');
    await server.store.settled();
    const undone = server.store.get('deployments', 'ns-0000', 'app-001') as K8sObject & { spec: { template: unknown }; status: Record<string, unknown> };
    expect(undone.spec.template).toEqual(original.spec.template);
    expect(undone.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(undone.status).toMatchObject({ updatedReplicas: 150, replicas: 150, availableReplicas: 150 });
    const active = server.store.list('replicasets', { namespace: 'ns-0000', labelSelector: 'app=app-001' }).filter((rs) => (rs.spec as { replicas: number }).replicas > 0);
    expect(active.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])).toEqual(['4']);
    expect(active[0]?.metadata.name).toBe(sets.find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1')?.metadata.name);
    const after = await kubectl('rollout', 'history', 'deployment/app-001', ...ns);
    expect(after.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.trim().split(/\s+/)[0])).toEqual(['2', '3', '4']);
  });

  it('delete pod removes it and the ReplicaSet replaces it', async () => {
    const victim = server.store.list('pods', { namespace: 'ns-0001', labelSelector: 'app=app-001' })[0] as K8sObject;
    const name = victim.metadata.name as string;
    expect(await kubectl('delete', 'pod', name, '-n', 'ns-0001')).toContain(`pod "${name}" deleted`);
    expect(server.store.get('pods', 'ns-0001', name)).toBeUndefined();
    await server.store.settled();
    expect(server.store.count('pods', 'ns-0001')).toBe(300);
  });

  it('cordon and uncordon patch spec.unschedulable', async () => {
    expect(await kubectl('cordon', 'node-0001')).toContain('node/node-0001 cordoned');
    expect(server.store.get('nodes', undefined, 'node-0001')?.spec).toMatchObject({ unschedulable: true });
    expect(await kubectl('get', 'nodes')).toMatch(/node-0001\s+Ready,SchedulingDisabled/);
    expect(await kubectl('uncordon', 'node-0001')).toContain('node/node-0001 uncordoned');
    expect(server.store.get('nodes', undefined, 'node-0001')?.spec).not.toHaveProperty('unschedulable');
  });

  it('logs reads the pod log buffer', async () => {
    const pod = server.store.list('pods', { namespace: 'ns-0002', labelSelector: 'app=app-001' })[0] as K8sObject;
    server.store.appendLog('ns-0002', pod.metadata.name as string, ['hello from the test', 'second line']);
    expect(await kubectl('logs', '-n', 'ns-0002', pod.metadata.name as string, '--tail=1')).toBe('second line\n');
  });

  it('apply -f creates and then patches; top reads metrics.k8s.io', async () => {
    const manifest = path.join(dir, 'cm.json');
    const cm = configMap('default', 'applied', { a: '1' });
    fs.writeFileSync(manifest, JSON.stringify(cm));
    expect(await kubectl('apply', '-f', manifest)).toContain('configmap/applied created');
    fs.writeFileSync(manifest, JSON.stringify({ ...cm, data: { a: '2' } }));
    expect(await kubectl('apply', '-f', manifest)).toContain('configmap/applied configured');
    expect(server.store.get('configmaps', 'default', 'applied')?.data).toEqual({ a: '2' });
    server.store.metrics.setNode('node-0002', { cpu: '1234m', memory: '2048Mi' });
    expect(await kubectl('top', 'nodes')).toMatch(/node-0002\s+1234m\s+\d+%\s+2048Mi/);
  });
});
