import { describe, expect, it } from 'vitest';
import type { PlanStep, RecoveryTargetSpec } from '../../../src/contract';
import { scratchPlan } from '../../../src/recovery/drills/scratch';

const specs: Record<string, RecoveryTargetSpec> = {
  db: { kind: 'postgres', host: 'db', port: 5432, user: 'app', database: 'shop', sslmode: 'prefer' },
  k8s: { kind: 'kubernetes', context: 'prod', namespaces: ['shop', 'cache'], includeSecrets: false },
  site: { kind: 'files', root: '/srv/site', excludes: [] },
};
const space = { tag: 'abc123', dir: '/tmp/drill-x' };
const scratch = (steps: PlanStep[]) => scratchPlan(steps, (id) => specs[id] ?? null, space);

describe('drill scratch plan', () => {
  it('moves every restore to a new place and makes later steps follow it', () => {
    const steps = scratch([
      { kind: 'restore', targetId: 'db', snapshotId: null, into: { kind: 'postgres', database: 'shop' } },
      { kind: 'restore', targetId: 'k8s', snapshotId: null, into: { kind: 'kubernetes', namespaces: { cache: 'cache-v2' } } },
      { kind: 'restore', targetId: 'site', snapshotId: null, into: { kind: 'files', destination: '/srv/site' } },
      { kind: 'scale', context: 'prod', namespace: 'shop', deployment: 'web', replicas: 3 },
      { kind: 'wait-ready', context: 'prod', namespace: 'cache-v2', deployment: 'redis', timeoutMs: 60_000 },
      { kind: 'check-sql', targetId: 'db', database: 'shop', query: 'SELECT 1', expect: '1' },
      { kind: 'check-file', path: '/srv/site/index.html', sha256: 'a'.repeat(64) },
      { kind: 'check-file', path: '/etc/hosts', sha256: 'b'.repeat(64) },
    ]);
    expect(steps).toEqual([
      { kind: 'restore', targetId: 'db', snapshotId: null, into: { kind: 'postgres', database: 'shop_drill_abc123' } },
      { kind: 'restore', targetId: 'k8s', snapshotId: null, into: { kind: 'kubernetes', namespaces: { shop: 'shop-drill-abc123', cache: 'cache-v2-drill-abc123' } } },
      { kind: 'restore', targetId: 'site', snapshotId: null, into: { kind: 'files', destination: '/tmp/drill-x/step-1' } },
      { kind: 'scale', context: 'prod', namespace: 'shop-drill-abc123', deployment: 'web', replicas: 3 },
      { kind: 'wait-ready', context: 'prod', namespace: 'cache-v2-drill-abc123', deployment: 'redis', timeoutMs: 60_000 },
      { kind: 'check-sql', targetId: 'db', database: 'shop_drill_abc123', query: 'SELECT 1', expect: '1' },
      { kind: 'check-file', path: '/tmp/drill-x/step-1/index.html', sha256: 'a'.repeat(64) },
      { kind: 'check-file', path: '/etc/hosts', sha256: 'b'.repeat(64) },
    ]);
  });

  it('keeps scratch names within the limits of databases and namespaces', () => {
    const long = 'x'.repeat(63);
    const [db, ns] = scratchPlan(
      [
        { kind: 'restore', targetId: 'db', snapshotId: null, into: { kind: 'postgres', database: long } },
        { kind: 'restore', targetId: 'other', snapshotId: null, into: { kind: 'kubernetes', namespaces: { [long]: long } } },
      ],
      () => null,
      space,
    );
    expect(db?.kind === 'restore' && db.into.kind === 'postgres' && db.into.database.length).toBe(63);
    expect(ns?.kind === 'restore' && ns.into.kind === 'kubernetes' && Object.values(ns.into.namespaces)[0]!.length).toBe(63);
  });

  it('refuses to scale a deployment the drill did not restore', () => {
    expect(() => scratch([{ kind: 'scale', context: 'prod', namespace: 'shop', deployment: 'web', replicas: 0 }])).toThrow(/scales only what it restored/);
  });
});
