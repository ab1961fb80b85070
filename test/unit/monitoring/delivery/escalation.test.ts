import { describe, expect, it } from 'vitest';
import { EscalationTracker } from '../../../../src/monitoring/delivery/escalation';
import type { GroupMessage } from '../../../../src/monitoring/delivery/groupMessage';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';

const alert = (status: 'firing' | 'resolved', i: string) => ({ status, labels: { alertname: 'A', i }, annotations: {}, startsAt: 0, endsAt: null, generatorURL: '' });
const message = (...alerts: GroupMessage['alerts']): GroupMessage => ({ receiver: 'team', groupKey: 'k', groupLabels: { alertname: 'A' }, alerts });
const steps = [
  { afterMs: 15 * 60_000, receiver: 'oncall' },
  { afterMs: 30 * 60_000, receiver: 'manager' },
];
const never = () => false;

describe('EscalationTracker', () => {
  it('tells each level once, at its delay from the first notification', () => {
    const t = new EscalationTracker();
    t.notified('g', steps, message(alert('firing', '1')), 1000);
    // A later notification of the same group does not restart the clock.
    t.notified('g', steps, message(alert('firing', '1'), alert('firing', '2')), 5 * 60_000);
    expect(t.nextDueAt()).toBe(1000 + 15 * 60_000);
    expect(t.due(1000 + 15 * 60_000 - 1, never)).toEqual([]);
    const first = t.due(1000 + 15 * 60_000, never);
    expect(first.map((m) => [m.receiver, m.alerts.length])).toEqual([['oncall', 2]]);
    expect(t.due(1000 + 20 * 60_000, never)).toEqual([]);
    expect(t.due(1000 + 30 * 60_000, never).map((m) => m.receiver)).toEqual(['manager']);
    expect(t.nextDueAt()).toBeNull();
  });

  it('does not escalate a group whose firing alerts were all acknowledged', () => {
    const t = new EscalationTracker();
    t.notified('g', steps, message(alert('firing', '1'), alert('firing', '2')), 0);
    expect(t.due(15 * 60_000, (l) => l.i === '1').map((m) => m.receiver)).toEqual(['oncall']);
    expect(t.due(30 * 60_000, () => true)).toEqual([]);
    expect(t.nextDueAt()).toBeNull();
  });

  it('forgets a group once it resolved, and routes without escalation', () => {
    const t = new EscalationTracker();
    t.notified('g', steps, message(alert('firing', '1')), 0);
    t.notified('g', steps, message(alert('resolved', '1')), 60_000);
    t.notified('h', [], message(alert('firing', '1')), 0);
    expect(t.nextDueAt()).toBeNull();
  });
});

describe('opsdeck_escalation in the routing config', () => {
  const config = (escalation: string) =>
    parseRoutingConfig(['route:', '  receiver: team', '  opsdeck_escalation:', escalation, 'receivers:', '  - name: team', '  - name: oncall', ''].join('\n'));

  it('reads the steps', () => {
    expect(config('    - { after: 15m, receiver: oncall }\n    - { after: 30m, receiver: team }').config?.route.escalation).toEqual([
      { afterMs: 15 * 60_000, receiver: 'oncall' },
      { afterMs: 30 * 60_000, receiver: 'team' },
    ]);
  });

  it('reports bad steps with their lines', () => {
    expect(config('    - { after: 15m, receiver: nobody }').problems).toEqual([{ line: 4, column: 31, message: 'undefined receiver "nobody" used in route' }]);
    expect(config('    - { after: soon, receiver: oncall }').problems).toEqual([{ line: 4, column: 16, message: 'after: not a valid non-zero duration: "soon"' }]);
    expect(config('    - { after: 30m, receiver: oncall }\n    - { after: 15m, receiver: team }').problems).toEqual([
      { line: 5, column: 16, message: 'opsdeck_escalation steps must come later one after the other' },
    ]);
    expect(config('    - { after: 1m, receiver: oncall, repeat: true }').problems).toEqual([{ line: 4, column: 38, message: 'field repeat not found in opsdeck_escalation step' }]);
  });
});
