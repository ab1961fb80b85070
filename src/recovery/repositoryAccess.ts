import path from 'node:path';
import { OpsdeckError, type RepositoryStatus } from '../contract';
import type { SecretStore } from '../secrets/secretStore';
import type { KeyValueStore } from '../store/keyValue';
import { Repository } from './repository/repository';

const PATH_KEY = 'recovery.repository.path';
export const REPOSITORY_PASSWORD_ACCOUNT = 'recovery-repository';

/** Where the repository is (kept in the store) and its password (kept in the keychain); opens it once. */
export class RepositoryAccess {
  private opened: Promise<Repository> | null = null;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly secrets: SecretStore,
    private readonly dataDir: string,
  ) {}

  path(): string | null {
    return this.kv.get<string>(PATH_KEY) ?? null;
  }

  defaultPath(): string {
    return path.join(this.dataDir, 'backups');
  }

  async status(): Promise<RepositoryStatus> {
    const where = this.path();
    if (!where) return { configured: false, path: null, problem: null, snapshotCount: 0 };
    try {
      const repo = await this.repository();
      return { configured: true, path: where, problem: null, snapshotCount: (await repo.snapshots()).length };
    } catch (err) {
      return { configured: true, path: where, problem: (err as Error).message, snapshotCount: 0 };
    }
  }

  private async requireKeychain(): Promise<void> {
    const status = await this.secrets.status();
    if (!status.available) throw new OpsdeckError('UNAVAILABLE', `The repository password needs the keychain: ${status.reason ?? 'it is not available'}`);
  }

  async create(where: string | undefined, password: string): Promise<void> {
    await this.requireKeychain();
    const dir = where ?? this.defaultPath();
    const repo = await Repository.init(dir, password).catch((err: Error) => {
      throw err instanceof OpsdeckError ? err : new OpsdeckError('UNAVAILABLE', `No repository created in ${dir}: ${err.message}`);
    });
    await this.remember(dir, password, repo);
  }

  async connect(where: string, password: string): Promise<void> {
    await this.requireKeychain();
    const repo = await Repository.open(where, password).catch((err: Error) => {
      throw err instanceof OpsdeckError ? err : new OpsdeckError('UNAVAILABLE', `The repository at ${where} does not open: ${err.message}`);
    });
    await this.remember(where, password, repo);
  }

  private async remember(where: string, password: string, repo: Repository): Promise<void> {
    await this.secrets.set(REPOSITORY_PASSWORD_ACCOUNT, password);
    this.kv.set(PATH_KEY, where);
    this.opened = Promise.resolve(repo);
  }

  /** The open repository; NOT_FOUND when none is set up, UNAVAILABLE when it cannot be opened. */
  repository(): Promise<Repository> {
    const where = this.path();
    if (!where) return Promise.reject(new OpsdeckError('NOT_FOUND', 'No backup repository yet: create one in the Disaster Recovery tab.'));
    this.opened ??= (async () => {
      const password = await this.secrets.get(REPOSITORY_PASSWORD_ACCOUNT);
      if (password === null) throw new OpsdeckError('UNAVAILABLE', 'The repository password is not in the keychain: connect the repository again with its password.');
      return Repository.open(where, password);
    })().catch((err: Error) => {
      this.opened = null;
      throw err instanceof OpsdeckError ? err : new OpsdeckError('UNAVAILABLE', `The repository at ${where} does not open: ${err.message}`);
    });
    return this.opened;
  }
}
