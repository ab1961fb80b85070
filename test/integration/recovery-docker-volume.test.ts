import { describe, expect, it } from 'vitest';
import type { DockerEngines, RecoveryTarget, SnapshotRow, SnapshotTreeEntry } from '../../src/contract';
import { BUSYBOX_IMAGE, runContainer } from '../docker';
import { dockerdForFile } from '../docker/perFile';
import { cleanupAfterEach } from '../helpers/cleanups';
import { eventually } from '../helpers/eventually';
import { recoveryTestHost } from '../helpers/recoveryHost';

const dockerd = dockerdForFile();
const cleanup = cleanupAfterEach();

/** Runs a busybox script with the volume mounted at /v and returns what it printed. */
async function inVolume(volume: string, script: string, name: string): Promise<string> {
  const c = await runContainer(dockerd(), { name, script, volumes: [`${volume}:/v`] });
  await c.wait();
  const out = (await c.logs({ stdout: true, stderr: true })) as Buffer;
  await c.remove({ force: true });
  // Non-TTY logs are multiplexed: 8-byte frame headers before each payload.
  const parts: Buffer[] = [];
  for (let i = 0; i + 8 <= out.length; ) {
    const size = out.readUInt32BE(i + 4);
    parts.push(out.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

const LISTING = 'cd /v && find . -type f | sort | while read f; do echo "$f $(md5sum < "$f" | cut -c1-32) $(stat -c %a "$f")"; done';

describe('Docker volume backup and restore', () => {
  it('round-trips a volume through the helper container into a new volume', async () => {
    const docker = dockerd().docker;
    await docker.createVolume({ Name: 'appdata' });
    await inVolume(
      'appdata',
      'mkdir -p /v/conf /v/db && echo "port=8080" > /v/conf/app.ini && chmod 600 /v/conf/app.ini && i=0; while [ $i -lt 200 ]; do echo "row $i" >> /v/db/rows.txt; i=$((i+1)); done && dd if=/dev/urandom of=/v/db/blob bs=1024 count=512 2>/dev/null',
      'fill',
    );
    const before = await inVolume('appdata', LISTING, 'list-before');
    expect(before.split('\n').filter(Boolean)).toHaveLength(3);

    const h = await recoveryTestHost({ dockerHosts: [{ name: 'private', host: dockerd().host }] });
    cleanup(() => h.stop());
    await eventually(async () => expect((await h.call<DockerEngines>('docker.engines', {})).engines[0]?.state).toBe('connected'));
    const target = await h.call<RecoveryTarget>('recovery.targets.save', {
      name: 'appdata',
      spec: { kind: 'docker-volume', engine: 'private', volume: 'appdata', helperImage: BUSYBOX_IMAGE },
    });
    const backup = await h.job('recovery.backup', { targetId: target.id });
    expect(backup.state, backup.message ?? '').toBe('succeeded');
    const [snap] = await h.call<SnapshotRow[]>('recovery.snapshots', { targetId: target.id });
    const files = await h.call<SnapshotTreeEntry[]>('recovery.snapshot.tree', { snapshotId: snap!.id, dir: '/' });
    expect(files.map((f) => f.name)).toEqual(['appdata.tar']);
    // Helper containers are removed once done.
    expect(await docker.listContainers({ all: true, filters: { label: ['org.opsdeck.recovery'] } })).toEqual([]);

    const restore = await h.job('recovery.restore', { snapshotId: snap!.id, into: { kind: 'docker-volume', volume: 'appdata-restored' } });
    expect(restore.state, restore.message ?? '').toBe('succeeded');
    expect(await inVolume('appdata-restored', LISTING, 'list-after')).toBe(before);
  });

  it('names the missing helper image instead of pulling it', async () => {
    await dockerd().docker.createVolume({ Name: 'cache' });
    const h = await recoveryTestHost({ dockerHosts: [{ name: 'private', host: dockerd().host }] });
    cleanup(() => h.stop());
    await eventually(async () => expect((await h.call<DockerEngines>('docker.engines', {})).engines[0]?.state).toBe('connected'));
    const r = await h.host.invoke('recovery.targets.save', { name: 'cache', spec: { kind: 'docker-volume', engine: 'private', volume: 'cache', helperImage: 'busybox:absent' } });
    expect(r.ok ? 'ok' : r.error.message).toBe('The helper image busybox:absent is not on engine private: pull it first.');
  });
});
