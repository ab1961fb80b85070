import { describe, expect, it } from 'vitest';
import type { AuditEntry, HostEvent, ActionResult, K8sPodPage, Result } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { startTestApiServer, type TestApiServer } from '../k8s';
import type { K8sObject } from '../k8s/types';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';
import { cleanupAfterEach } from '../helpers/cleanups';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const cleanup = cleanupAfterEach();

async function call<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const r = await host.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** A seeded cluster and a host with its one context enabled and synced. */
async function connected(): Promise<{ server: TestApiServer; host: Host; events: HostEvent[] }> {
  const server = await startTestApiServer({ bookmarkIntervalMs: 200 });
  cleanup(() => server.close());
  server.store.seed({ namespaces: 2, deploymentsPerNs: 2, podsPerNs: 6, nodes: 2 });
  await server.store.settled();
  const kubeconfig = server.kubeconfigPath(tempDir(), { context: 'lab' });
  const host = await createHost({ dataDir: tempDir(), mode: 'serve', sampleIntervalMs: 60_000, secretStore: noKeychain, kubeconfigPaths: [kubeconfig], log: () => undefined });
  cleanup(() => host.stop());
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  await call(host, 'k8s.setEnabled', { context: 'lab', enabled: true });
  await eventually(async () => expect((await call<K8sPodPage>(host, 'k8s.pods', { context: 'lab', limit: 1 })).synced).toBe(true));
  return { server, host, events };
}

const act = (host: Host, action: Record<string, unknown>) => host.invoke('k8s.action', { context: 'lab', ...action });

async function ok(result: Promise<Result<unknown>>): Promise<ActionResult> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as ActionResult;
}

const ownedSets = (server: TestApiServer, deployment: K8sObject) =>
  server.store
    .list('replicasets', { namespace: deployment.metadata.namespace })
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === deployment.metadata.uid));

