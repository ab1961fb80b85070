import { afterEach, describe, expect, it } from 'vitest';
import type {
  ActionResult,
  AuditEntry,
  DockerContainerRow,
  DockerEngines,
  DockerImageRow,
  DockerPrunePlan,
  DockerPruneResult,
  DockerReclaimable,
  DockerVolumeRow,
} from '../../src/contract';
import { BUSYBOX_IMAGE, importBusybox, runContainer, removeAllContainers } from '../docker';
import { dockerdForFile } from '../docker/perFile';
import { dockerTestHost, type DockerTestHost } from '../docker/host';
import { eventually } from '../helpers/eventually';

const dockerd = dockerdForFile();
let t: DockerTestHost;

afterEach(async () => {
  await removeAllContainers(dockerd());
  await dockerd().docker.pruneVolumes();
});

async function connectedHost(): Promise<DockerTestHost> {
  t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
  await eventually(async () => expect((await t.call<DockerEngines>('docker.engines', {})).engines[0]?.state).toBe('connected'));
  return t;
}

/** Runs an action and waits until the container list shows its effect. */
async function act(action: Record<string, unknown>, until: (row: DockerContainerRow | undefined) => void): Promise<ActionResult> {
  const result = await t.call<ActionResult>('docker.action', { engine: 'private', ...action });
  await eventually(async () => until((await t.rows()).find((r) => r.id === action.id)));
  return result;
}

