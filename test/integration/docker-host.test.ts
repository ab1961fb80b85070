import { afterEach, describe, expect, it } from 'vitest';
import type {
  DockerContainerDetail,
  DockerContainerList,
  DockerEngines,
  DockerEventRow,
  DockerLogRead,
  DockerStatsHistory,
  DockerLogChunk,
} from '../../src/contract';
import { runContainer, removeAllContainers } from '../docker';
import { dockerdForFile } from '../docker/perFile';
import { dockerTestHost, type DockerTestHost } from '../docker/host';
import { eventually } from '../helpers/eventually';

const dockerd = dockerdForFile();
let t: DockerTestHost;

afterEach(async () => {
  await removeAllContainers(dockerd());
});

const logger = 'i=0; while true; do echo "out $i"; echo "err $i" >&2; i=$((i+1)); sleep 0.2; done';

describe('Docker engines through the host', () => {
  it('connects to the private engine and reports its version', async () => {
    t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    const version = await dockerd().docker.version();
    const engines = await eventually(async () => {
      const e = await t.call<DockerEngines>('docker.engines', {});
      expect(e.engines[0]?.state).toBe('connected');
      return e;
    });
    expect(engines.hint).toBeNull();
    expect(engines.engines).toEqual([
      expect.objectContaining({ name: 'private', endpoint: dockerd().host, source: 'option', tls: 'none', message: null, version: version.Version, apiVersion: version.ApiVersion, product: expect.stringMatching(/\S/) }),
    ]);
    expect(t.emitted('docker.enginesChanged').at(-1)).toEqual(engines);
  });

  it('lists containers grouped by Compose project with state, health, restart count and live stats', async () => {
    await runContainer(dockerd(), { name: 'shop-web-1', script: logger, labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' } });
    await runContainer(dockerd(), { name: 'shop-db-1', script: 'sleep 3600', labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db' } });
    await runContainer(dockerd(), {
      name: 'healthy',
      script: 'sleep 3600',
      healthcheck: { test: ['CMD', '/bin/busybox', 'true'], intervalMs: 300 },
    });
    const exited = await runContainer(dockerd(), { name: 'exits', script: 'echo bye; exit 3' });
    await exited.wait();
    t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);

    const list = await eventually(async () => {
      const l = await t.call<DockerContainerList>('docker.containers', {});
      expect(l.synced).toBe(true);
      expect(l.groups.flatMap((g) => g.containers).find((r) => r.name === 'healthy')?.health).toBe('healthy');
      return l;
    });
    expect(list.total).toBe(4);
    expect(list.groups.map((g) => [g.engine, g.project, g.running, g.total, g.containers.map((c) => c.name)])).toEqual([
      ['private', 'shop', 2, 2, ['shop-db-1', 'shop-web-1']],
      ['private', null, 1, 2, ['exits', 'healthy']],
    ]);
    const exits = await t.row('exits');
    expect(exits).toMatchObject({ state: 'exited', exitCode: 3, status: 'Exited (3)', health: 'none', restartCount: 0, stats: null, image: 'opsdeck-busybox:test' });
    expect((await t.row('healthy')).status).toBe('Up (healthy)');
    expect(await t.row('shop-web-1')).toMatchObject({ composeProject: 'shop', composeService: 'web', state: 'running', exitCode: null });

    // Filters and sorts are applied by the host.
    const filtered = await t.call<DockerContainerList>('docker.containers', { text: 'shop', state: 'running', sort: 'name', dir: 'desc' });
    expect(filtered.matched).toBe(2);
    expect(filtered.groups[0]!.containers.map((c) => c.name)).toEqual(['shop-web-1', 'shop-db-1']);

    // Stats: real memory in use, under the host's limit; a history for the chart.
    const web = await eventually(async () => {
      const r = await t.row('shop-web-1');
      expect(r.spark.memoryBytes.length).toBeGreaterThanOrEqual(2);
      return r;
    });
    expect(web.stats!.memoryBytes).toBeGreaterThan(0);
    expect(web.stats!.memoryLimitBytes).toBeGreaterThan(web.stats!.memoryBytes);
    expect(web.stats!.pids).toBeGreaterThanOrEqual(1);
    const history = await t.call<DockerStatsHistory>('docker.stats', { engine: 'private', id: web.id });
    expect(history.samples.length).toBeGreaterThanOrEqual(2);
    expect(history.samples.at(-1)!.memoryBytes).toBeGreaterThan(0);
    expect(history.intervalMs).toBe(500);
    // The memory figure is the engine's own: the same as a direct reading, give or take page cache churn.
    const raw = (await dockerd().docker.getContainer(web.id).stats({ stream: false })) as { memory_stats: { usage: number } };
    expect(raw.memory_stats.usage).toBeGreaterThanOrEqual(history.samples.at(-1)!.memoryBytes / 4);
  });

  it('reads CPU use of a busy container as the docker CLI does', async () => {
    await runContainer(dockerd(), { name: 'busy', script: 'while true; do :; done' });
    t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    const busy = await eventually(async () => {
      const r = await t.row('busy');
      expect(r.stats?.cpuPercent ?? 0).toBeGreaterThan(5);
      return r;
    }, 20_000);
    expect(busy.spark.cpuPercent.at(-1)).toBe(busy.stats!.cpuPercent);
  });

  it('reads logs with stdout and stderr apart, with timestamps, and follows them', async () => {
    const c = await runContainer(dockerd(), { name: 'talker', script: 'echo first; echo oops >&2; sleep 0.2; echo second; sleep 3600' });
    await runContainer(dockerd(), { name: 'tty', script: 'echo on-a-tty; echo also >&2; sleep 3600', tty: true });
    t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    const id = (await eventually(() => t.row('talker'))).id;

    const read = await eventually(async () => {
      const r = await t.call<DockerLogRead>('docker.logs', { engine: 'private', id });
      expect(r.lines).toHaveLength(3);
      return r;
    });
    // The engine reads stdout and stderr through separate pipes: their order relative to each other is not kept.
    expect(read.tty).toBe(false);
    expect(read.truncated).toBe(false);
    expect(read.lines.filter((l) => l.stream === 'stdout')).toEqual([
      { stream: 'stdout', ts: null, text: 'first' },
      { stream: 'stdout', ts: null, text: 'second' },
    ]);
    expect(read.lines.filter((l) => l.stream === 'stderr')).toEqual([{ stream: 'stderr', ts: null, text: 'oops' }]);
    const tail = await t.call<DockerLogRead>('docker.logs', { engine: 'private', id, tailLines: 1, timestamps: true });
    expect(tail.truncated).toBe(true);
    expect(tail.lines).toEqual([{ stream: 'stdout', ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/), text: 'second' }]);

    const ttyId = (await t.row('tty')).id;
    const raw = await eventually(async () => {
      const r = await t.call<DockerLogRead>('docker.logs', { engine: 'private', id: ttyId });
      expect(r.lines).toHaveLength(2);
      return r;
    });
    expect(raw).toEqual({ tty: true, truncated: false, lines: [{ stream: 'stdout', ts: null, text: 'on-a-tty' }, { stream: 'stdout', ts: null, text: 'also' }] });

    const follow = await t.call<{ streamId: string; tty: boolean }>('docker.logs.follow', { engine: 'private', id, tailLines: 0 });
    expect(follow.tty).toBe(false);
    const chunks = () => t.emitted('docker.logChunk').filter((ch: DockerLogChunk) => ch.streamId === follow.streamId);
    await c.kill({ signal: 'SIGKILL' });
    await eventually(() => expect(chunks().at(-1)?.ended).toBe(true));

    const live = await runContainer(dockerd(), { name: 'live', script: logger });
    const second = await t.call<{ streamId: string }>('docker.logs.follow', { engine: 'private', id: (await eventually(() => t.row('live'))).id, tailLines: 0 });
    await eventually(() => {
      const lines = t.emitted('docker.logChunk').filter((ch) => ch.streamId === second.streamId).flatMap((ch) => ch.lines);
      expect(lines.some((l) => l.stream === 'stdout' && /^out \d+$/.test(l.text))).toBe(true);
      expect(lines.some((l) => l.stream === 'stderr' && /^err \d+$/.test(l.text))).toBe(true);
    });
    expect(await t.call('docker.logs.stop', { streamId: second.streamId })).toEqual({ stopped: true });
    expect(t.emitted('docker.logChunk').filter((ch) => ch.streamId === second.streamId).at(-1)?.ended).toBe(true);
    expect(await t.call('docker.logs.stop', { streamId: second.streamId })).toEqual({ stopped: false });
    await live.remove({ force: true });
  });

  it('inspects a container', async () => {
    await runContainer(dockerd(), { name: 'inspected', script: 'sleep 3600', labels: { team: 'sre' }, volumes: ['inspected-data:/data'] });
    t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    const row = await eventually(() => t.row('inspected'));
    const detail = await t.call<DockerContainerDetail>('docker.inspect', { engine: 'private', id: row.id.slice(0, 12) });
    expect(detail).toMatchObject({
      row: { id: row.id, name: 'inspected' },
      tty: false,
      cmd: ['/bin/busybox', 'sh', '-c', 'sleep 3600'],
      labels: { team: 'sre' },
      mounts: [{ type: 'volume', name: 'inspected-data', destination: '/data', readWrite: true }],
      networks: ['none'],
      restartPolicy: 'no',
    });
    expect(JSON.parse(detail.json).Id).toBe(row.id);
    expect(await t.failure('docker.inspect', { engine: 'private', id: 'abcdefabcdef' })).toBe('NOT_FOUND No container abcdefabcdef on private.');
    expect(await t.failure('docker.inspect', { engine: 'nowhere', id: row.id })).toBe('NOT_FOUND No engine named nowhere.');
    expect((await t.failure('docker.inspect', { engine: 'private', id: 'not-an-id' })).startsWith('BAD_REQUEST')).toBe(true);
  });

  it('turns engine events into a timeline and signals: died, OOM-killed, unhealthy, restart loop', async () => {
    t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    await eventually(async () => expect((await t.call<DockerEngines>('docker.engines', {})).engines[0]?.state).toBe('connected'));

    const exits = await runContainer(dockerd(), { name: 'crasher', script: 'exit 3', labels: { 'com.docker.compose.project': 'shop' } });
    await exits.wait();
    // It waits a moment so the engine watches its memory cgroup before the limit is hit.
    await runContainer(dockerd(), { name: 'hog', script: 'sleep 1; x=aaaaaaaaaaaaaaaa; while true; do x=$x$x; done', memoryBytes: 32 * 1024 * 1024 });
    await runContainer(dockerd(), { name: 'sick', script: 'sleep 3600', healthcheck: { test: ['CMD', '/bin/busybox', 'false'], intervalMs: 200 } });
    await runContainer(dockerd(), { name: 'looper', script: 'exit 1', restart: 'always' });
    const killed = await runContainer(dockerd(), { name: 'killed', script: 'sleep 3600' });
    await killed.kill();

    const signals = await eventually(() => {
      const s = t.signals();
      expect(s.map((x) => `${x.kind} ${x.containerName}`)).toEqual(
        expect.arrayContaining(['died crasher', 'oomKilled hog', 'unhealthy sick', 'restartLoop looper']),
      );
      return s;
    }, 20_000);
    expect(signals.find((s) => s.kind === 'died' && s.containerName === 'crasher')).toMatchObject({
      engine: 'private',
      value: 3,
      composeProject: 'shop',
      message: 'crasher exited with code 3.',
    });
    // A kill asked for, and the OOM kill already reported, raise no "died".
    expect(signals.filter((s) => s.kind === 'died').map((s) => s.containerName)).not.toContain('killed');
    expect(signals.filter((s) => s.kind === 'died').map((s) => s.containerName)).not.toContain('hog');
    expect((await t.row('hog')).oomKilled).toBe(true);

    const timeline = await t.call<DockerEventRow[]>('docker.events', { engine: 'private', type: 'container', limit: 2000 });
    const seen = (name: string) => timeline.filter((e) => e.name === name).map((e) => e.action);
    expect(seen('crasher')).toEqual(expect.arrayContaining(['create', 'start', 'die']));
    expect(seen('hog')).toEqual(expect.arrayContaining(['oom', 'die']));
    expect(seen('sick')).toContain('health_status: unhealthy');
    expect(seen('killed')).toEqual(expect.arrayContaining(['kill', 'die']));
    expect(timeline.every((e, i) => i === 0 || timeline[i - 1]!.at >= e.at)).toBe(true);
    expect(timeline.some((e) => e.action.startsWith('exec_'))).toBe(false);
    const crasherId = (await t.row('crasher')).id;
    const onlyDies = await t.call<DockerEventRow[]>('docker.events', { action: 'die', id: crasherId });
    expect(onlyDies.map((e) => [e.action, e.name, e.attributes.exitCode])).toEqual([['die', 'crasher', '3']]);
    expect(t.emitted('docker.changed').some((c) => c.engine === 'private' && c.kinds.includes('events'))).toBe(true);
  });
});