const imageOf = (obj: K8sObject | undefined) => (obj?.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image;

describe('Kubernetes actions through the host', () => {
  it('scales a deployment and records who did it', async () => {
    const { server, host, events } = await connected();
    const result = await ok(act(host, { action: 'scale', kind: 'deployment', namespace: 'ns-0000', name: 'app-000', replicas: 5 }));
    expect(result.message).toBe('Deployment ns-0000/app-000 scaled to 5 replicas.');
    expect((server.store.get('deployments', 'ns-0000', 'app-000')?.spec as { replicas: number }).replicas).toBe(5);
    const [entry] = await call<AuditEntry[]>(host, 'audit.list', {});
    expect(entry).toMatchObject({
      id: result.auditId,
      action: 'scale',
      context: 'lab',
      result: 'ok',
      target: { kind: 'deployment', namespace: 'ns-0000', name: 'app-000', replicas: 5 },
    });
    expect(entry!.actor).toMatch(/ \(serve\)$/);
    expect(events.some((e) => e.name === 'audit.appended' && e.data.id === result.auditId)).toBe(true);
  });

  it('restarts a deployment into a new revision and rolls it back to revision 1', async () => {
    const { server, host } = await connected();
    server.store.patch('deployments', 'ns-0001', 'app-001', { metadata: { annotations: { [CHANGE_CAUSE]: 'first release' } } }, 'merge');
    await server.store.settled();
    const original = server.store.get('deployments', 'ns-0001', 'app-001')!;
    const revisions = () => ownedSets(server, original).map((rs) => Number(rs.metadata.annotations?.[REVISION])).sort();
    expect(revisions()).toEqual([1]);

    await ok(act(host, { action: 'restart', namespace: 'ns-0001', name: 'app-001' }));
    await server.store.settled();
    expect(revisions()).toEqual([1, 2]);
    const restarted = server.store.get('deployments', 'ns-0001', 'app-001')!;
    expect((restarted.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );

    server.store.patch(
      'deployments',
      'ns-0001',
      'app-001',
      { metadata: { annotations: { [CHANGE_CAUSE]: 'broken image' } }, spec: { template: { spec: { containers: [{ name: imageContainer(original), image: 'registry.test/app:broken' }] } } } },
      'strategic',
    );
    await server.store.settled();
    expect(imageOf(server.store.get('deployments', 'ns-0001', 'app-001'))).toBe('registry.test/app:broken');

    const back = await ok(act(host, { action: 'rollback', namespace: 'ns-0001', name: 'app-001', revision: 1 }));
    expect(back.message).toBe('Deployment ns-0001/app-001 rolled back to revision 1.');
    await server.store.settled();
    const rolled = server.store.get('deployments', 'ns-0001', 'app-001')!;
    expect(imageOf(rolled)).toBe(imageOf(original));
    expect((rolled.spec as { template: unknown }).template).toEqual((original.spec as { template: unknown }).template);
    // As kubectl: the change-cause is that of the revision rolled back to.
    expect(rolled.metadata.annotations?.[CHANGE_CAUSE]).toBe('first release');

    const missing = await act(host, { action: 'rollback', namespace: 'ns-0001', name: 'app-001', revision: 42 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Deployment ns-0001/app-001 has no revision 42.' } });
  });

  it('deletes a pod and cordons and uncordons a node', async () => {
    const { server, host } = await connected();
    const { name, uid } = server.store.list('pods', { namespace: 'ns-0000' })[0]!.metadata;
    const deleted = await ok(act(host, { action: 'deletePod', namespace: 'ns-0000', name }));
    expect(deleted.message).toBe(`Pod ns-0000/${name} deleted.`);
    // Its ReplicaSet replaces it; the deleted pod itself is gone.
    expect(server.store.list('pods', { namespace: 'ns-0000' }).map((p) => p.metadata.uid)).not.toContain(uid);

    const unschedulable = () => (server.store.get('nodes', undefined, 'node-0000')?.spec as { unschedulable?: boolean }).unschedulable;
    await ok(act(host, { action: 'cordon', name: 'node-0000' }));
    expect(unschedulable()).toBe(true);
    await ok(act(host, { action: 'uncordon', name: 'node-0000' }));
    expect(unschedulable()).toBeUndefined();
  });

  it('gives a forbidden action back in the server’s words and audits it as an error', async () => {
    const { server, host } = await connected();
    server.auth.forbid({ verb: 'patch', resource: 'deployments/scale' });
    const r = await act(host, { action: 'scale', kind: 'deployment', namespace: 'ns-0000', name: 'app-001', replicas: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('FORBIDDEN');
    expect(r.error.message).toMatch(/^deployments\.apps "app-001" is forbidden: User ".*" cannot patch resource "deployments\/scale".* \(HTTP 403\)$/);
    const [entry] = await call<AuditEntry[]>(host, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ result: 'error', action: 'scale', message: r.error.message });
  });

  it('answers NOT_FOUND for an unknown deployment and lists every action, newest first', async () => {
    const { host } = await connected();
    const r = await act(host, { action: 'restart', namespace: 'ns-0000', name: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'deployments.apps "nope" not found (HTTP 404)' } });
    expect(await act(host, { action: 'scale', kind: 'statefulset', namespace: 'ns-0000', name: 'missing', replicas: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await ok(act(host, { action: 'cordon', name: 'node-0001' }));
    const entries = await call<AuditEntry[]>(host, 'audit.list', { limit: 10 });
    expect(entries.map((e) => [e.action, e.result])).toEqual([
      ['cordon', 'ok'],
      ['scale', 'error'],
      ['restart', 'error'],
    ]);
    expect((await call<AuditEntry[]>(host, 'audit.list', { text: 'node-0001' })).map((e) => e.action)).toEqual(['cordon']);
    expect(await host.invoke('k8s.action', { context: 'lab', action: 'scale', kind: 'deployment', namespace: 'NS', name: 'a', replicas: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});

function imageContainer(deployment: K8sObject): string {
  return (deployment.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers[0]!.name;
}
