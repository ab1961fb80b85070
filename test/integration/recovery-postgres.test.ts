import { describe, expect, it } from 'vitest';
import type { DrillResult, RecoveryPlan, RecoverySummary, RecoveryTarget, SnapshotRow } from '../../src/contract';
import { cleanupAfterEach } from '../helpers/cleanups';
import { failure } from '../helpers/hostCall';
import { recoveryTestHost } from '../helpers/recoveryHost';
import { postgresForFile } from '../postgres/perFile';

const pg = postgresForFile();
const cleanup = cleanupAfterEach();

const ROWS = 2000;

function fill(database: string) {
  pg().sql('postgres', `DROP DATABASE IF EXISTS ${database} WITH (FORCE); CREATE DATABASE ${database};`);
  pg().sql(
    database,
    `CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL, qty int NOT NULL, placed timestamptz NOT NULL);
     INSERT INTO orders SELECT g, 'item-' || (g % 97), g % 13, timestamptz '2026-01-01' + g * interval '1 minute' FROM generate_series(1, ${ROWS}) g;
     CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
     INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 300) g;`,
  );
}

const checksum = (database: string, table: string) => pg().sql(database, `SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM ${table} t`);

async function hostWithTarget(database: string) {
  const h = await recoveryTestHost();
  cleanup(() => h.stop());
  const target = await h.call<RecoveryTarget>('recovery.targets.save', {
    name: database,
    spec: { kind: 'postgres', host: pg().host, port: pg().port, user: pg().user, database, sslmode: 'disable' },
    password: pg().password,
  });
  return { h, target };
}

const databases = () => pg().sql('postgres', 'SELECT string_agg(datname, \',\' ORDER BY datname) FROM pg_database').split(',');

