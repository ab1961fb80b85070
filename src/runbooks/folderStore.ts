import fs from 'node:fs';
import path from 'node:path';
import { OpsdeckError } from '../contract';
import type { Db } from '../store/database';

/** The user's runbook folders, kept in SQLite. */
export class FolderStore {
  constructor(private readonly db: Db) {}

  list(): string[] {
    return this.db
      .prepare<[], { path: string }>('SELECT path FROM runbook_folders ORDER BY added_at, path')
      .all()
      .map((r) => r.path);
  }

  /** Only an existing folder, by its absolute path. */
  add(folder: string, now = Date.now()): void {
    if (!path.isAbsolute(folder)) throw new OpsdeckError('BAD_REQUEST', `${folder} is not an absolute path.`);
    const resolved = path.resolve(folder);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(resolved);
    } catch {
      throw new OpsdeckError('BAD_REQUEST', `There is no folder ${resolved}.`);
    }
    if (!stat.isDirectory()) throw new OpsdeckError('BAD_REQUEST', `${resolved} is not a folder.`);
    this.db.prepare('INSERT INTO runbook_folders (path, added_at) VALUES (?, ?) ON CONFLICT(path) DO NOTHING').run(resolved, now);
  }

  remove(folder: string): void {
    const info = this.db.prepare('DELETE FROM runbook_folders WHERE path = ?').run(folder);
    if (info.changes === 0) throw new OpsdeckError('NOT_FOUND', `${folder} is not one of the runbook folders.`);
  }
}
