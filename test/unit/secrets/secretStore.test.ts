import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../src/secrets/secretStore';

const noSecretService = async () => ({
  getPassword: async () => null,
  setPassword: async () => {},
  deletePassword: async () => false,
  findCredentials: async (): Promise<{ account: string }[]> => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  },
});

describe('keychain secret store', () => {
  it('reports an unreachable keychain with its reason', async () => {
    const store = new KeychainSecretStore('opsdeck-test', noSecretService);
    const status = await store.status();
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/did not answer: Cannot autolaunch D-Bus/);
  });

  it('refuses to store a secret anywhere else when the keychain is unreachable', async () => {
    const store = new KeychainSecretStore('opsdeck-test', noSecretService);
    await expect(store.set('slack', 'xoxb-1')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/Secret not stored.*does not keep secrets in plain files/),
    });
  });

  it('reports a keychain module that cannot load', async () => {
    const store = new KeychainSecretStore('opsdeck-test', async () => {
      throw new Error('libsecret-1.so.0: cannot open shared object file');
    });
    expect(await store.status()).toMatchObject({ available: false, reason: expect.stringMatching(/libsecret/) });
  });
});
