import type { ParsedInput, PromConnectionTest, PromSources } from '../../contract';
import type { SecretStore } from '../../secrets/secretStore';
import type { Db } from '../../store/database';
import { PromClient } from './client';
import { credentialAccount, loadCredentials, requireKeychainFor, storeCredentials } from './credentials';
import { toOpsdeckError } from './requestError';
import { SourceMonitor, testConnection, type MonitorOptions } from './sourceMonitor';
import { SourceStore, type SourceRecord } from './sourceStore';

export const NO_SOURCE_HINT = 'Add a Prometheus-compatible server by its URL (for example http://localhost:9090) to query its metrics here.';

const DEFAULT_MONITOR: MonitorOptions = { recheckMs: 30_000, timeoutMs: 10_000 };

export interface PrometheusSourcesOptions {
  db: Db;
  secrets: SecretStore;
  onSources: (sources: PromSources) => void;
  log: (message: string) => void;
  /** Check timings; tests shorten them. */
  monitor?: Partial<MonitorOptions>;
  fetch?: typeof fetch;
}

/** The added Prometheus-compatible sources: stored, watched, and the one way to a source's client. */
export class PrometheusSources {
  private readonly store: SourceStore;
  private readonly monitors = new Map<number, SourceMonitor>();
  /** Clients with their credentials read from the keychain once; dropped when the source changes. */
  private readonly clients = new Map<number, Promise<PromClient>>();
  private readonly monitor: MonitorOptions;

  constructor(private readonly options: PrometheusSourcesOptions) {
    this.store = new SourceStore(options.db);
    this.monitor = { ...DEFAULT_MONITOR, ...options.monitor };
  }

  start(): void {
    for (const record of this.store.list()) this.watch(record);
  }

  stop(): void {
    for (const m of this.monitors.values()) m.stop();
    this.monitors.clear();
    this.clients.clear();
  }

  sources(): PromSources {
    const sources = this.store.list().flatMap((r) => this.monitors.get(r.id)?.info() ?? []);
    return { sources, hint: sources.length === 0 ? NO_SOURCE_HINT : null };
  }

  async add(input: ParsedInput<'prom.addSource'>): Promise<PromSources> {
    await requireKeychainFor(this.options.secrets, input.auth, input.name);
    const record = this.store.insert({ name: input.name, url: input.url, auth: input.auth.kind, username: input.auth.kind === 'basic' ? input.auth.username : null });
    try {
      await storeCredentials(this.options.secrets, record.id, input.auth);
    } catch (err) {
      this.store.delete(record.id);
      throw err;
    }
    this.watch(record);
    return this.changed();
  }

  async update(input: ParsedInput<'prom.updateSource'>): Promise<PromSources> {
    const old = this.store.get(input.id);
    const next: SourceRecord = { ...old, name: input.name ?? old.name, url: input.url ?? old.url };
    if (input.auth) {
      await requireKeychainFor(this.options.secrets, input.auth, next.name);
      next.auth = input.auth.kind;
      next.username = input.auth.kind === 'basic' ? input.auth.username : null;
    }
    this.store.update(next);
    if (input.auth) {
      try {
        await storeCredentials(this.options.secrets, next.id, input.auth);
      } catch (err) {
        this.store.update(old);
        throw err;
      }
      if (next.auth === 'none' && old.auth !== 'none') await this.forgetCredentials(old);
    }
    this.unwatch(old.id);
    this.watch(next);
    return this.changed();
  }

  async remove(id: number): Promise<PromSources> {
    const record = this.store.get(id);
    this.store.delete(id);
    this.unwatch(id);
    if (record.auth !== 'none') await this.forgetCredentials(record);
    return this.changed();
  }

  /** A saved source is checked now (its state updates); a draft is checked and forgotten. */
  test(input: ParsedInput<'prom.testSource'>): Promise<PromConnectionTest> {
    if ('id' in input) {
      this.store.get(input.id);
      return this.monitors.get(input.id)!.check();
    }
    const client = new PromClient({ url: input.url, credentials: input.auth, fetch: this.options.fetch });
    return testConnection(async () => client, this.monitor.timeoutMs);
  }

  /** Runs fn with the source's client; failures come back as the caller should see them. */
  async withSource<T>(id: number, fn: (client: PromClient) => Promise<T>): Promise<T> {
    const record = this.store.get(id);
    try {
      return await fn(await this.client(record));
    } catch (err) {
      throw toOpsdeckError(err, record.name);
    }
  }

  private client(record: SourceRecord): Promise<PromClient> {
    let client = this.clients.get(record.id);
    if (!client) {
      const made = loadCredentials(this.options.secrets, record).then((credentials) => new PromClient({ url: record.url, credentials, fetch: this.options.fetch }));
      // A keychain that failed once may answer later: keep only clients that were made.
      made.catch(() => {
        if (this.clients.get(record.id) === made) this.clients.delete(record.id);
      });
      this.clients.set(record.id, made);
      client = made;
    }
    return client;
  }

  private watch(record: SourceRecord): void {
    const monitor = new SourceMonitor(record, () => this.client(record), this.monitor, () => this.changed());
    this.monitors.set(record.id, monitor);
    monitor.start();
  }

  private unwatch(id: number): void {
    this.monitors.get(id)?.stop();
    this.monitors.delete(id);
    this.clients.delete(id);
  }

  /** A keychain that cannot be reached leaves the entry behind; the source is gone either way. */
  private async forgetCredentials(record: SourceRecord): Promise<void> {
    try {
      await this.options.secrets.delete(credentialAccount(record.id));
    } catch (err) {
      this.options.log(`prometheus: the keychain entry of source "${record.name}" was not removed: ${(err as Error).message}`);
    }
  }

  private changed(): PromSources {
    const sources = this.sources();
    this.options.onSources(sources);
    return sources;
  }
}
