import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/kubernetes/kinds/read';
import { median, windowMetrics, type RolloutEvent } from '../../../src/deliveryMetrics/deliveryMath';
import { clusterHistory, COMMIT_TIME_ANNOTATION } from '../../../src/deliveryMetrics/rolloutEvents';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const iso = (ms: number) => new Date(ms).toISOString();

const deploy = (daysAgo: number, commitHoursBefore: number | null = null): RolloutEvent => {
  const at = NOW - daysAgo * DAY;
  return { context: 'c', namespace: 'n', deployment: 'd', revision: 0, kind: 'deploy', at, commitAt: commitHoursBefore === null ? null : at - commitHoursBefore * HOUR };
};

describe('delivery metrics math', () => {
  it('takes the median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts deployments, failures, restores and lead time inside each window', () => {
    const rollouts = [deploy(1, 2), deploy(3, 4), deploy(6), deploy(10, 10), deploy(29), deploy(31), { ...deploy(2), kind: 'rollback' as const }];
    const failed = [{ context: 'c', namespace: 'n', deployment: 'd', at: NOW - 12 * DAY }];
    const incidents = [
      { namespace: 'n', openedAt: NOW - DAY - 30 * 60_000, resolvedAt: NOW - DAY },
      { namespace: 'n', openedAt: NOW - 20 * DAY - 90 * 60_000, resolvedAt: NOW - 20 * DAY },
    ];
    const week = windowMetrics(7, NOW, rollouts, failed, incidents);
    expect(week).toEqual({
      days: 7,
      deployments: 3,
      perDay: 0.43,
      rollbacks: 1,
      failedRollouts: 0,
      changeFailureRate: 1 / 3,
      timeToRestoreMs: 30 * 60_000,
      incidentsResolved: 1,
      leadTimeMs: 3 * HOUR,
      leadTimeSamples: 2,
    });
    const month = windowMetrics(30, NOW, rollouts, failed, incidents);
    expect(month).toMatchObject({ deployments: 5, perDay: 0.17, rollbacks: 1, failedRollouts: 1, changeFailureRate: 2 / 5, timeToRestoreMs: 60 * 60_000, incidentsResolved: 2, leadTimeMs: 4 * HOUR, leadTimeSamples: 3 });
  });

  it('has no rate without deployments, and caps it at 100 %', () => {
    expect(windowMetrics(7, NOW, [], [], []).changeFailureRate).toBeNull();
    const rollbacks = [deploy(1), { ...deploy(1), kind: 'rollback' as const }, { ...deploy(2), kind: 'rollback' as const }];
    expect(windowMetrics(7, NOW, rollbacks, [], []).changeFailureRate).toBe(1);
  });
});

describe('rollout history from ReplicaSets', () => {
  const deployment = { metadata: { name: 'web', namespace: 'shop', uid: 'd-1' }, status: {} } as Json;
  const rs = (name: string, created: number, revision: string, extra: { history?: string; commit?: string } = {}) =>
    ({
      metadata: {
        name,
        namespace: 'shop',
        creationTimestamp: iso(created),
        ownerReferences: [{ kind: 'Deployment', uid: 'd-1', controller: true }],
        annotations: { 'deployment.kubernetes.io/revision': revision, ...(extra.history ? { 'deployment.kubernetes.io/revision-history': extra.history } : {}) },
      },
      spec: { template: { metadata: { annotations: extra.commit ? { [COMMIT_TIME_ANNOTATION]: extra.commit } : {} } } },
    }) as Json;

  it('dates new revisions at their ReplicaSet, and a rollback at the revision it undid', () => {
    // Revision 1 (a), 2 (b), then undo back to a (revision 3), then c (revision 4).
    const sets = [rs('web-a', NOW - 5 * DAY, '3', { history: '1' }), rs('web-b', NOW - 4 * DAY, '2', { commit: iso(NOW - 4 * DAY - HOUR) }), rs('web-c', NOW - DAY, '4')];
    const { rollouts, failed } = clusterHistory('lab', [deployment], sets);
    expect(failed).toEqual([]);
    expect(rollouts.map((r) => [r.revision, r.kind, (NOW - r.at) / DAY, r.commitAt])).toEqual([
      [1, 'deploy', 5, null],
      [2, 'deploy', 4, NOW - 4 * DAY - HOUR],
      [3, 'rollback', 4, null],
      [4, 'deploy', 1, null],
    ]);
  });

  it('finds a rollout that exceeded its progress deadline', () => {
    const stalled = { ...deployment, status: { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', lastTransitionTime: iso(NOW - HOUR) }] } } as Json;
    expect(clusterHistory('lab', [stalled], []).failed).toEqual([{ context: 'lab', namespace: 'shop', deployment: 'web', at: NOW - HOUR }]);
  });
});
