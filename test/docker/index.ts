import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { stopProcess, tailFile } from '../helpers/childProcess';
import { makeTls, type TlsFiles } from './tls';

/** The image every test container runs: busybox alone, made with `docker import` (no registry here). */
export const BUSYBOX_IMAGE = 'opsdeck-busybox:test';

export interface PrivateDockerd {
  /** unix:///... for DOCKER_HOST or HostOptions.dockerHosts */
  host: string;
  /** With `tls: true`: tcp://127.0.0.1:<port> behind --tlsverify, and the client's certificate files. */
  tls: { host: string; client: TlsFiles } | null;
  docker: Docker;
  dir: string;
  /** Stops the engine (its containers stop with it) and starts it again on the same data. */
  restart(): Promise<void>;
  /** Stops the engine without starting it again. */
  halt(): Promise<void>;
  close(): Promise<void>;
  /** The engine's own log, for failure messages. */
  log(): string;
}

const STORAGE_DRIVERS = ['overlay2', 'vfs'];

/** Fails loudly: a machine that cannot run dockerd cannot run these tests. */
function requireDockerd(): void {
  const r = spawnSync('dockerd', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`dockerd is not installed or does not run (${r.error?.message ?? r.stderr}); install docker.io (apt) to run the Docker tests.`);
  }
  if (process.getuid?.() !== 0) throw new Error('The Docker tests start a private dockerd and need root.');
}

async function waitForPing(docker: Docker, proc: ChildProcess, logFile: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`dockerd exited with ${proc.exitCode}:\n${tailFile(logFile)}`);
    try {
      await docker.ping();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`dockerd did not answer within ${timeoutMs} ms:\n${tailFile(logFile)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The daemon's extra flags for a TLS-verified TCP listener. */
interface TlsListener {
  port: number;
  server: TlsFiles;
}

function spawnDockerd(dir: string, storageDriver: string, tls: TlsListener | null): ChildProcess {
  const tlsArgs = tls
    ? ['--host', `tcp://127.0.0.1:${tls.port}`, '--tlsverify', '--tlscacert', tls.server.caPath, '--tlscert', tls.server.certPath, '--tlskey', tls.server.keyPath]
    : [];
  const args = [
    ...tlsArgs,
    '--host', `unix://${path.join(dir, 'docker.sock')}`,
    '--data-root', path.join(dir, 'data'),
    '--exec-root', path.join(dir, 'exec'),
    '--pidfile', path.join(dir, 'docker.pid'),
    '--storage-driver', storageDriver,
    '--iptables=false', '--ip-forward=false', '--ip-masq=false', '--bridge=none',
    '--exec-opt', 'native.cgroupdriver=cgroupfs',
    '--shutdown-timeout', '1',
  ];
  const out = fs.openSync(path.join(dir, 'dockerd.log'), 'a');
  const proc = spawn('dockerd', args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  return proc;
}

/** A tar of bin/busybox and a bin/sh link, as `docker import` wants it. */
function busyboxTar(dir: string, extraFile?: string): string {
  const root = fs.mkdtempSync(path.join(dir, 'rootfs-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync('/bin/busybox', path.join(root, 'bin', 'busybox'));
  fs.chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
  fs.symlinkSync('busybox', path.join(root, 'bin', 'sh'));
  if (extraFile) fs.writeFileSync(path.join(root, extraFile), extraFile);
  const tar = `${root}.tar`;
  const r = spawnSync('tar', ['-C', root, '-cf', tar, '.'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
  return tar;
}

/** Imports a busybox root file system as `reference`; extraFile makes the image differ from the others. */
export async function importBusybox(d: PrivateDockerd, reference: string, extraFile?: string): Promise<string> {
  const [repo, tag] = reference.split(':');
  const stream = await d.docker.importImage(busyboxTar(d.dir, extraFile), { repo, tag });
  await new Promise<void>((resolve, reject) => d.docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())));
  return (await d.docker.getImage(reference).inspect()).Id;
}

/**
 * A private dockerd in a temporary folder (its own socket, data, containerd), with the busybox
 * image imported. Needs root; overlay2 falls back to vfs where overlay mounts are not allowed.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startPrivateDockerd(options: { tls?: boolean } = {}): Promise<PrivateDockerd> {
  requireDockerd();
  // Unix socket paths are limited to 108 bytes: keep the folder short.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'odd-'));
  const socket = path.join(dir, 'docker.sock');
  const docker = new Docker({ socketPath: socket });
  const logFile = path.join(dir, 'dockerd.log');
  const certs = options.tls ? makeTls(path.join(dir, 'tls')) : null;
  const listener = certs ? { port: await freePort(), server: certs.server } : null;
  let proc: ChildProcess | null = null;
  let driver = '';
  const failures: string[] = [];
  for (const candidate of STORAGE_DRIVERS) {
    const p = spawnDockerd(dir, candidate, listener);
    try {
      await waitForPing(docker, p, logFile);
      proc = p;
      driver = candidate;
      break;
    } catch (err) {
      failures.push(`${candidate}: ${(err as Error).message}`);
      await stopProcess(p, 20_000);
    }
  }
  if (!proc) throw new Error(`dockerd could not start with any storage driver:\n${failures.join('\n')}`);

  const d: PrivateDockerd = {
    host: `unix://${socket}`,
    tls: listener && certs ? { host: `tcp://127.0.0.1:${listener.port}`, client: certs.client } : null,
    docker,
    dir,
    async restart() {
      await stopProcess(proc!, 20_000);
      proc = spawnDockerd(dir, driver, listener);
      await waitForPing(docker, proc, logFile);
    },
    async halt() {
      await stopProcess(proc!, 20_000);
    },
    async close() {
      await stopProcess(proc!, 20_000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    log: () => tailFile(logFile),
  };
  await importBusybox(d, BUSYBOX_IMAGE);
  return d;
}

export interface TestContainer {
  name: string;
  /** Shell script run by busybox sh. */
  script: string;
  labels?: Record<string, string>;
  memoryBytes?: number;
  healthcheck?: { test: string[]; intervalMs: number; retries?: number };
  restart?: 'always' | 'no';
  tty?: boolean;
  volumes?: string[];
  start?: boolean;
}

/** Creates (and by default starts) a busybox container with no network. */
export async function runContainer(d: PrivateDockerd, c: TestContainer): Promise<Docker.Container> {
  const container = await d.docker.createContainer({
    name: c.name,
    Image: BUSYBOX_IMAGE,
    Cmd: ['/bin/busybox', 'sh', '-c', c.script],
    Labels: c.labels,
    Tty: c.tty ?? false,
    Healthcheck: c.healthcheck && {
      Test: c.healthcheck.test,
      Interval: c.healthcheck.intervalMs * 1e6,
      Timeout: 5e9,
      Retries: c.healthcheck.retries ?? 1,
      StartPeriod: 0,
    },
    HostConfig: {
      NetworkMode: 'none',
      Memory: c.memoryBytes,
      MemorySwap: c.memoryBytes,
      RestartPolicy: { Name: c.restart ?? 'no' },
      Binds: c.volumes,
    },
  });
  if (c.start ?? true) await container.start();
  return container;
}

/** Removes every container (and its anonymous volumes), so the next test starts from an empty engine. */
export async function removeAllContainers(d: PrivateDockerd): Promise<void> {
  for (const c of await d.docker.listContainers({ all: true })) await d.docker.getContainer(c.Id).remove({ force: true, v: true });
}
