import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, type NewAuditEntry } from '../../../src/store/auditLog';
import { openDatabase } from '../../../src/store/database';
import { migrations } from '../../../src/store/migrations';
import { tempDir } from '../../helpers/tempDir';

const entry = (ts: number, over: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  ts,
  actor: 'alice (desktop)',
  action: 'scale',
  target: { kind: 'deployment', namespace: 'shop', name: 'web', replicas: 3 },
  context: 'prod',
  result: 'ok',
  message: 'Deployment shop/web scaled to 3 replicas.',
  ...over,
});

describe('audit log', () => {
  it('keeps entries across reopen and lists them newest first, by page', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    const log = new AuditLog(db);
    const first = log.append(entry(1000));
    log.append(entry(3000, { action: 'cordon', target: { name: 'node-a' }, message: 'Node node-a cordoned.' }));
    log.append(entry(2000, { result: 'error', message: 'pods "x" is forbidden (HTTP 403)', action: 'deletePod', target: { namespace: 'shop', name: 'x' } }));
    expect(first).toMatchObject({ id: 1, ts: 1000 });
    db.close();

    const again = new AuditLog(openDatabase(dir));
    expect(again.list({ limit: 10, offset: 0 }).map((e) => e.ts)).toEqual([3000, 2000, 1000]);
    expect(again.list({ limit: 1, offset: 1 })).toEqual([
      { id: 3, ...entry(2000, { result: 'error', message: 'pods "x" is forbidden (HTTP 403)', action: 'deletePod', target: { namespace: 'shop', name: 'x' } }) },
    ]);
  });

  it('filters on any field, taking % and _ literally', () => {
    const log = new AuditLog(openDatabase(tempDir()));
    log.append(entry(1, { target: { name: 'node_a' }, action: 'cordon' }));
    log.append(entry(2, { target: { name: 'nodeXa' }, action: 'cordon' }));
    log.append(entry(3, { message: '100% done' }));
    expect(log.list({ limit: 10, offset: 0, text: 'node_a' }).map((e) => e.ts)).toEqual([1]);
    expect(log.list({ limit: 10, offset: 0, text: '100%' }).map((e) => e.ts)).toEqual([3]);
    expect(log.list({ limit: 10, offset: 0, text: 'ALICE' })).toHaveLength(3);
    expect(log.list({ limit: 10, offset: 0, text: 'nowhere' })).toEqual([]);
  });

  it('migrates a version 1 store without touching its data', () => {
    const dir = tempDir();
    const file = path.join(dir, 'opsdeck.db');
    const v1 = new Database(file);
    v1.exec(migrations[0]!.sql);
    v1.pragma('user_version = 1');
    v1.prepare("INSERT INTO kv (key, value) VALUES ('k', '1')").run();
    v1.close();
    const db = openDatabase(dir);
    expect(db.prepare('SELECT value FROM kv').get()).toEqual({ value: '1' });
    expect(new AuditLog(db).append(entry(5)).id).toBe(1);
  });

  it('refuses a result other than ok or error', () => {
    const log = new AuditLog(openDatabase(tempDir()));
    expect(() => log.append(entry(1, { result: 'maybe' as 'ok' }))).toThrow(/CHECK constraint/);
  });
});
