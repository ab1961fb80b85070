import type { BillingFileProblem, BillingFormat, BillingImport } from '../../contract';
import type { Db } from '../../store/database';

interface ImportRow {
  id: number;
  path: string;
  format: BillingFormat;
  sha256: string;
  bytes: number;
  status: BillingImport['status'];
  rows: number;
  first_day: string | null;
  last_day: string | null;
  origin: BillingImport['origin'];
  started_at: number;
  duration_ms: number | null;
  error: string | null;
  problems: string;
}

const toImport = (r: ImportRow): BillingImport => ({
  id: r.id,
  path: r.path,
  format: r.format,
  sha256: r.sha256,
  bytes: r.bytes,
  status: r.status,
  rows: r.rows,
  firstDay: r.first_day,
  lastDay: r.last_day,
  origin: r.origin,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  error: r.error,
  problems: JSON.parse(r.problems) as BillingFileProblem[],
});

/** Which billing files were read, in the app store; the rows themselves are in the billing database. */
export class ImportRegistry {
  constructor(private readonly db: Db) {}

  list(): BillingImport[] {
    return (this.db.prepare('SELECT * FROM cost_imports ORDER BY started_at DESC, id DESC').all() as ImportRow[]).map(toImport);
  }

  get(id: number): BillingImport | null {
    const row = this.db.prepare('SELECT * FROM cost_imports WHERE id = ?').get(id) as ImportRow | undefined;
    return row ? toImport(row) : null;
  }

  /** A finished import of exactly this content, wherever it was read from. */
  okWithContent(sha256: string): BillingImport | null {
    const row = this.db.prepare("SELECT * FROM cost_imports WHERE sha256 = ? AND status = 'ok' LIMIT 1").get(sha256) as ImportRow | undefined;
    return row ? toImport(row) : null;
  }

  /** Whether a finished import had exactly this many bytes: only then can a file's content be known already. */
  okWithBytes(bytes: number): boolean {
    return this.db.prepare("SELECT 1 FROM cost_imports WHERE bytes = ? AND status = 'ok' LIMIT 1").get(bytes) !== undefined;
  }

  /** Finished imports of this path (another content: a newer export of the same file). */
  okAtPath(path: string): BillingImport[] {
    return (this.db.prepare("SELECT * FROM cost_imports WHERE path = ? AND status = 'ok'").all(path) as ImportRow[]).map(toImport);
  }

  okIds(): number[] {
    return (this.db.prepare("SELECT id FROM cost_imports WHERE status = 'ok'").all() as { id: number }[]).map((r) => r.id);
  }

  /** Records an import about to run (sha256 '' while the content is still being hashed); an earlier failed attempt at the same path is forgotten. */
  start(entry: { path: string; format: BillingFormat; sha256: string; bytes: number; origin: BillingImport['origin'] }): number {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM cost_imports WHERE path = ? AND status = 'failed'").run(entry.path);
      const info = this.db
        .prepare(
          "INSERT INTO cost_imports (path, format, sha256, bytes, status, origin, started_at) VALUES (?, ?, ?, ?, 'running', ?, ?)",
        )
        .run(entry.path, entry.format, entry.sha256, entry.bytes, entry.origin, Date.now());
      return Number(info.lastInsertRowid);
    })();
  }

  /** The import's rows are committed; the imports they replaced are gone. */
  succeed(
    id: number,
    result: { sha256: string; rows: number; firstDay: string | null; lastDay: string | null; durationMs: number; replaced: number[] },
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE cost_imports SET status = 'ok', sha256 = ?, rows = ?, first_day = ?, last_day = ?, duration_ms = ? WHERE id = ?")
        .run(result.sha256, result.rows, result.firstDay, result.lastDay, result.durationMs, id);
      for (const old of result.replaced) this.db.prepare('DELETE FROM cost_imports WHERE id = ?').run(old);
    })();
  }

  fail(id: number, error: string, problems: BillingFileProblem[], durationMs: number): void {
    this.db
      .prepare("UPDATE cost_imports SET status = 'failed', error = ?, problems = ?, duration_ms = ? WHERE id = ?")
      .run(error, JSON.stringify(problems), durationMs, id);
  }

  /** Imports still 'running' were cut short by a stop: their rows were never committed. */
  failInterrupted(): void {
    this.db
      .prepare("UPDATE cost_imports SET status = 'failed', error = 'Opsdeck stopped before the import finished' WHERE status = 'running'")
      .run();
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM cost_imports WHERE id = ?').run(id);
  }
}
