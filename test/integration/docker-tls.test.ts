import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DockerEngineInfo, DockerEngines } from '../../src/contract';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { dockerdForFile } from '../docker/perFile';
import { dockerTestHost, type DockerTestHost } from '../docker/host';
import { makeTls } from '../docker/tls';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';

const dockerd = dockerdForFile({ tls: true });
const keyring = process.env.OPSDECK_TEST_KEYRING === '1';

async function settled(host: DockerTestHost, name: string, state: DockerEngineInfo['state']): Promise<DockerEngineInfo> {
  return eventually(async () => {
    const engine = (await host.call<DockerEngines>('docker.engines', {})).engines.find((e) => e.name === name);
    expect(engine?.state).toBe(state);
    return engine!;
  });
}

describe('remote engines over TLS', () => {
  it('connects with certificate files, and refuses a server its CA did not sign', async () => {
    const { host: tcp, client } = dockerd().tls!;
    const host = await dockerTestHost([]);
    await host.call('docker.addEngine', { name: 'secure', host: tcp, tls: { mode: 'files', ...client } });
    const secure = await settled(host, 'secure', 'connected');
    expect(secure).toMatchObject({ endpoint: tcp, source: 'added', tls: 'files', version: (await dockerd().docker.version()).Version });
    expect(await host.call('docker.containers', { engine: 'secure' })).toMatchObject({ synced: true });

    // A client that trusts another CA: the handshake fails and says why.
    const other = makeTls(path.join(tempDir(), 'other'));
    await host.call('docker.addEngine', { name: 'distrusted', host: tcp, tls: { mode: 'files', ...client, caPath: other.client.caPath } });
    expect((await settled(host, 'distrusted', 'unreachable')).message).toMatch(/certificate/);
    // Without a client certificate the engine itself refuses.
    await host.call('docker.addEngine', { name: 'plain', host: tcp, tls: { mode: 'none' } });
    expect((await settled(host, 'plain', 'error')).message).toMatch(/HTTP request to an HTTPS server|Client sent an HTTP request/);
  });

  it.skipIf(!keyring)('connects with PEM text kept in the OS keychain, and forgets it on removal', async () => {
    const { host: tcp, client } = dockerd().tls!;
    const secrets = new KeychainSecretStore('opsdeck-test-docker');
    const host = await dockerTestHost([], { secretStore: secrets });
    const pem = { ca: fs.readFileSync(client.caPath, 'utf8'), cert: fs.readFileSync(client.certPath, 'utf8'), key: fs.readFileSync(client.keyPath, 'utf8') };
    await host.call('docker.addEngine', { name: 'vaulted', host: tcp, tls: { mode: 'keychain', ...pem } });
    expect(await settled(host, 'vaulted', 'connected')).toMatchObject({ tls: 'keychain' });
    expect(JSON.parse((await secrets.get('docker-tls:vaulted'))!)).toEqual(pem);
    await host.call('docker.removeEngine', { name: 'vaulted' });
    expect(await secrets.get('docker-tls:vaulted')).toBeNull();
  });
});
