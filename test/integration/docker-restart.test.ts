import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DockerEngines } from '../../src/contract';
import { runContainer, removeAllContainers } from '../docker';
import { dockerdForFile } from '../docker/perFile';
import { dockerTestHost, type DockerTestHost } from '../docker/host';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';

const dockerd = dockerdForFile();

afterEach(async () => {
  await removeAllContainers(dockerd());
});

const engine = async (host: DockerTestHost, name: string) => (await host.call<DockerEngines>('docker.engines', {})).engines.find((e) => e.name === name)!;

describe('Docker engine connections', () => {
  it('recovers when the engine restarts under it: state, list, events and stats come back', async () => {
    await runContainer(dockerd(), { name: 'keeper', script: 'sleep 3600', restart: 'always' });
    await runContainer(dockerd(), { name: 'plain', script: 'sleep 3600' });
    const host = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    const before = await eventually(async () => {
      const keeper = await host.row('keeper');
      expect(keeper.stats).not.toBeNull();
      return keeper;
    });

    await dockerd().restart();

    // The engine went away and came back; Opsdeck said so, then reconnected by itself.
    await eventually(async () => {
      const states = host.emitted('docker.enginesChanged').map((e) => e.engines.find((x) => x.name === 'private')?.state);
      expect(states).toContain('unreachable');
      expect(states.at(-1)).toBe('connected');
    }, 30_000);
    const unreachable = host.emitted('docker.enginesChanged').map((e) => e.engines[0]!).find((e) => e.state === 'unreachable')!;
    expect(unreachable.message).not.toBeNull();
    expect(unreachable.nextRetryAt).toBeGreaterThanOrEqual(unreachable.lastAttemptAt!);

    // The restart policy brought keeper back; plain stayed down, as the engine left them.
    await eventually(async () => {
      const keeper = await host.row('keeper');
      expect(keeper).toMatchObject({ state: 'running' });
      expect(keeper.startedAt).toBeGreaterThan(before.startedAt!);
      expect((await host.row('plain')).state).toBe('exited');
    }, 20_000);
    // Stats read again from the new engine.
    await eventually(async () => expect((await host.row('keeper')).stats!.at).toBeGreaterThan(Date.now() - 5000), 20_000);

    // The event stream is live again: a container made now shows up without any refresh.
    await runContainer(dockerd(), { name: 'after-restart', script: 'sleep 3600' });
    await eventually(async () => expect((await host.row('after-restart')).state).toBe('running'));
    expect((await engine(host, 'private')).message).toBeNull();
  });

  it('reports an engine whose socket is missing as unreachable, and keeps the others working', async () => {
    const missing = path.join(tempDir(), 'docker.sock');
    const host = await dockerTestHost([
      { name: 'private', host: dockerd().host },
      { name: 'missing', host: `unix://${missing}` },
    ]);
    await eventually(async () => {
      expect(await engine(host, 'missing')).toMatchObject({
        state: 'unreachable',
        message: `connect ENOENT ${missing} (the socket does not exist: is the engine running?)`,
        version: null,
      });
      expect((await engine(host, 'private')).state).toBe('connected');
    });
    expect((await host.call<DockerEngines>('docker.engines', {})).hint).toBeNull();
    // Its list is empty and says it is not synced, rather than failing the whole view.
    expect(await host.call('docker.containers', { engine: 'missing' })).toMatchObject({ total: 0, matched: 0, groups: [], synced: false });
  });
});
