import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../src/secrets/secretStore';

// scripts/with-keyring.sh starts a real Secret Service (gnome-keyring) and sets this.
const keyring = process.env.OPSDECK_TEST_KEYRING === '1';
if (!keyring) console.log('keychain tests skipped: run them through `npm test`, which starts gnome-keyring');

describe.skipIf(!keyring)('keychain on a real Secret Service', () => {
  const store = new KeychainSecretStore('opsdeck-integration-test');

  it('is available', async () => {
    expect(await store.status()).toMatchObject({ available: true, reason: null });
  });

  it('stores, reads and deletes a secret', async () => {
    const account = `webhook-${process.pid}`;
    await store.set(account, 'https://hooks.example/s3cr3t');
    expect(await store.get(account)).toBe('https://hooks.example/s3cr3t');
    await store.set(account, 'rotated');
    expect(await store.get(account)).toBe('rotated');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
  });
});
