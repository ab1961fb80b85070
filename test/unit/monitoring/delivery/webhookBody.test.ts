import { describe, expect, it } from 'vitest';
import type { GroupMessage } from '../../../../src/monitoring/delivery/groupMessage';
import { alertFingerprint, webhookBody } from '../../../../src/monitoring/delivery/webhookBody';

const message: GroupMessage = {
  receiver: 'team',
  groupKey: '{}:{alertname="Disk"}',
  groupLabels: { alertname: 'Disk' },
  alerts: [
    { status: 'firing', labels: { alertname: 'Disk', host: 'a' }, annotations: { summary: 'full', runbook: 'r' }, startsAt: Date.UTC(2026, 0, 2, 3, 4, 5), endsAt: null, generatorURL: '' },
    { status: 'resolved', labels: { alertname: 'Disk', host: 'b' }, annotations: { summary: 'full' }, startsAt: Date.UTC(2026, 0, 2), endsAt: Date.UTC(2026, 0, 3), generatorURL: '' },
  ],
};

describe('the Alertmanager webhook body', () => {
  it('fingerprints label sets as Alertmanager does', () => {
    // Alertmanager 0.25 reported this fingerprint for these labels through /api/v2/alerts.
    expect(alertFingerprint({ alertname: 'DeliveryAll', severity: 'critical', job: 'x', zone: 'ü' })).toBe('145d77c6ecb31d75');
    expect(alertFingerprint({})).toBe('cbf29ce484222325');
  });

  it('carries version 4 fields, common labels and annotations, and Go zero time for no end', () => {
    expect(webhookBody(message, 'http://opsdeck')).toEqual({
      receiver: 'team',
      status: 'firing',
      alerts: [
        { status: 'firing', labels: { alertname: 'Disk', host: 'a' }, annotations: { summary: 'full', runbook: 'r' }, startsAt: '2026-01-02T03:04:05.000Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: alertFingerprint({ alertname: 'Disk', host: 'a' }) },
        { status: 'resolved', labels: { alertname: 'Disk', host: 'b' }, annotations: { summary: 'full' }, startsAt: '2026-01-02T00:00:00.000Z', endsAt: '2026-01-03T00:00:00.000Z', generatorURL: '', fingerprint: alertFingerprint({ alertname: 'Disk', host: 'b' }) },
      ],
      groupLabels: { alertname: 'Disk' },
      commonLabels: { alertname: 'Disk' },
      commonAnnotations: { summary: 'full' },
      externalURL: 'http://opsdeck',
      version: '4',
      groupKey: '{}:{alertname="Disk"}',
      truncatedAlerts: 0,
    });
  });

  it('truncates to max_alerts and says how many were left out', () => {
    const body = webhookBody(message, '', 1);
    expect(body.alerts).toHaveLength(1);
    expect(body.truncatedAlerts).toBe(1);
  });
});
