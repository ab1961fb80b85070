import { afterEach, describe, expect, it } from 'vitest';
import type { PromSources, SecretStoreStatus } from '../../../../src/contract';
import { OpsdeckError } from '../../../../src/contract';
import { credentialAccount } from '../../../../src/monitoring/prometheus/credentials';
import { PrometheusSources } from '../../../../src/monitoring/prometheus/prometheusSources';
import type { SecretStore } from '../../../../src/secrets/secretStore';
import { openDatabase, type Db } from '../../../../src/store/database';
import { tempDir } from '../../../helpers/tempDir';

/** A keychain in memory whose writes can be made to fail, as a locked keychain's do. */
class MemorySecrets implements SecretStore {
  readonly entries = new Map<string, string>();
  failWrites = false;
  async status(): Promise<SecretStoreStatus> {
    return { available: true, backend: 'memory', reason: null };
  }
  async get(account: string) {
    return this.entries.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    if (this.failWrites) throw new OpsdeckError('UNAVAILABLE', 'Secret not stored: the keychain is locked.');
    this.entries.set(account, secret);
  }
  async delete(account: string) {
    return this.entries.delete(account);
  }
}

const running: { prom: PrometheusSources; db: Db }[] = [];
afterEach(() => {
  for (const { prom, db } of running.splice(0)) {
    prom.stop();
    db.close();
  }
});

function sources(secrets: SecretStore) {
  const announced: PromSources[] = [];
  // A closed port: every check fails fast and nothing here depends on its result.
  const db = openDatabase(tempDir());
  const prom = new PrometheusSources({ db, secrets, onSources: (s) => announced.push(s), log: () => undefined, monitor: { recheckMs: 60_000, timeoutMs: 1000, backoff: { initialMs: 60_000 } } });
  prom.start();
  running.push({ prom, db });
  return { prom, announced };
}

const url = 'http://127.0.0.1:9';

describe('Prometheus source registry', () => {
  it('keeps the secret in the keychain under the source id and only the user name in the store', async () => {
    const secrets = new MemorySecrets();
    const { prom, announced } = sources(secrets);
    const added = await prom.add({ name: 'a', url, auth: { kind: 'basic', username: 'ops', password: 'pw' } });
    const id = added.sources[0]!.id;
    expect(added.sources[0]).toMatchObject({ name: 'a', auth: 'basic', username: 'ops', state: 'connecting' });
    expect(secrets.entries).toEqual(new Map([[credentialAccount(id), 'pw']]));
    expect(announced.at(-1)).toEqual(added);
    expect(JSON.stringify(announced)).not.toContain('"pw"');
  });

  it('does not keep a source whose secret could not be stored, nor change one', async () => {
    const secrets = new MemorySecrets();
    const { prom } = sources(secrets);
    await prom.add({ name: 'a', url, auth: { kind: 'bearer', token: 'old' } });
    secrets.failWrites = true;
    await expect(prom.add({ name: 'b', url, auth: { kind: 'bearer', token: 't' } })).rejects.toThrow('the keychain is locked');
    const id = prom.sources().sources[0]!.id;
    await expect(prom.update({ id, url: 'http://127.0.0.1:10', auth: { kind: 'basic', username: 'ops', password: 'new' } })).rejects.toThrow('the keychain is locked');
    expect(prom.sources().sources.map((s) => [s.name, s.url, s.auth])).toEqual([['a', url, 'bearer']]);
    expect(secrets.entries.get(credentialAccount(id))).toBe('old');
  });

  it('keeps credentials through a rename and removes them with the source', async () => {
    const secrets = new MemorySecrets();
    const { prom } = sources(secrets);
    const id = (await prom.add({ name: 'a', url, auth: { kind: 'bearer', token: 'tok' } })).sources[0]!.id;
    expect((await prom.update({ id, name: 'b' })).sources[0]).toMatchObject({ name: 'b', auth: 'bearer' });
    expect(secrets.entries.get(credentialAccount(id))).toBe('tok');
    await prom.remove(id);
    expect(secrets.entries.size).toBe(0);
    expect(prom.sources()).toEqual({ sources: [], hint: expect.any(String) });
  });
});
