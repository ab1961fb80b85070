import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database';
import { KeyValueStore } from '../../../src/store/keyValue';
import { migrations } from '../../../src/store/migrations';
import { tempDir } from '../../helpers/tempDir';

describe('store', () => {
  it('creates the schema in WAL mode and keeps values across reopen', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    new KeyValueStore(db).set('window', { width: 1200, height: 800 });
    db.close();

    const again = openDatabase(dir);
    expect(new KeyValueStore(again).get('window')).toEqual({ width: 1200, height: 800 });
    again.close();
  });

  it('refuses a store written by a newer schema and leaves it untouched', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(path.join(dir, 'opsdeck.db'));
    expect(() => openDatabase(dir)).toThrow(/newer Opsdeck \(schema 999/);
    expect(fs.readFileSync(path.join(dir, 'opsdeck.db')).equals(before)).toBe(true);
  });

  it('names the data directory when it cannot be written', () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    expect(() => openDatabase(path.join(file, 'sub'))).toThrow(/Data directory .*not-a-dir\/sub is not writable/);
  });

  it('returns undefined for a value that is not JSON instead of throwing', () => {
    const db = openDatabase(tempDir());
    db.prepare("INSERT INTO kv (key, value) VALUES ('broken', '{nope')").run();
    expect(new KeyValueStore(db).get('broken')).toBeUndefined();
    db.close();
  });
});
