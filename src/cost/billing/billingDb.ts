import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { BILLING_TABLE_SQL, MIGRATE_TAGS_SQL } from './focusColumns';

export interface BillingDbOptions {
  /** DuckDB's memory cap; it spills to disk beyond it. 192MB unless a benchmark asks otherwise: a 10-million-row import peaks under 500 MB in all. */
  memoryLimit?: string;
  threads?: number;
}

export type SqlParams = Record<string, DuckDBValue>;
export type JsonRow = Record<string, unknown>;

/**
 * The billing database: one DuckDB file beside the app store. Imports write on their own connection
 * (one at a time) so that queries on the other keep answering from the last committed state.
 */
export class BillingDb {
  private readonly reading = new Set<Promise<unknown>>();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
  ) {}

  static async open(file: string, options: BillingDbOptions = {}): Promise<BillingDb> {
    const instance = await DuckDBInstance.create(file, {
      memory_limit: options.memoryLimit ?? '192MB',
      threads: String(options.threads ?? 2),
      // Imports need no row order, and keeping it costs memory on large files.
      preserve_insertion_order: 'false',
    });
    const writer = await instance.connect();
    // FOCUS times are UTC; days are UTC days. (ICU loads with the first connection.)
    await writer.run("SET GLOBAL TimeZone = 'UTC'");
    // Imports report how far they are (connection.progress); nothing is printed.
    await writer.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    const reader = await instance.connect();
    await writer.run(BILLING_TABLE_SQL);
    const tagsType = await writer.runAndReadAll(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'billing_rows' AND column_name = 'tags'",
    );
    if (String(tagsType.getRowObjectsJson()[0]?.data_type ?? '').startsWith('MAP')) await writer.run(MIGRATE_TAGS_SQL);
    return new BillingDb(instance, writer, reader);
  }

  /** Rows as JSON-safe objects: cast BIGINT and DATE columns in SQL to get numbers and strings. */
  async query(sql: string, params?: SqlParams): Promise<JsonRow[]> {
    const run = this.reader.runAndReadAll(sql, params);
    this.reading.add(run);
    try {
      return (await run).getRowObjectsJson() as JsonRow[];
    } finally {
      this.reading.delete(run);
    }
  }

  /** Closes once the queries under way have answered: closing DuckDB under a running query crashes the process. */
  async close(): Promise<void> {
    while (this.reading.size) await Promise.allSettled([...this.reading]);
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}

/** A string as a SQL literal (table functions take file paths as literals). */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** An identifier as SQL (FOCUS column names come from files). */
export const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
