import { describe, expect, it } from 'vitest';
import type { AlertInstance } from '../../../../src/contract';
import { unacknowledgedAlerts } from '../../../../src/monitoring/unacknowledgedAlerts';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

const alert = (id: number, over: Partial<AlertInstance> = {}): AlertInstance => ({
  id,
  alertname: 'DiskFull',
  group: 'g',
  file: 'disk.yml',
  labels: { alertname: 'DiskFull', severity: 'critical', mount: `/m${id}` },
  annotations: { summary: `disk /m${id} full` },
  state: 'firing',
  value: 95,
  activeAt: NOW - 3 * 60 * MIN,
  firedAt: NOW - 2 * 60 * MIN,
  resolvedAt: null,
  keepFiringSince: null,
  lastEvalAt: NOW,
  ack: null,
  silencedBy: [],
  ...over,
});

describe('unacknowledged alerts on the Overview', () => {
  it('recommends owning each alert name that fires unacknowledged, most urgent first by severity and age', async () => {
    const alerts = [
      alert(1),
      alert(2, { firedAt: NOW - 30 * MIN }),
      alert(3, { alertname: 'Slow', labels: { alertname: 'Slow', severity: 'warning' }, annotations: {}, firedAt: NOW - 20 * MIN }),
      // Not worth a line: acknowledged, silenced, pending, or firing only for a moment.
      alert(4, { ack: { by: 'ana', at: NOW, comment: '' } }),
      alert(5, { silencedBy: [1] }),
      alert(6, { state: 'pending', firedAt: null }),
      alert(7, { alertname: 'Fresh', firedAt: NOW - 5 * MIN }),
    ];
    const recs = await unacknowledgedAlerts(() => alerts, () => NOW).recommendations();
    expect(recs).toEqual([
      {
        id: 'monitoring.unacknowledged/DiskFull',
        engine: 'monitoring',
        kind: 'unacknowledged-alert',
        title: 'Acknowledge DiskFull',
        reason: '2 alerts have fired for 2.0 h with nobody acknowledging them.',
        evidence: ['disk /m1 full', 'disk /m2 full'],
        effect: { risk: 'high', text: 'Someone owns it: escalation stops and the incident shows who is on it.' },
        priority: 80,
        link: { tab: 'monitoring', alertId: 'rule:1' },
      },
      expect.objectContaining({ id: 'monitoring.unacknowledged/Slow', reason: 'It has fired for 20 min with nobody acknowledging it.', evidence: ['alertname=Slow, severity=warning'], priority: 40, effect: expect.objectContaining({ risk: 'medium' }) }),
    ]);
  });
});
