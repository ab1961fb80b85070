import path from 'node:path';
import type { BillingImport, BillingImportOutcome, BillingImportProgress, BillingStatus } from '../../contract';
import { OpsdeckError } from '../../contract/errors';
import type { Db } from '../../store/database';
import type { KeyValueStore } from '../../store/keyValue';
import { BillingDb } from './billingDb';
import { BillingQueries } from './billingQueries';
import { FocusImporter } from './focusImporter';
import { ImportRegistry } from './importRegistry';
import { WatchFolder } from './watchFolder';

const WATCH_DIR_KEY = 'cost.watchDir';

export interface BillingEngineOptions {
  dataDir: string;
  db: Db;
  kv: KeyValueStore;
  onChange: (status: BillingStatus) => void;
  onProgress: (progress: BillingImportProgress) => void;
  log: (message: string) => void;
  /** DuckDB's memory cap, 256MB by default. */
  memoryLimit?: string;
  /** How often the watched folder is looked at; tests shorten it. */
  watchPollMs?: number;
}

/** FOCUS billing: imports (one at a time, by hand or from the watched folder) and the queries over them. */
export class BillingEngine {
  readonly queries: BillingQueries;
  private readonly importer: FocusImporter;
  private queue: Promise<unknown> = Promise.resolve();
  private watch: WatchFolder | null = null;
  private closed = false;
  /** The status read after the last import, which close() lets finish. */
  private announcing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: BillingEngineOptions,
    private readonly billing: BillingDb,
    private readonly registry: ImportRegistry,
  ) {
    this.queries = new BillingQueries(billing);
    this.importer = new FocusImporter(billing, registry, options.onProgress);
  }

  static async open(options: BillingEngineOptions): Promise<BillingEngine> {
    const billing = await BillingDb.open(path.join(options.dataDir, 'billing.duckdb'), { memoryLimit: options.memoryLimit });
    const registry = new ImportRegistry(options.db);
    registry.failInterrupted();
    // Rows whose import is not recorded as finished (a stop between the two stores) are not counted.
    const ok = registry.okIds();
    await billing.writer.run(`DELETE FROM billing_rows WHERE import_id NOT IN (${[0, ...ok].join(', ')})`);
    return new BillingEngine(options, billing, registry);
  }

  get watchDir(): string {
    return this.options.kv.get<string | null>(WATCH_DIR_KEY) ?? path.join(this.options.dataDir, 'billing');
  }

  start(): void {
    this.watch = new WatchFolder({
      dir: this.watchDir,
      onFile: (file) => this.import(file, 'watch'),
      log: this.options.log,
      pollMs: this.options.watchPollMs,
    });
    this.watch.start();
  }

  stop(): void {
    this.watch?.stop();
    this.watch = null;
  }

  /** Waits for the imports already queued, then closes the billing database. */
  async close(): Promise<void> {
    this.stop();
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.announcing;
    await this.billing.close();
  }

  async status(): Promise<BillingStatus> {
    const extent = await this.queries.extent();
    return {
      connected: extent.rows > 0,
      rows: extent.rows,
      currencies: await this.queries.currencies(),
      firstDay: extent.firstDay,
      lastDay: extent.lastDay,
      watchDir: this.watchDir,
      imports: this.registry.list(),
    };
  }

  /** Read-only SQL over billing_rows for other cost engines (node prices, billing recommendations). */
  query(sql: string): Promise<Record<string, unknown>[]> {
    return this.billing.query(sql);
  }

  imports(): BillingImport[] {
    return this.registry.list();
  }

  /** Imports run one after another: the billing database has one writer. */
  import(file: string, origin: BillingImport['origin'] = 'manual'): Promise<BillingImportOutcome> {
    if (!path.isAbsolute(file)) return Promise.reject(new OpsdeckError('BAD_REQUEST', `${file}: give the file's absolute path`));
    const run = this.queue.then(() => this.importer.import(file, origin));
    this.queue = run.catch(() => undefined);
    return run.finally(() => this.announce());
  }

  async deleteImport(id: number): Promise<BillingStatus> {
    if (!this.registry.get(id)) throw new OpsdeckError('NOT_FOUND', `No billing import ${id}`);
    const run = this.queue.then(async () => {
      await this.billing.writer.run(`DELETE FROM billing_rows WHERE import_id = ${Number(id)}`);
      this.registry.delete(id);
    });
    this.queue = run.catch(() => undefined);
    await run;
    return this.changed();
  }

  async setWatchDir(dir: string | null): Promise<BillingStatus> {
    if (dir !== null && !path.isAbsolute(dir)) throw new OpsdeckError('BAD_REQUEST', `${dir}: give the folder's absolute path`);
    this.options.kv.set(WATCH_DIR_KEY, dir);
    if (this.watch) {
      this.stop();
      this.start();
    }
    return this.changed();
  }

  /** Tells listeners after an import, whatever its outcome (a failed one is in the list too). */
  private announce(): void {
    if (this.closed) return;
    this.announcing = this.changed().then(
      () => undefined,
      (err: Error) => this.options.log(`billing status not read: ${err.message}`),
    );
  }

  private async changed(): Promise<BillingStatus> {
    const status = await this.status();
    this.options.onChange(status);
    return status;
  }
}
