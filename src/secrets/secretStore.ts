import type { SecretStoreStatus } from '../contract';
import { OpsdeckError } from '../contract';

/** Where credentials live. Only the host reads them; they never cross the contract. */
export interface SecretStore {
  status(): Promise<SecretStoreStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const SECRET_SERVICE = 'opsdeck';

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string }[]>;
}

const BACKENDS: Record<string, string> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (GNOME Keyring, KWallet)',
};

/**
 * The OS keychain through keytar. When it cannot be reached, every write is
 * refused with the reason: Opsdeck never falls back to plain text.
 */
export class KeychainSecretStore implements SecretStore {
  private api: Promise<KeytarApi> | null = null;

  constructor(
    private readonly service = SECRET_SERVICE,
    private readonly load: () => Promise<KeytarApi> = async () => {
      // The bundled CommonJS module may arrive wrapped in a default export.
      const mod = (await import('keytar')) as unknown as KeytarApi & { default?: KeytarApi };
      return mod.default ?? mod;
    },
  ) {}

  private keytar(): Promise<KeytarApi> {
    this.api ??= this.load();
    return this.api;
  }

  private async reachable(): Promise<{ api: KeytarApi } | { reason: string }> {
    let api: KeytarApi;
    try {
      api = await this.keytar();
    } catch (err) {
      return { reason: `The keychain module could not be loaded (${(err as Error).message}).` };
    }
    try {
      await api.findCredentials(this.service);
      return { api };
    } catch (err) {
      const hint =
        process.platform === 'linux'
          ? ' Start a Secret Service provider (gnome-keyring-daemon or KWallet) in your session and unlock it.'
          : '';
      return { reason: `The OS keychain did not answer: ${(err as Error).message}.${hint}` };
    }
  }

  async status(): Promise<SecretStoreStatus> {
    const r = await this.reachable();
    const backend = BACKENDS[process.platform] ?? process.platform;
    return 'api' in r
      ? { available: true, backend, reason: null }
      : { available: false, backend, reason: r.reason };
  }

  private async require(): Promise<KeytarApi> {
    const r = await this.reachable();
    if ('api' in r) return r.api;
    throw new OpsdeckError('UNAVAILABLE', `Secret not stored: ${r.reason} Opsdeck does not keep secrets in plain files.`);
  }

  async get(account: string): Promise<string | null> {
    return (await this.require()).getPassword(this.service, account);
  }

  async set(account: string, secret: string): Promise<void> {
    await (await this.require()).setPassword(this.service, account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return (await this.require()).deletePassword(this.service, account);
  }
}
