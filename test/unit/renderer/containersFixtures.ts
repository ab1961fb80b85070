import type { DockerComposeGroup, DockerContainerList, DockerContainerRow, DockerEngineInfo, DockerEngines, DockerStatsSample } from '@contract';
import type { Handlers } from './helpers/fakeClient';
import { NOW } from './helpers/renderApp';

export const MIB = 1024 ** 2;

export const engine = (over: Partial<DockerEngineInfo> = {}): DockerEngineInfo => ({
  name: 'default',
  endpoint: 'unix:///var/run/docker.sock',
  source: 'default',
  tls: 'none',
  state: 'connected',
  message: null,
  product: 'Docker Engine - Community',
  version: '27.3.1',
  apiVersion: '1.47',
  os: 'linux',
  arch: 'amd64',
  current: true,
  lastAttemptAt: NOW,
  nextRetryAt: null,
  containers: { total: 3, running: 2 },
  ...over,
});

export const engines = (list: DockerEngineInfo[] = [engine()]): DockerEngines => ({ engines: list, problems: [], hint: list.length ? null : 'No Docker or Podman engine found.' });

export const stats = (over: Partial<DockerStatsSample> = {}): DockerStatsSample => ({
  at: NOW,
  cpuPercent: 12.5,
  memoryBytes: 64 * MIB,
  memoryLimitBytes: 512 * MIB,
  memoryPercent: 12.5,
  netRxBytes: 2048,
  netTxBytes: 1024,
  blockReadBytes: 4096,
  blockWriteBytes: 0,
  pids: 3,
  ...over,
});

let serial = 0;
/** A container row; ids are 64 hex digits made from a counter. */
export function container(name: string, over: Partial<DockerContainerRow> = {}): DockerContainerRow {
  const id = (++serial).toString(16).padStart(64, '0');
  const running = (over.state ?? 'running') === 'running';
  return {
    engine: 'default',
    id,
    name,
    image: 'nginx:1.27',
    imageId: `sha256:${'b'.repeat(64)}`,
    command: 'nginx -g daemon off;',
    state: 'running',
    status: running ? 'Up 5 minutes' : 'Exited (0) 1 minute ago',
    health: 'none',
    createdAt: NOW - 600_000,
    startedAt: running ? NOW - 300_000 : NOW - 400_000,
    finishedAt: running ? null : NOW - 60_000,
    exitCode: running ? null : 0,
    oomKilled: false,
    restartCount: 0,
    ports: [],
    composeProject: null,
    composeService: null,
    stats: running ? stats() : null,
    spark: running ? { cpuPercent: [5, 10, 12.5], memoryBytes: [60 * MIB, 62 * MIB, 64 * MIB] } : { cpuPercent: [], memoryBytes: [] },
    ...over,
  };
}

export const group = (project: string | null, containers: DockerContainerRow[]): DockerComposeGroup => ({
  project,
  engine: containers[0]?.engine ?? 'default',
  running: containers.filter((c) => c.state === 'running').length,
  total: containers.length,
  containers,
});

export const list = (groups: DockerComposeGroup[]): DockerContainerList => {
  const total = groups.reduce((n, g) => n + g.total, 0);
  return { total, matched: total, groups, synced: true, statsIntervalMs: 2000 };
};

export const WEB = container('shop-web-1', { startedAt: Date.now() - 300_000, composeProject: 'shop', composeService: 'web', ports: [{ privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0' }, { privatePort: 80, publicPort: 8080, type: 'tcp', ip: '::' }], health: 'healthy', restartCount: 2 });
export const DB = container('shop-db-1', { composeProject: 'shop', composeService: 'db', image: 'postgres:16' });
export const LONE = container('scratch', { state: 'exited', image: 'busybox' });

export const defaultList = () => list([group('shop', [WEB, DB]), group(null, [LONE])]);

/** A host with one engine and the containers above; each answer replaceable. */
export function dockerHost(over: Handlers = {}): Handlers {
  return {
    'docker.engines': () => engines(),
    'docker.containers': () => defaultList(),
    'docker.inspect': ({ id }) => {
      const row = [WEB, DB, LONE].find((c) => c.id === id)!;
      return { row, tty: false, entrypoint: [], cmd: ['sh', '-c', 'serve'], env: [], labels: {}, mounts: [], networks: ['bridge'], restartPolicy: 'no', json: `{\n  "Id": "${row.id}"\n}` };
    },
    'docker.stats': ({ engine: e, id }) => ({ engine: e, id, intervalMs: 2000, samples: [stats({ at: NOW - 2000, netRxBytes: 0 }), stats()] }),
    'docker.events': () => [],
    'docker.logs': () => ({ lines: [], tty: false, truncated: false }),
    'docker.logs.stop': () => ({ stopped: true }),
    ...over,
  };
}
