import { describe, expect, it } from 'vitest';
import type { DockerContainerRow } from '../../../src/contract';
import { groupContainers } from '../../../src/docker/containerQuery';

const row = (name: string, extra: Partial<DockerContainerRow> = {}): DockerContainerRow => ({
  engine: 'local',
  id: `${name.padEnd(12, '0').replace(/[^a-f0-9]/g, 'a')}`,
  name,
  image: 'busybox',
  imageId: 'sha256:1',
  command: 'sh',
  state: 'running',
  status: 'Up',
  health: 'none',
  createdAt: 0,
  startedAt: 1000,
  finishedAt: null,
  exitCode: null,
  oomKilled: false,
  restartCount: 0,
  ports: [],
  composeProject: null,
  composeService: null,
  stats: null,
  spark: { cpuPercent: [], memoryBytes: [] },
  ...extra,
});

const stats = (cpuPercent: number, memoryBytes: number) => ({
  at: 0, cpuPercent, memoryBytes, memoryLimitBytes: 1, memoryPercent: 0, netRxBytes: 0, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1,
});

const rows = [
  row('web', { composeProject: 'shop', composeService: 'web', stats: stats(30, 100) }),
  row('db', { composeProject: 'shop', composeService: 'db', stats: stats(5, 900), restartCount: 4 }),
  row('api', { composeProject: 'billing', stats: stats(50, 10) }),
  row('loose', { state: 'exited', startedAt: 10 }),
  row('other', { engine: 'remote', startedAt: 500, stats: stats(1, 1) }),
];
const all = { sort: 'name', dir: 'asc' } as const;
const shape = (r: ReturnType<typeof groupContainers>) => r.groups.map((g) => [g.engine, g.project, `${g.running}/${g.total}`, g.containers.map((c) => c.name).join(',')]);

describe('container list query', () => {
  it('groups by engine, then Compose projects by name, loose containers last', () => {
    expect(shape(groupContainers(rows, all, 5000))).toEqual([
      ['local', 'billing', '1/1', 'api'],
      ['local', 'shop', '2/2', 'db,web'],
      ['local', null, '0/1', 'loose'],
      ['remote', null, '1/1', 'other'],
    ]);
  });

  it('sorts inside each group by figures; stopped containers have no uptime and sort first ascending', () => {
    expect(shape(groupContainers(rows, { sort: 'cpu', dir: 'desc' }, 5000))[1]).toEqual(['local', 'shop', '2/2', 'web,db']);
    expect(shape(groupContainers(rows, { sort: 'memory', dir: 'desc' }, 5000))[1]).toEqual(['local', 'shop', '2/2', 'db,web']);
    expect(shape(groupContainers(rows, { sort: 'restarts', dir: 'desc' }, 5000))[1]).toEqual(['local', 'shop', '2/2', 'db,web']);
    const byUptime = groupContainers([rows[3]!, rows[0]!, row('young', { startedAt: 4000 })], { sort: 'uptime', dir: 'asc' }, 5000);
    expect(byUptime.groups.flatMap((g) => g.containers.map((c) => c.name))).toEqual(['web', 'loose', 'young']);
  });

  it('filters by text (name, image, project, service, id prefix), state and project', () => {
    expect(groupContainers(rows, { ...all, text: 'SHOP' }, 0).matched).toBe(2);
    expect(groupContainers(rows, { ...all, text: 'db' }, 0).groups[0]!.containers.map((c) => c.name)).toEqual(['db']);
    expect(groupContainers(rows, { ...all, state: 'exited' }, 0).groups.map((g) => g.containers[0]!.name)).toEqual(['loose']);
    expect(groupContainers(rows, { ...all, project: 'billing' }, 0).matched).toBe(1);
    expect(groupContainers(rows, { ...all, text: 'nothing-like-it' }, 0)).toEqual({ matched: 0, groups: [] });
  });
});
