import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../../../src/recovery/repository/forget';
import type { SnapshotInfo } from '../../../../src/recovery/repository/types';

const snap = (id: string, iso: string, target = 'files'): SnapshotInfo => ({
  id,
  time: Date.parse(iso),
  target,
  host: 'h',
  tags: [],
  paths: [],
  parent: null,
  tree: 't',
  summary: { sizeBytes: 0, dataAdded: 0, dataAddedStored: 0, files: 0, dirs: 0, durationMs: 0 },
});

const ids = (decisions: { snapshot: SnapshotInfo }[]) => decisions.map((d) => d.snapshot.id).sort();

describe('retention policy', () => {
  const snapshots = [
    snap('a', '2026-10-30T10:00:00Z'),
    snap('b', '2026-11-20T09:00:00Z'),
    snap('c', '2026-11-21T08:00:00Z'),
    snap('d', '2026-11-21T20:00:00Z'),
    snap('e', '2026-11-22T07:00:00Z'),
    snap('f', '2026-11-22T07:30:00Z'),
  ];

  it('keeps the last N and the newest snapshot of each of the newest N days, with reasons', () => {
    const { keep, remove } = applyPolicy(snapshots, { last: 1, daily: 2 });
    expect(ids(keep)).toEqual(['d', 'f']);
    expect(ids(remove)).toEqual(['a', 'b', 'c', 'e']);
    expect(keep.find((d) => d.snapshot.id === 'f')!.reasons).toEqual(['last 1', 'daily 2026-11-22']);
    expect(keep.find((d) => d.snapshot.id === 'd')!.reasons).toEqual(['daily 2026-11-21']);
    expect(remove.every((d) => d.reasons.length === 0)).toBe(true);
  });

  it('buckets by ISO week, month and year', () => {
    expect(ids(applyPolicy(snapshots, { weekly: 2 }).keep)).toEqual(['a', 'f']);
    expect(applyPolicy(snapshots, { weekly: 1 }).keep[0]!.reasons).toEqual(['weekly 2026-W47']);
    expect(ids(applyPolicy(snapshots, { monthly: 5 }).keep)).toEqual(['a', 'f']);
    expect(ids(applyPolicy(snapshots, { yearly: 1, hourly: 2 }).keep)).toEqual(['d', 'f']);
  });

  it('judges each target on its own and never deletes under an empty policy', () => {
    const mixed = [...snapshots, snap('x', '2026-01-01T00:00:00Z', 'db')];
    expect(ids(applyPolicy(mixed, { last: 1 }).keep)).toEqual(['f', 'x']);
    expect(ids(applyPolicy(mixed, { last: 1, target: 'db' }).keep)).toEqual(['x']);
    expect(applyPolicy(mixed, {}).remove).toEqual([]);
  });
});
