import type { PromAuthKind } from '../../contract';
import { OpsdeckError } from '../../contract';
import type { Db } from '../../store/database';

/** A source as the store keeps it: no password, no token. */
export interface SourceRecord {
  id: number;
  name: string;
  url: string;
  auth: PromAuthKind;
  username: string | null;
}

export type SourceFields = Omit<SourceRecord, 'id'>;

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

const nameTaken = (name: string) => new OpsdeckError('BAD_REQUEST', `A source named "${name}" exists already.`);

/** The added Prometheus sources, in the prometheus_sources table. */
export class SourceStore {
  constructor(private readonly db: Db) {}

  list(): SourceRecord[] {
    return this.db.prepare<[], SourceRecord>('SELECT id, name, url, auth, username FROM prometheus_sources ORDER BY name COLLATE NOCASE, id').all();
  }

  get(id: number): SourceRecord {
    const row = this.db.prepare<[number], SourceRecord>('SELECT id, name, url, auth, username FROM prometheus_sources WHERE id = ?').get(id);
    if (!row) throw new OpsdeckError('NOT_FOUND', `No Prometheus source with id ${id}.`);
    return row;
  }

  insert(fields: SourceFields): SourceRecord {
    try {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO prometheus_sources (name, url, auth, username, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(fields.name, fields.url, fields.auth, fields.username, Date.now());
      return { id: Number(lastInsertRowid), ...fields };
    } catch (err) {
      throw isUniqueViolation(err) ? nameTaken(fields.name) : err;
    }
  }

  update(record: SourceRecord): void {
    try {
      this.db
        .prepare('UPDATE prometheus_sources SET name = ?, url = ?, auth = ?, username = ? WHERE id = ?')
        .run(record.name, record.url, record.auth, record.username, record.id);
    } catch (err) {
      throw isUniqueViolation(err) ? nameTaken(record.name) : err;
    }
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM prometheus_sources WHERE id = ?').run(id);
  }
}
