import fs from 'node:fs';
import path from 'node:path';
import type { BillingFileProblem, BillingImport, BillingImportOutcome, BillingImportProgress } from '../../contract';
import { OpsdeckError } from '../../contract/errors';
import type { BillingDb } from './billingDb';
import { sha256File } from './fileHash';
import { csvProblemOf, formatOf, openFocusSource } from './focusSource';
import type { ImportRegistry } from './importRegistry';

const PROGRESS_EVERY_MS = 250;

/** A file that cannot be imported as it is: the message names the file and the first bad lines or rows. */
class RejectedFile extends Error {
  constructor(
    message: string,
    readonly problems: BillingFileProblem[],
  ) {
    super(message);
  }
}

const where = (p: BillingFileProblem) =>
  [p.line !== undefined ? `line ${p.line}` : p.row !== undefined ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');

function describeProblems(file: string, problems: BillingFileProblem[], total: number): string {
  const shown = problems.map((p) => `${where(p)}: ${p.message}`).join('; ');
  return `${file}: ${total} bad row${total === 1 ? '' : 's'}, nothing imported (${shown})`;
}

/**
 * Reads one FOCUS file into the billing database in a single transaction: a file with any bad row
 * leaves no rows. The same content is never read twice; a new content at a known path replaces the old.
 */
export class FocusImporter {
  constructor(
    private readonly billing: BillingDb,
    private readonly registry: ImportRegistry,
    private readonly onProgress: (progress: BillingImportProgress) => void,
  ) {}

  async import(file: string, origin: BillingImport['origin']): Promise<BillingImportOutcome> {
    const full = path.resolve(file);
    const format = formatOf(full);
    if (!format) throw new OpsdeckError('BAD_REQUEST', `${full}: not a .csv, .csv.gz or .parquet file`);
    const stat = await fs.promises.stat(full).catch(() => null);
    if (!stat?.isFile()) throw new OpsdeckError('NOT_FOUND', `${full}: no such file`);

    // Equal contents have equal sizes: a size no finished import had cannot be skipped, so its hash is
    // read alongside the rows instead of before them.
    const mayBeKnown = this.registry.okWithBytes(stat.size);
    let lastReport = 0;
    const hashing = sha256File(full, (bytesDone) => {
      const now = Date.now();
      if (!mayBeKnown || now - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = now;
      this.onProgress({ importId: 0, path: full, phase: 'hashing', percent: (100 * bytesDone) / Math.max(1, stat.size), rowsDone: null });
    });
    // A read error surfaces where the hash is awaited; until then the promise must not count as unhandled.
    hashing.catch(() => undefined);
    if (mayBeKnown) {
      const known = this.registry.okWithContent(await hashing);
      if (known) return { action: 'skipped', import: known };
    }

    const replaced = this.registry.okAtPath(full).map((i) => i.id);
    const id = this.registry.start({ path: full, format, sha256: mayBeKnown ? await hashing : '', bytes: stat.size, origin });
    const started = Date.now();
    try {
      const rows = await this.load(id, full, replaced, hashing);
      this.registry.succeed(id, { ...rows, durationMs: Date.now() - started, replaced });
      this.onProgress({ importId: id, path: full, phase: 'done', percent: 100, rowsDone: rows.rows });
    } catch (err) {
      const problems = err instanceof RejectedFile ? err.problems : [];
      const message = err instanceof Error ? err.message : String(err);
      this.registry.fail(id, message, problems, Date.now() - started);
      this.onProgress({ importId: id, path: full, phase: 'failed', percent: null, rowsDone: null });
      throw err instanceof OpsdeckError ? err : new OpsdeckError('BAD_REQUEST', message);
    }
    const done = this.registry.get(id) as BillingImport;
    return { action: replaced.length > 0 ? 'replaced' : 'imported', import: done };
  }

  private async load(id: number, file: string, replaced: number[], hashing: Promise<string>) {
    const conn = this.billing.writer;
    const source = await openFocusSource(conn, file);
    if (source.problems.length > 0) throw new RejectedFile(describeProblems(file, source.problems, source.problems.length), source.problems);

    await conn.run('BEGIN TRANSACTION');
    let inTransaction = true;
    try {
      if (replaced.length > 0) await conn.run(`DELETE FROM billing_rows WHERE import_id IN (${replaced.map(Number).join(', ')})`);
      // DuckDB's progress through a gzip stops moving after its first buffer: a .csv.gz reports none.
      const measured = source.format !== 'csv.gz';
      const timer = setInterval(() => {
        const p = conn.progress;
        this.onProgress({
          importId: id,
          path: file,
          phase: 'reading',
          percent: measured && p.percentage >= 0 ? p.percentage : null,
          rowsDone: measured ? Number(p.rows_processed) : null,
        });
      }, PROGRESS_EVERY_MS);
      try {
        await conn.run(`INSERT INTO billing_rows BY NAME SELECT ${id} AS import_id, * FROM (${source.select})`);
      } catch (err) {
        const problem = csvProblemOf(err);
        if (problem) throw new RejectedFile(describeProblems(file, [problem], 1), [problem]);
        // The failed transaction answers no query: looking for the bad values comes after it.
        await conn.run('ROLLBACK');
        inTransaction = false;
        const problems = await source.locateUnconvertible();
        if (problems.length > 0) throw new RejectedFile(describeProblems(file, problems, problems.length), problems);
        throw err;
      } finally {
        clearInterval(timer);
      }
      const reader = await conn.runAndReadAll(
        `SELECT count(*)::DOUBLE AS rows, count(*) FILTER (WHERE day IS NULL)::DOUBLE AS undated, min(day)::VARCHAR AS first, max(day)::VARCHAR AS last
         FROM billing_rows WHERE import_id = ${id}`,
      );
      const [summary = {}] = reader.getRowObjectsJson();
      const undated = Number(summary.undated ?? 0);
      if (undated > 0) {
        // Rows without a ChargePeriodStart cannot be put on a day: they fail the whole file.
        const problems = await source.locateMissingStart();
        throw new RejectedFile(describeProblems(file, problems, undated), problems);
      }
      const sha256 = await hashing;
      await conn.run('COMMIT');
      return {
        sha256,
        rows: Number(summary.rows),
        firstDay: (summary.first as string | null) ?? null,
        lastDay: (summary.last as string | null) ?? null,
      };
    } catch (err) {
      if (inTransaction) await conn.run('ROLLBACK');
      throw err;
    }
  }
}
