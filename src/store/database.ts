import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  override name = 'StoreError';
}

/** Opens (creating if needed) the store in dataDir: WAL mode, migrated to the latest schema. */
export function openDatabase(dataDir: string, fileName = 'opsdeck.db'): Db {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    throw new StoreError(`Data directory ${dataDir} is not writable: ${(err as Error).message}`);
  }
  const file = path.join(dataDir, fileName);
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new StoreError(`Cannot open the store at ${file}: ${(err as Error).message}`);
  }
  migrate(db, file);
  return db;
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    db.close();
    throw new StoreError(
      `The store at ${file} was written by a newer Opsdeck (schema ${current}, this build knows ${latest}). Upgrade Opsdeck or choose another data directory.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
