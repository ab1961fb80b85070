import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCKER_SOCKET, discoverEngines, PODMAN_ROOTFUL_SOCKET } from '../../../src/docker/discovery';
import { tempDir } from '../../helpers/tempDir';

/** A context as `docker context create` writes it: folders named by the SHA-256 of the name. */
function writeContext(home: string, name: string, host: string, options: { tls?: boolean; skipVerify?: boolean } = {}) {
  const id = createHash('sha256').update(name).digest('hex');
  const meta = path.join(home, '.docker', 'contexts', 'meta', id);
  fs.mkdirSync(meta, { recursive: true });
  fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: options.skipVerify ?? false } } }));
  if (options.tls) {
    const tls = path.join(home, '.docker', 'contexts', 'tls', id, 'docker');
    fs.mkdirSync(tls, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(tls, f), f);
    return tls;
  }
  return null;
}

const only = (...sockets: string[]) => (f: string) => sockets.includes(f);

describe('engine discovery', () => {
  it('finds nothing on a machine without engines, sockets or contexts', () => {
    expect(discoverEngines({ env: {}, home: tempDir(), uid: 1000, socketExists: () => false })).toEqual({ engines: [], problems: [] });
  });

  it('uses the default socket as the "default" context when it exists', () => {
    const found = discoverEngines({ env: {}, home: tempDir(), uid: 0, socketExists: only(DEFAULT_DOCKER_SOCKET) });
    expect(found.engines).toEqual([{ name: 'default', endpoint: `unix://${DEFAULT_DOCKER_SOCKET}`, source: 'default', tls: { mode: 'none' }, current: true }]);
  });

  it('prefers DOCKER_HOST, with TLS files from DOCKER_CERT_PATH', () => {
    const certs = tempDir();
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, f), f);
    const found = discoverEngines({
      env: { DOCKER_HOST: 'tcp://build.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs },
      home: tempDir(),
      uid: 0,
      socketExists: only(DEFAULT_DOCKER_SOCKET),
    });
    expect(found.engines).toEqual([
      {
        name: 'default',
        endpoint: 'tcp://build.example:2376',
        source: 'default',
        tls: { mode: 'files', caPath: path.join(certs, 'ca.pem'), certPath: path.join(certs, 'cert.pem'), keyPath: path.join(certs, 'key.pem'), verify: true },
        current: true,
      },
    ]);
  });

  it('reads docker contexts with their TLS folders and the current context from config.json', () => {
    const home = tempDir();
    const tls = writeContext(home, 'remote', 'tcp://10.0.0.5:2376', { tls: true, skipVerify: true });
    writeContext(home, 'colima', 'unix:///home/me/.colima/default/docker.sock');
    fs.writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'colima' }));
    const found = discoverEngines({ env: {}, home, uid: 1000, socketExists: () => false });
    expect(found.problems).toEqual([]);
    expect(found.engines.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'colima', endpoint: 'unix:///home/me/.colima/default/docker.sock', source: 'context', tls: { mode: 'none' }, current: true },
      {
        name: 'remote',
        endpoint: 'tcp://10.0.0.5:2376',
        source: 'context',
        tls: { mode: 'files', caPath: path.join(tls!, 'ca.pem'), certPath: path.join(tls!, 'cert.pem'), keyPath: path.join(tls!, 'key.pem'), verify: false },
        current: false,
      },
    ]);
    // DOCKER_CONTEXT overrides the config file, as it does for the CLI.
    expect(discoverEngines({ env: { DOCKER_CONTEXT: 'remote' }, home, uid: 1000, socketExists: () => false }).engines.find((e) => e.current)?.name).toBe('remote');
  });

  it('reports unreadable context and config files and goes on', () => {
    const home = tempDir();
    writeContext(home, 'good', 'unix:///run/good.sock');
    const bad = path.join(home, '.docker', 'contexts', 'meta', 'broken');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'meta.json'), '{ nope');
    fs.writeFileSync(path.join(home, '.docker', 'config.json'), '[');
    const found = discoverEngines({ env: {}, home, uid: 1000, socketExists: () => false });
    expect(found.engines.map((e) => e.name)).toEqual(['good']);
    expect(found.problems.map((p) => p.file).sort()).toEqual([path.join(bad, 'meta.json'), path.join(home, '.docker', 'config.json')].sort());
  });

  it('finds rootful and rootless Podman sockets, one engine per endpoint', () => {
    const runtime = tempDir();
    const rootless = path.join(runtime, 'podman', 'podman.sock');
    const found = discoverEngines({ env: { XDG_RUNTIME_DIR: runtime }, home: tempDir(), uid: 1000, socketExists: only(PODMAN_ROOTFUL_SOCKET, rootless) });
    expect(found.engines.map((e) => [e.name, e.endpoint, e.source])).toEqual([
      ['podman', `unix://${PODMAN_ROOTFUL_SOCKET}`, 'podman'],
      ['podman-rootless', `unix://${rootless}`, 'podman-rootless'],
    ]);
    // DOCKER_HOST pointing at Podman's socket is the same engine: listed once, as default.
    const same = discoverEngines({ env: { DOCKER_HOST: `unix://${PODMAN_ROOTFUL_SOCKET}` }, home: tempDir(), uid: 0, socketExists: only(PODMAN_ROOTFUL_SOCKET) });
    expect(same.engines.map((e) => e.name)).toEqual(['default']);
  });
});
