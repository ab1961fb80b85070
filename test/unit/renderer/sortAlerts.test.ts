import type { Alert } from '@contract';
import { describe, expect, it } from 'vitest';
import { labelText, nextSort, sortAlerts } from '../../../renderer/src/views/monitoring/sortAlerts';

const alert = (id: string, over: Partial<Alert>): Alert => ({
  id,
  rule: 'HostHighCpu',
  severity: 'warning',
  summary: '',
  labels: { source: 'host' },
  activeSince: 0,
  state: 'pending',
  value: 0,
  ...over,
});

const alerts = [
  alert('a', { rule: 'HostMemoryPressure', severity: 'warning', value: 91 }),
  alert('b', { rule: 'HostDiskAlmostFull', severity: 'critical', state: 'firing', value: 95 }),
  alert('c', { rule: 'HostHighCpu', severity: 'warning', state: 'firing', value: 99, activeSince: 5 }),
];

describe('sortAlerts', () => {
  it('orders severity by urgency', () => {
    expect(sortAlerts(alerts, { column: 'severity', direction: 'desc' }).map((a) => a.id)).toEqual(['b', 'a', 'c']);
  });

  it('sorts text and numbers in either direction', () => {
    expect(sortAlerts(alerts, { column: 'rule', direction: 'asc' }).map((a) => a.id)).toEqual(['b', 'c', 'a']);
    expect(sortAlerts(alerts, { column: 'value', direction: 'desc' }).map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(sortAlerts(alerts, { column: 'state', direction: 'desc' }).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('does not reorder its input', () => {
    sortAlerts(alerts, { column: 'value', direction: 'asc' });
    expect(alerts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('nextSort', () => {
  it('flips the current column and starts urgency columns descending', () => {
    expect(nextSort({ column: 'rule', direction: 'asc' }, 'rule')).toEqual({ column: 'rule', direction: 'desc' });
    expect(nextSort({ column: 'rule', direction: 'asc' }, 'severity')).toEqual({ column: 'severity', direction: 'desc' });
    expect(nextSort({ column: 'severity', direction: 'desc' }, 'summary')).toEqual({ column: 'summary', direction: 'asc' });
  });
});

describe('labelText', () => {
  it('lists labels in key order', () => {
    expect(labelText({ source: 'host', mount: '/' })).toBe('mount=/, source=host');
  });
});
