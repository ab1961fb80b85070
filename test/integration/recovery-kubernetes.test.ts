import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DrillResult, RecoveryPlan, RecoveryTarget, SnapshotRow, SnapshotTreeEntry } from '../../src/contract';
import { Repository } from '../../src/recovery/repository';
import { cleanupAfterEach } from '../helpers/cleanups';
import { recoveryTestHost } from '../helpers/recoveryHost';
import { tempDir } from '../helpers/tempDir';
import { startTestApiServer } from '../k8s';

const cleanup = cleanupAfterEach();

async function cluster() {
  const server = await startTestApiServer({ bookmarkIntervalMs: 200 });
  cleanup(() => server.close());
  const { store } = server;
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'red' } } });
  store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', namespace: 'shop' } });
  store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'shop' }, data: { 'app.ini': 'port=8080' } });
  store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-password', namespace: 'shop' }, type: 'Opaque', data: { password: Buffer.from('s3cret').toString('base64') } });
  store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { volumeName: 'pv-1', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { clusterIP: '10.96.0.42', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
  const template = { metadata: { labels: { app: 'web' } }, spec: { serviceAccountName: 'web', containers: [{ name: 'app', image: 'web:1' }] } };
  store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } });
  await store.settled();
  return server;
}

async function connected(server: Awaited<ReturnType<typeof cluster>>) {
  const h = await recoveryTestHost({ kubeconfigPaths: [server.kubeconfigPath(tempDir(), { context: 'test' })] });
  cleanup(() => h.stop());
  await h.call('k8s.setEnabled', { context: 'test', enabled: true });
  return h;
}

describe('Kubernetes namespace backup and restore', () => {
  it('exports the namespace without server-set fields or secrets and restores it, in order, into a new namespace', async () => {
    const server = await cluster();
    const h = await connected(server);
    const target = await h.call<RecoveryTarget>('recovery.targets.save', { name: 'shop', spec: { kind: 'kubernetes', context: 'test', namespaces: ['shop'], includeSecrets: false } });
    const backup = await h.job('recovery.backup', { targetId: target.id });
    expect(backup.state, backup.message ?? '').toBe('succeeded');
    const [snap] = await h.call<SnapshotRow[]>('recovery.snapshots', { targetId: target.id });
    const top = await h.call<SnapshotTreeEntry[]>('recovery.snapshot.tree', { snapshotId: snap!.id, dir: 'shop' });
    expect(top.map((e) => e.name).sort()).toEqual(['configmaps', 'deployments', 'namespace.yaml', 'persistentvolumeclaims', 'serviceaccounts', 'services']);

    const restore = await h.job('recovery.restore', { snapshotId: snap!.id, into: { kind: 'kubernetes', namespaces: { shop: 'shop-copy' } } });
    expect(restore.state, restore.message ?? '').toBe('succeeded');
    const { store } = server;
    expect(store.get('namespaces', undefined, 'shop-copy')?.metadata.labels).toMatchObject({ team: 'red' });
    expect(store.get('configmaps', 'shop-copy', 'web-config')).toMatchObject({ data: { 'app.ini': 'port=8080' } });
    expect(store.get('serviceaccounts', 'shop-copy', 'web')).toBeDefined();
    expect(store.get('secrets', 'shop-copy', 'db-password')).toBeUndefined();
    const claim = store.get('persistentvolumeclaims', 'shop-copy', 'data') as { spec: { volumeName?: string } } | undefined;
    expect(claim?.spec.volumeName).toBeUndefined();
    const original = store.get('deployments', 'shop', 'web')!;
    const copy = store.get('deployments', 'shop-copy', 'web')!;
    expect(copy.metadata.uid).not.toBe(original.metadata.uid);
    expect((copy as unknown as { spec: unknown }).spec).toMatchObject({ replicas: 2, template: { spec: { serviceAccountName: 'web' } } });
    const service = store.get('services', 'shop-copy', 'web') as { spec: { clusterIP?: string } } | undefined;
    expect(service?.spec.clusterIP).not.toBe('10.96.0.42');
  });

  it('includes secrets only when asked, strips what the server set, and drills the namespace in a scratch copy', async () => {
    const server = await cluster();
    const h = await connected(server);
    const target = await h.call<RecoveryTarget>('recovery.targets.save', { name: 'shop', spec: { kind: 'kubernetes', context: 'test', namespaces: ['shop'], includeSecrets: true } });
    expect((await h.job('recovery.backup', { targetId: target.id })).state).toBe('succeeded');
    const [snap] = await h.call<SnapshotRow[]>('recovery.snapshots', { targetId: target.id });
    const secrets = await h.call<SnapshotTreeEntry[]>('recovery.snapshot.tree', { snapshotId: snap!.id, dir: 'shop/secrets' });
    expect(secrets.map((e) => e.name)).toEqual(['db-password.yaml']);
    const repo = await Repository.open(path.join(h.dataDir, 'backups'), 'correct horse battery staple');
    const chunks: Buffer[] = [];
    for await (const c of await repo.openFile(snap!.id, 'shop/deployments/web.yaml')) chunks.push(c as Buffer);
    const doc = parse(Buffer.concat(chunks).toString('utf8')) as { kind: string; metadata: Record<string, unknown>; status?: unknown };
    expect(doc.kind).toBe('Deployment');
    expect(Object.keys(doc.metadata).sort()).toEqual(['name', 'namespace']);
    expect(doc.status).toBeUndefined();

    const plan = await h.call<RecoveryPlan>('recovery.plans.save', {
      name: 'shop',
      steps: [
        { kind: 'restore', targetId: target.id, into: { kind: 'kubernetes', namespaces: {} } },
        { kind: 'wait-ready', context: 'test', namespace: 'shop', deployment: 'web', timeoutMs: 20_000 },
        { kind: 'scale', context: 'test', namespace: 'shop', deployment: 'web', replicas: 3 },
        { kind: 'wait-ready', context: 'test', namespace: 'shop', deployment: 'web', timeoutMs: 20_000 },
      ],
    });
    const drill = await h.job('recovery.drills.run', { planId: plan.id });
    expect(drill.state, drill.message ?? '').toBe('succeeded');
    const [result] = await h.call<DrillResult[]>('recovery.drills.list', {});
    expect(result).toMatchObject({ succeeded: true, rtoMet: true });
    // The drill ran in a scratch namespace, left the real one alone and deleted its own.
    expect((server.store.get('deployments', 'shop', 'web') as unknown as { spec: { replicas: number } }).spec.replicas).toBe(2);
    const scratch = server.store.list('namespaces').filter((n) => n.metadata.name!.includes('drill'));
    for (const n of scratch) expect(n.metadata.deletionTimestamp ?? null).not.toBeNull();
    expect(drill.steps?.map((st) => st.state)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
  });
});