describe('Docker actions, images, volumes and prune', () => {
  it('runs every container action, each recorded in the audit log', async () => {
    await connectedHost();
    await runContainer(dockerd(), { name: 'target', script: 'trap "exit 0" TERM; while true; do sleep 0.1; done' });
    const id = (await eventually(() => t.row('target'))).id;

    expect(await act({ action: 'container.stop', id, timeoutSeconds: 5 }, (r) => expect(r?.state).toBe('exited'))).toMatchObject({ message: 'Stopped target.' });
    expect((await t.row('target')).exitCode).toBe(0);
    await act({ action: 'container.start', id }, (r) => expect(r?.state).toBe('running'));
    const startedAt = (await t.row('target')).startedAt!;
    await act({ action: 'container.restart', id, timeoutSeconds: 5 }, (r) => expect(r?.startedAt).toBeGreaterThan(startedAt));
    await act({ action: 'container.pause', id }, (r) => expect(r?.state).toBe('paused'));
    await act({ action: 'container.unpause', id }, (r) => expect(r?.state).toBe('running'));
    expect(await act({ action: 'container.kill', id }, (r) => expect(r).toMatchObject({ state: 'exited', exitCode: 137 }))).toMatchObject({
      message: 'Sent SIGKILL to target.',
    });
    const removed = await act({ action: 'container.remove', id }, (r) => expect(r).toBeUndefined());
    expect(removed.message).toBe('Removed target.');

    // A refused action is recorded too, in the engine's words.
    expect(await t.failure('docker.action', { engine: 'private', action: 'container.start', id })).toMatch(/^NOT_FOUND container.start [a-f0-9]{12}: No such container/);

    const audit = await t.call<AuditEntry[]>('audit.list', { limit: 20 });
    expect(audit.map((e) => [e.action, e.result, e.context]).reverse()).toEqual([
      ['container.stop', 'ok', 'private'],
      ['container.start', 'ok', 'private'],
      ['container.restart', 'ok', 'private'],
      ['container.pause', 'ok', 'private'],
      ['container.unpause', 'ok', 'private'],
      ['container.kill', 'ok', 'private'],
      ['container.remove', 'ok', 'private'],
      ['container.start', 'error', 'private'],
    ]);
    expect(audit.at(-1)).toMatchObject({ actor: expect.stringContaining('(serve)'), target: { id, name: 'target', timeoutSeconds: 5 }, message: 'Stopped target.' });
    expect(audit.find((e) => e.action === 'container.kill')!.target).toEqual({ id, name: 'target', signal: 'SIGKILL' });
    expect(t.emitted('audit.appended').map((e) => e.id).sort()).toEqual(audit.map((e) => e.id).sort());
    expect(removed.auditId).toBe(audit.find((e) => e.action === 'container.remove')!.id);
  });

  it('lists images with dangling and unused marked, and removes one', async () => {
    await connectedHost();
    const oldId = await importBusybox(dockerd(), 'opsdeck-extra:v1', 'first');
    // Tagging another image with the same name leaves the old one without a tag: dangling.
    const newId = await importBusybox(dockerd(), 'opsdeck-extra:v1', 'second');
    await runContainer(dockerd(), { name: 'user', script: 'sleep 3600' });
    const images = await eventually(async () => {
      const list = await t.call<DockerImageRow[]>('docker.images', { engine: 'private' });
      expect(list.find((i) => i.tags.includes(BUSYBOX_IMAGE))?.containers).toBe(1);
      return list;
    });
    expect(images.map((i) => [i.tags, i.dangling, i.unused])).toEqual([
      [[BUSYBOX_IMAGE], false, false],
      [['opsdeck-extra:v1'], false, true],
      [[], true, true],
    ]);
    expect(images.map((i) => i.id)).toEqual([expect.any(String), newId, oldId]);
    expect(images.every((i) => i.sizeBytes > 1000 && i.createdAt > 0)).toBe(true);

    const done = await t.call<ActionResult>('docker.action', { engine: 'private', action: 'image.remove', id: newId });
    expect(done.message).toBe(`Removed image ${newId.slice(7, 19)}.`);
    expect((await t.call<DockerImageRow[]>('docker.images', { engine: 'private' })).map((i) => i.id)).not.toContain(newId);
    const inUse = (await t.call<DockerImageRow[]>('docker.images', { engine: 'private' })).find((i) => i.tags.includes(BUSYBOX_IMAGE))!.id;
    expect(await t.failure('docker.action', { engine: 'private', action: 'image.remove', id: inUse })).toMatch(/^BAD_REQUEST image.remove .*conflict/);
    await dockerd().docker.getImage(oldId).remove();
  });

  it('lists volumes with the containers that use them and their size', async () => {
    await connectedHost();
    await dockerd().docker.createVolume({ Name: 'orphan', Labels: { 'com.docker.compose.project': 'shop' } });
    await runContainer(dockerd(), { name: 'writer', script: 'echo hello > /data/file; sleep 3600', volumes: ['used:/data'] });
    const volumes = await eventually(async () => {
      const list = await t.call<DockerVolumeRow[]>('docker.volumes', { engine: 'private' });
      expect(list.find((v) => v.name === 'used')?.sizeBytes).toBeGreaterThan(0);
      return list;
    });
    expect(volumes.map((v) => [v.name, v.unused, v.usedBy.map((u) => u.name), v.composeProject, v.driver])).toEqual([
      ['orphan', true, [], 'shop', 'local'],
      ['used', false, ['writer'], null, 'local'],
    ]);
    expect(volumes.find((v) => v.name === 'orphan')!.sizeBytes).toBe(0);
  });

  it('previews a prune, prunes exactly that, and reports what is reclaimable', async () => {
    await connectedHost();
    const stopped = await runContainer(dockerd(), { name: 'stopped', script: 'head -c 100000 /bin/busybox > /junk; exit 0' });
    await stopped.wait();
    await runContainer(dockerd(), { name: 'running', script: 'sleep 3600' });
    const danglingId = await importBusybox(dockerd(), 'opsdeck-prune:v1', 'a');
    await importBusybox(dockerd(), 'opsdeck-prune:v1', 'b');
    await dockerd().docker.createVolume({ Name: 'unused' });

    const reclaimable = await eventually(async () => {
      const r = await t.call<DockerReclaimable[]>('docker.reclaimable', {});
      expect(r[0]?.stoppedContainers.count).toBe(1);
      return r;
    });
    expect(reclaimable).toEqual([
      {
        engine: 'private',
        at: expect.any(Number),
        stoppedContainers: { count: 1, bytes: expect.any(Number) },
        danglingImages: { count: 1, bytes: expect.any(Number) },
        unusedVolumes: { count: 1, bytes: 0 },
        totalBytes: expect.any(Number),
      },
    ]);
    expect(reclaimable[0]!.stoppedContainers.bytes).toBeGreaterThanOrEqual(100_000);
    expect(reclaimable[0]!.danglingImages.bytes).toBeGreaterThan(100_000);

    const plan = await t.call<DockerPrunePlan>('docker.prunePreview', { engine: 'private', targets: ['containers', 'images', 'volumes'] });
    expect(plan.containers.map((c) => c.name)).toEqual(['stopped']);
    expect(plan.images.map((i) => i.id)).toEqual([danglingId]);
    expect(plan.volumes.map((v) => v.name)).toEqual(['unused']);
    expect(plan.reclaimableBytes).toBe(reclaimable[0]!.totalBytes);
    const onlyVolumes = await t.call<DockerPrunePlan>('docker.prunePreview', { engine: 'private', targets: ['volumes'] });
    expect([onlyVolumes.containers, onlyVolumes.images, onlyVolumes.volumes.length]).toEqual([[], [], 1]);

    const result = await t.call<DockerPruneResult>('docker.prune', { engine: 'private', targets: ['containers', 'images', 'volumes'] });
    expect(result.removed).toEqual({ containers: [plan.containers[0]!.id], images: [danglingId], volumes: ['unused'] });
    expect(result.reclaimedBytes).toBeGreaterThanOrEqual(plan.containers[0]!.sizeBytes! + plan.images[0]!.sizeBytes);
    expect(result.message).toBe(`Removed 1 containers, 1 images and 1 volumes; freed ${result.reclaimedBytes} bytes.`);
    const audit = await t.call<AuditEntry[]>('audit.list', { limit: 1 });
    expect(audit[0]).toMatchObject({ id: result.auditId, action: 'prune', context: 'private', target: { targets: 'containers,images,volumes' }, result: 'ok' });
    await eventually(async () => expect((await t.rows()).map((r) => r.name)).toEqual(['running']));
    expect(await t.call<DockerPrunePlan>('docker.prunePreview', { engine: 'private', targets: ['containers', 'images', 'volumes'] })).toEqual({
      engine: 'private',
      containers: [],
      images: [],
      volumes: [],
      reclaimableBytes: 0,
    });
  });

  it('adds and removes a remote engine; one that does not answer is unreachable in its own words', async () => {
    await connectedHost();
    const added = await t.call<DockerEngines>('docker.addEngine', { name: 'remote', host: 'tcp://127.0.0.1:1', tls: { mode: 'none' } });
    expect(added.engines.map((e) => [e.name, e.source])).toEqual([
      ['private', 'option'],
      ['remote', 'added'],
    ]);
    await eventually(async () => {
      const remote = (await t.call<DockerEngines>('docker.engines', {})).engines.find((e) => e.name === 'remote');
      expect(remote).toMatchObject({ state: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:1', version: null });
      expect(remote!.nextRetryAt).toBeGreaterThan(remote!.lastAttemptAt!);
    });
    expect(await t.failure('docker.images', { engine: 'remote' })).toBe('UNAVAILABLE Engine remote is unreachable: connect ECONNREFUSED 127.0.0.1:1.');
    expect(await t.failure('docker.addEngine', { name: 'remote', host: 'tcp://127.0.0.1:2', tls: { mode: 'none' } })).toBe('BAD_REQUEST An engine named remote exists already.');
    expect(await t.failure('docker.addEngine', { name: 'x', host: 'ssh://host', tls: { mode: 'none' } })).toMatch(/^BAD_REQUEST .*tcp:\/\/host:port/);
    // PEM text goes to the keychain, which this host does not have: refused, nothing stored.
    const pem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(await t.failure('docker.addEngine', { name: 'secure', host: 'tcp://127.0.0.1:2376', tls: { mode: 'keychain', ca: pem, cert: pem, key: pem } })).toMatch(
      /^UNAVAILABLE Secret not stored/,
    );
    const removed = await t.call<DockerEngines>('docker.removeEngine', { name: 'remote' });
    expect(removed.engines.map((e) => e.name)).toEqual(['private']);
    expect(await t.failure('docker.removeEngine', { name: 'private' })).toMatch(/^NOT_FOUND private is not an added engine/);
  });
});
