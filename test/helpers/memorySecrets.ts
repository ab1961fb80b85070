import type { SecretStoreStatus } from '../../src/contract';
import type { SecretStore } from '../../src/secrets/secretStore';

/** The OS keychain's part for tests: names to values, in memory. */
export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async status(): Promise<SecretStoreStatus> {
    return { available: true, backend: 'memory', reason: null };
  }
  async get(account: string) {
    return this.values.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.values.set(account, secret);
  }
  async delete(account: string) {
    return this.values.delete(account);
  }
}
