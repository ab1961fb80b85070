import { describe, expect, it } from 'vitest';
import type { PlanStep, RecoveryTarget } from '../../../src/contract';
import { draftOfStep, emptyStep, stepOf } from '../../../renderer/src/views/recovery/planDraft';

const target = (id: string, spec: RecoveryTarget['spec']): RecoveryTarget => ({
  id,
  name: id,
  spec,
  hasPassword: false,
  rpoObjectiveMs: 900_000,
  schedule: null,
  nextRunAt: null,
  retention: null,
  lastGoodAt: null,
  lastError: null,
  rpoMet: null,
  createdAt: 0,
});

const targets = [
  target('db', { kind: 'postgres', host: 'h', port: 5432, user: 'u', database: 'shop', sslmode: 'prefer' }),
  target('k8s', { kind: 'kubernetes', context: 'prod', namespaces: ['shop'], includeSecrets: false }),
];

describe('recovery plan editor drafts', () => {
  it('turns saved steps into drafts and back unchanged', () => {
    const steps: PlanStep[] = [
      { kind: 'restore', targetId: 'db', snapshotId: null, into: { kind: 'postgres', database: 'shop_copy' } },
      { kind: 'restore', targetId: 'k8s', snapshotId: 'abcdef12', into: { kind: 'kubernetes', namespaces: { shop: 'shop-copy' } } },
      { kind: 'scale', context: 'prod', namespace: 'shop-copy', deployment: 'web', replicas: 2 },
      { kind: 'wait-ready', context: 'prod', namespace: 'shop-copy', deployment: 'web', timeoutMs: 120_000 },
      { kind: 'check-sql', targetId: 'db', database: 'shop_copy', query: 'SELECT count(*) FROM orders', expect: '2000' },
      { kind: 'check-file', path: '/srv/index.html', sha256: 'f'.repeat(64) },
    ];
    expect(steps.map((s) => stepOf(draftOfStep(s), targets))).toEqual(steps);
  });

  it('holds back a step until its fields make sense', () => {
    expect(stepOf(emptyStep('restore'), targets)).toBeNull();
    expect(stepOf({ ...emptyStep('restore'), targetId: 'k8s', into: 'shop' }, targets)).toBeNull();
    expect(stepOf({ ...emptyStep('scale'), context: 'prod', namespace: 'a', deployment: 'b', replicas: '-1' }, targets)).toBeNull();
    expect(stepOf({ ...emptyStep('check-file'), path: '/x', sha256: 'nothex' }, targets)).toBeNull();
  });
});
