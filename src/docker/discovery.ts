import fs from 'node:fs';
import path from 'node:path';
import type { DockerEngineSource } from '../contract';

/** Where an engine's TLS material comes from; keychain entries hold ca, cert and key as JSON. */
export type EngineTls =
  | { mode: 'none' }
  | { mode: 'files'; caPath: string | null; certPath: string | null; keyPath: string | null; verify: boolean }
  | { mode: 'keychain'; account: string };

export interface EngineSpec {
  name: string;
  /** unix:///path or tcp://host:port */
  endpoint: string;
  source: DockerEngineSource;
  tls: EngineTls;
  current: boolean;
}

export interface DiscoveryInput {
  env: NodeJS.ProcessEnv;
  home: string;
  uid: number | null;
  /** Whether a socket exists; the real file system unless a test says otherwise. */
  socketExists?: (file: string) => boolean;
}

export interface Discovery {
  engines: EngineSpec[];
  problems: { file: string; message: string }[];
}

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
export const PODMAN_ROOTFUL_SOCKET = '/run/podman/podman.sock';

const tlsFiles = (dir: string, verify: boolean): EngineTls => {
  const file = (name: string) => (fs.existsSync(path.join(dir, name)) ? path.join(dir, name) : null);
  return { mode: 'files', caPath: file('ca.pem'), certPath: file('cert.pem'), keyPath: file('key.pem'), verify };
};

/** docker's "default" context: DOCKER_HOST (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), else the default socket. */
function defaultEngine({ env, home }: DiscoveryInput, exists: (f: string) => boolean): Omit<EngineSpec, 'current'> | null {
  const host = env.DOCKER_HOST?.trim();
  if (host) {
    const wantsTls = Boolean(env.DOCKER_TLS_VERIFY) || Boolean(env.DOCKER_CERT_PATH);
    const tls = host.startsWith('tcp://') && wantsTls ? tlsFiles(env.DOCKER_CERT_PATH || path.join(home, '.docker'), Boolean(env.DOCKER_TLS_VERIFY)) : { mode: 'none' as const };
    return { name: 'default', endpoint: host, source: 'default', tls };
  }
  if (!exists(DEFAULT_DOCKER_SOCKET)) return null;
  return { name: 'default', endpoint: `unix://${DEFAULT_DOCKER_SOCKET}`, source: 'default', tls: { mode: 'none' } };
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** The contexts `docker context create` wrote: meta/<sha256 of name>/meta.json, TLS files under tls/<same>/docker. */
function contextEngines(dockerDir: string, problems: Discovery['problems']): Omit<EngineSpec, 'current'>[] {
  const metaDir = path.join(dockerDir, 'contexts', 'meta');
  let dirs: string[];
  try {
    dirs = fs.readdirSync(metaDir).sort();
  } catch {
    return [];
  }
  const found: Omit<EngineSpec, 'current'>[] = [];
  for (const dir of dirs) {
    const file = path.join(metaDir, dir, 'meta.json');
    let meta: ContextMeta;
    try {
      meta = JSON.parse(fs.readFileSync(file, 'utf8')) as ContextMeta;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file, message: (err as Error).message });
      continue;
    }
    const host = meta.Endpoints?.docker?.Host;
    if (typeof meta.Name !== 'string' || typeof host !== 'string' || host === '') {
      problems.push({ file, message: 'The context has no name or no docker endpoint host.' });
      continue;
    }
    const tlsDir = path.join(dockerDir, 'contexts', 'tls', dir, 'docker');
    const tls = host.startsWith('tcp://') && fs.existsSync(tlsDir) ? tlsFiles(tlsDir, meta.Endpoints?.docker?.SkipTLSVerify !== true) : { mode: 'none' as const };
    found.push({ name: meta.Name, endpoint: host, source: 'context', tls });
  }
  return found;
}

/** DOCKER_CONTEXT, else currentContext in ~/.docker/config.json, else "default". */
function currentContext(env: NodeJS.ProcessEnv, dockerDir: string, problems: Discovery['problems']): string {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  const file = path.join(dockerDir, 'config.json');
  try {
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext !== '' ? config.currentContext : 'default';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file, message: (err as Error).message });
    return 'default';
  }
}

function podmanEngines({ env, uid }: DiscoveryInput, exists: (f: string) => boolean): Omit<EngineSpec, 'current'>[] {
  const found: Omit<EngineSpec, 'current'>[] = [];
  if (exists(PODMAN_ROOTFUL_SOCKET)) found.push({ name: 'podman', endpoint: `unix://${PODMAN_ROOTFUL_SOCKET}`, source: 'podman', tls: { mode: 'none' } });
  const runtimeDir = env.XDG_RUNTIME_DIR || (uid !== null ? `/run/user/${uid}` : null);
  const rootless = runtimeDir ? path.join(runtimeDir, 'podman', 'podman.sock') : null;
  if (rootless && exists(rootless)) found.push({ name: 'podman-rootless', endpoint: `unix://${rootless}`, source: 'podman-rootless', tls: { mode: 'none' } });
  return found;
}

/**
 * The engines this machine points at, as the docker and podman CLIs would find them:
 * the default context, every saved context, then Podman's sockets. One engine per endpoint.
 */
export function discoverEngines(input: DiscoveryInput): Discovery {
  const exists = input.socketExists ?? fs.existsSync;
  const problems: Discovery['problems'] = [];
  const dockerDir = input.env.DOCKER_CONFIG || path.join(input.home, '.docker');
  const current = currentContext(input.env, dockerDir, problems);
  const candidates = [defaultEngine(input, exists), ...contextEngines(dockerDir, problems), ...podmanEngines(input, exists)];
  const engines: EngineSpec[] = [];
  for (const c of candidates) {
    if (!c || engines.some((e) => e.endpoint === c.endpoint || e.name === c.name)) continue;
    engines.push({ ...c, current: c.name === current });
  }
  return { engines, problems };
}

export const NO_ENGINE_HINT =
  'No Docker or Podman engine found. Start Docker (sudo systemctl start docker) or Podman’s API socket ' +
  '(systemctl --user start podman.socket), set DOCKER_HOST, create a docker context, or add a remote engine.';
