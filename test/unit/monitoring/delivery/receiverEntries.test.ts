import { describe, expect, it } from 'vitest';
import type { GroupMessage } from '../../../../src/monitoring/delivery/groupMessage';
import { receiverEntries } from '../../../../src/monitoring/delivery/receiverEntries';

const firing = { status: 'firing' as const, labels: { alertname: 'A' }, annotations: {}, startsAt: 0, endsAt: null, generatorURL: '' };
const resolved = { ...firing, status: 'resolved' as const, labels: { alertname: 'A', i: '2' }, endsAt: 5 };
const message = (alerts: GroupMessage['alerts']): GroupMessage => ({ receiver: 'r', groupKey: 'k', groupLabels: { alertname: 'A' }, alerts });

describe('receiverEntries', () => {
  it('gives a receiver without integrations one desktop entry', () => {
    expect(receiverEntries(message([firing]), { name: 'desktop', line: 1, integrations: {} }, '')).toEqual([
      { receiver: 'desktop', groupKey: 'k', integration: 'desktop', index: 0, payload: { title: '[FIRING:1] A', firing: 1, alerts: 1 } },
    ]);
  });

  it('gives each integration its entry, leaving resolved alerts out where send_resolved is off', () => {
    const receiver = { name: 'r', line: 1, integrations: { slack_configs: [{ api_url: 'x' }], webhook_configs: [{ url: 'a' }, { url: 'b', send_resolved: false }] } };
    const entries = receiverEntries(message([firing, resolved]), receiver, '');
    expect(entries.map((e) => [e.integration, e.index, (e.payload as { alerts?: unknown[] }).alerts?.length])).toEqual([
      ['webhook', 0, 2],
      ['webhook', 1, 1],
      ['slack', 0, undefined],
    ]);
    expect(JSON.stringify(entries[2]!.payload)).not.toContain('RESOLVED');
  });

  it('sends nothing to integrations without send_resolved when every alert resolved', () => {
    const receiver = { name: 'r', line: 1, integrations: { slack_configs: [{ api_url: 'x' }], pagerduty_configs: [{ routing_key: 'k' }] } };
    expect(receiverEntries(message([resolved]), receiver, '').map((e) => e.integration)).toEqual(['pagerduty']);
  });
});
