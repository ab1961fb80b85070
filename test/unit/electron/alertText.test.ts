import type { Alert } from '@contract';
import { describe, expect, it } from 'vitest';
import { notificationContent, trayTooltip } from '../../../electron/alertText';

describe('trayTooltip', () => {
  it('says all clear when nothing fires', () => {
    expect(trayTooltip(0)).toBe('Opsdeck — all clear');
  });

  it('counts firing alerts', () => {
    expect(trayTooltip(1)).toBe('Opsdeck — 1 alert firing');
    expect(trayTooltip(3)).toBe('Opsdeck — 3 alerts firing');
  });
});

describe('notificationContent', () => {
  const alert: Alert = {
    id: 'disk:/var',
    rule: 'DiskAlmostFull',
    severity: 'critical',
    summary: 'Disk /var is 97% full',
    labels: { mount: '/var', host: 'web-1' },
    activeSince: 0,
    state: 'firing',
    value: 97,
  };

  it('titles the notification with the summary and lists rule, severity and sorted labels', () => {
    expect(notificationContent(alert)).toEqual({
      title: 'Disk /var is 97% full',
      body: 'DiskAlmostFull · critical\nhost=web-1, mount=/var',
    });
  });

  it('leaves out the label line when there are no labels', () => {
    expect(notificationContent({ ...alert, labels: {} }).body).toBe('DiskAlmostFull · critical');
  });
});
