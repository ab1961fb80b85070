import type Docker from 'dockerode';
import { DOCKER_CONTAINER_STATES, type DockerContainerRow, type DockerContainerState, type DockerHealth, type DockerMount, type DockerPort } from '../contract';

/** A container row without its live figures, which the stats history adds. */
export type ContainerBase = Omit<DockerContainerRow, 'stats' | 'spark'>;

/** The engine's zero time means "never". */
const time = (iso: string | undefined): number | null => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : null;
};

function ports(info: Docker.ContainerInspectInfo): DockerPort[] {
  const published = info.NetworkSettings?.Ports ?? {};
  const bound: Record<string, { HostIp?: string; HostPort?: string }[] | null> = { ...(info.HostConfig?.PortBindings ?? {}), ...published };
  const out: DockerPort[] = [];
  for (const [key, bindings] of Object.entries(bound)) {
    const [port, type = 'tcp'] = key.split('/');
    const privatePort = Number(port);
    if (!bindings || bindings.length === 0) {
      out.push({ privatePort, publicPort: null, type, ip: null });
      continue;
    }
    for (const b of bindings) out.push({ privatePort, publicPort: b.HostPort ? Number(b.HostPort) : null, type, ip: b.HostIp || null });
  }
  return out.sort((a, b) => a.privatePort - b.privatePort || (a.publicPort ?? 0) - (b.publicPort ?? 0));
}

const stateOf = (info: Docker.ContainerInspectInfo): DockerContainerState => {
  const status = info.State?.Status as DockerContainerState | undefined;
  return status && (DOCKER_CONTAINER_STATES as readonly string[]).includes(status) ? status : 'dead';
};

const healthOf = (info: Docker.ContainerInspectInfo): DockerHealth => {
  const status = info.State?.Health?.Status;
  return status === 'healthy' || status === 'unhealthy' || status === 'starting' ? status : 'none';
};

/** What `docker ps` shows in STATUS, without the relative time (the view shows uptime itself). */
function statusText(state: DockerContainerState, health: DockerHealth, exitCode: number | null): string {
  const withHealth = (s: string) => (health === 'none' ? s : `${s} (${health})`);
  switch (state) {
    case 'running':
      return withHealth('Up');
    case 'paused':
      return withHealth('Up (Paused)');
    case 'restarting':
      return `Restarting (${exitCode ?? 0})`;
    case 'exited':
      return `Exited (${exitCode ?? 0})`;
    default:
      return state[0]!.toUpperCase() + state.slice(1);
  }
}

export function containerBase(engine: string, info: Docker.ContainerInspectInfo): ContainerBase {
  const labels = info.Config?.Labels ?? {};
  const state = stateOf(info);
  const health = healthOf(info);
  const ran = state !== 'created';
  const exitCode = ran && state !== 'running' && state !== 'paused' ? (info.State?.ExitCode ?? null) : null;
  return {
    engine,
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config?.Image ?? info.Image,
    imageId: info.Image,
    command: [info.Path, ...(info.Args ?? [])].join(' '),
    state,
    status: statusText(state, health, exitCode),
    health,
    createdAt: time(info.Created) ?? 0,
    startedAt: time(info.State?.StartedAt),
    finishedAt: time(info.State?.FinishedAt),
    exitCode,
    oomKilled: info.State?.OOMKilled ?? false,
    restartCount: info.RestartCount ?? 0,
    ports: ports(info),
    composeProject: labels['com.docker.compose.project'] ?? null,
    composeService: labels['com.docker.compose.service'] ?? null,
  };
}

export function mountsOf(info: Docker.ContainerInspectInfo): DockerMount[] {
  return (info.Mounts ?? []).map((m) => ({
    type: m.Type ?? 'bind',
    name: m.Name ?? null,
    source: m.Source,
    destination: m.Destination,
    readWrite: m.RW,
  }));
}
