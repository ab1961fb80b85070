import type { Alert, AlertSummary } from '@contract';
import { describe, expect, it } from 'vitest';
import { diffFiring } from '../../../electron/alertDiff';

const alert = (id: string): Alert => ({
  id,
  rule: 'HighCpu',
  severity: 'warning',
  summary: `${id} is hot`,
  labels: { host: id },
  activeSince: 0,
  state: 'firing',
  value: 95,
});

const summary = (...ids: string[]): AlertSummary => ({ firing: ids.map(alert), pending: [], updatedAt: 0 });

describe('diffFiring', () => {
  it('reports every firing alert against an empty baseline', () => {
    const { fresh, ids } = diffFiring(new Set(), summary('a', 'b'));
    expect(fresh.map((a) => a.id)).toEqual(['a', 'b']);
    expect([...ids]).toEqual(['a', 'b']);
  });

  it('reports only alerts that were not firing before', () => {
    expect(diffFiring(new Set(['a']), summary('a', 'b')).fresh.map((a) => a.id)).toEqual(['b']);
  });

  it('reports nothing when the same alerts keep firing', () => {
    expect(diffFiring(new Set(['a', 'b']), summary('b', 'a')).fresh).toEqual([]);
  });

  it('drops resolved alerts from the baseline so they are news when they fire again', () => {
    const resolved = diffFiring(new Set(['a']), summary());
    expect(resolved.ids.size).toBe(0);
    expect(diffFiring(resolved.ids, summary('a')).fresh.map((a) => a.id)).toEqual(['a']);
  });

  it('ignores pending alerts', () => {
    const withPending: AlertSummary = { ...summary(), pending: [{ ...alert('p'), state: 'pending' }] };
    expect(diffFiring(new Set(), withPending).fresh).toEqual([]);
  });
});