describe('PostgreSQL backup and restore', () => {
  it('restores a dropped database into a new one with the same table checksums', async () => {
    fill('shop');
    const { h, target } = await hostWithTarget('shop');
    expect(h.secrets.values.get(`recovery-target:${target.id}`)).toBe(pg().password);
    const before = { orders: checksum('shop', 'orders'), customers: checksum('shop', 'customers') };

    const backup = await h.job('recovery.backup', { targetId: target.id });
    expect(backup.state, backup.message ?? '').toBe('succeeded');
    const [snap] = await h.call<SnapshotRow[]>('recovery.snapshots', { targetId: target.id });
    expect(snap?.fileCount).toBe(1);

    pg().sql('shop', 'UPDATE orders SET qty = qty + 1; DELETE FROM customers WHERE id > 10;');
    expect(checksum('shop', 'orders')).not.toBe(before.orders);
    pg().sql('postgres', 'DROP DATABASE shop WITH (FORCE)');

    const restore = await h.job('recovery.restore', { snapshotId: snap!.id, into: { kind: 'postgres', database: 'shop_restored' } });
    expect(restore.state, restore.message ?? '').toBe('succeeded');
    expect(restore.progress?.bytesDone).toBeGreaterThan(0);
    expect(checksum('shop_restored', 'orders')).toBe(before.orders);
    expect(checksum('shop_restored', 'customers')).toBe(before.customers);
  });

  it('refuses a wrong password before saving, and keeps no password', async () => {
    const h = await recoveryTestHost();
    cleanup(() => h.stop());
    fill('billing');
    const message = await failure(h.host, 'recovery.targets.save', {
      name: 'billing',
      spec: { kind: 'postgres', host: pg().host, port: pg().port, user: pg().user, database: 'billing', sslmode: 'disable' },
      password: 'not the password',
    });
    expect(message).toMatch(/UNAVAILABLE .*password authentication failed/);
    expect(await h.call<RecoveryTarget[]>('recovery.targets.list', {})).toEqual([]);
    expect([...h.secrets.values.keys()]).toEqual(['recovery-repository']);
  });

  it('a failed backup records the error and keeps the RPO unmet', async () => {
    fill('ledger');
    const { h, target } = await hostWithTarget('ledger');
    pg().sql('postgres', 'DROP DATABASE ledger WITH (FORCE)');
    const failed = await h.job('recovery.backup', { targetId: target.id });
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/pg_dump failed: .*database "ledger" does not exist/);
    const [listed] = await h.call<RecoveryTarget[]>('recovery.targets.list', {});
    expect(listed?.lastError).toMatch(/does not exist/);
    expect(listed?.rpoMet).toBeNull();
    expect(await h.call<SnapshotRow[]>('recovery.snapshots', {})).toEqual([]);
  });

  it('drills a plan into a scratch database, measures and records the RTO, and cleans up', async () => {
    fill('inventory');
    const { h, target } = await hostWithTarget('inventory');
    expect((await h.job('recovery.backup', { targetId: target.id })).state).toBe('succeeded');
    const plan = await h.call<RecoveryPlan>('recovery.plans.save', {
      name: 'inventory',
      steps: [
        { kind: 'restore', targetId: target.id, into: { kind: 'postgres', database: 'inventory' } },
        { kind: 'check-sql', targetId: target.id, database: 'inventory', query: 'SELECT count(*) FROM orders', expect: String(ROWS) },
        { kind: 'check-sql', targetId: target.id, database: 'inventory', query: "SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM orders t", expect: checksum('inventory', 'orders') },
      ],
    });
    const summaryBefore = await h.call<RecoverySummary>('recovery.summary', {});
    expect(summaryBefore.plans).toEqual([{ id: plan.id, name: 'inventory', rtoObjectiveMs: 3_600_000, lastDrillAt: null, lastDrillMs: null, rtoMet: null }]);

    pg().sql('inventory', 'DELETE FROM orders WHERE id > 5');
    const drill = await h.job('recovery.drills.run', { planId: plan.id });
    expect(drill.state, drill.message ?? '').toBe('succeeded');
    expect(drill.steps?.map((s) => s.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // The real database was not touched; the scratch one is gone.
    expect(pg().sql('inventory', 'SELECT count(*) FROM orders')).toBe('5');
    expect(databases().filter((d) => d.includes('drill'))).toEqual([]);

    const [result] = await h.call<DrillResult[]>('recovery.drills.list', { planId: plan.id });
    expect(result).toMatchObject({ planId: plan.id, succeeded: true, rtoMet: true, rtoObjectiveMs: 3_600_000 });
    expect(result!.durationMs).toBeGreaterThan(0);
    const summary = await h.call<RecoverySummary>('recovery.summary', {});
    expect(summary.plans[0]).toMatchObject({ lastDrillAt: result!.startedAt, lastDrillMs: result!.durationMs, rtoMet: true });
    expect(summary.targets[0]).toMatchObject({ id: target.id, kind: 'postgres', rpoMet: true });
  });

  it('stops a plan at the failing check and rolls back the database it created', async () => {
    fill('crm');
    const { h, target } = await hostWithTarget('crm');
    expect((await h.job('recovery.backup', { targetId: target.id })).state).toBe('succeeded');
    const plan = await h.call<RecoveryPlan>('recovery.plans.save', {
      name: 'crm',
      steps: [
        { kind: 'restore', targetId: target.id, into: { kind: 'postgres', database: 'crm_recovered' } },
        { kind: 'check-sql', targetId: target.id, database: 'crm_recovered', query: 'SELECT count(*) FROM customers', expect: '301' },
        { kind: 'check-sql', targetId: target.id, database: 'crm_recovered', query: 'SELECT 1', expect: '1' },
      ],
    });
    const run = await h.job('recovery.plans.run', { id: plan.id });
    expect(run.state).toBe('failed');
    expect(run.steps?.map((s) => s.state)).toEqual(['succeeded', 'failed', 'skipped']);
    expect(run.steps?.[1]?.message).toBe('expected 301, got 300');
    expect(run.canRollBack).toBe(true);
    expect(databases()).toContain('crm_recovered');
    const rolled = await h.call<{ steps: { state: string }[] }>('recovery.jobs.rollback', { id: run.id });
    expect(rolled.steps.map((s) => s.state)).toEqual(['rolled-back', 'failed', 'skipped']);
    expect(databases()).not.toContain('crm_recovered');
  });
});
