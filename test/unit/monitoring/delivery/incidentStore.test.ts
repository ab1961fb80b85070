import { describe, expect, it } from 'vitest';
import type { GroupMessage } from '../../../../src/monitoring/delivery/groupMessage';
import { INCIDENT_WINDOW_MS, IncidentStore } from '../../../../src/monitoring/delivery/incidentStore';
import { openDatabase } from '../../../../src/store/database';
import { tempDir } from '../../../helpers/tempDir';

const alert = (status: 'firing' | 'resolved', i: string, startsAt = 0) => ({ status, labels: { alertname: 'Disk', i }, annotations: {}, startsAt, endsAt: null, generatorURL: '' });
const message = (...alerts: GroupMessage['alerts']): GroupMessage => ({ receiver: 'team', groupKey: '{}:{alertname="Disk"}', groupLabels: { alertname: 'Disk' }, alerts });
const store = () => new IncidentStore(openDatabase(tempDir()));
const kinds = (s: IncidentStore, id: number) => s.get(id).timeline.map((e) => [e.at, e.kind, e.detail]);

describe('IncidentStore', () => {
  it('opens an incident, folds repeated alerts, notes acks and deliveries, and resolves it', () => {
    const s = store();
    s.notified(message(alert('firing', '1', 100)), 1000);
    s.delivered('{}:{alertname="Disk"}', 'team (webhook)', 1001);
    s.notified(message(alert('firing', '1', 100), alert('firing', '2', 2000)), 3000);
    s.acknowledged({ alertname: 'Disk', i: '2' }, 'ana', 3500);
    s.acknowledged({ alertname: 'Other' }, 'ana', 3600);
    s.notified(message(alert('resolved', '1'), alert('resolved', '2')), 4000);
    const [incident] = s.list({ limit: 10, offset: 0 }).items;
    expect(incident).toMatchObject({ title: 'Disk', alertCount: 2, status: 'resolved', openedAt: 1000, resolvedAt: 4000, groupLabels: { alertname: 'Disk' } });
    expect(kinds(s, incident!.id)).toEqual([
      [1000, 'opened', '[FIRING:1] Disk'],
      [1000, 'alert_added', 'alertname=Disk, i=1 (firing since 1970-01-01T00:00:00.100Z)'],
      [1001, 'notified', 'team (webhook)'],
      [3000, 'alert_added', 'alertname=Disk, i=2 (firing since 1970-01-01T00:00:02.000Z)'],
      [3500, 'acknowledged', 'Disk by ana'],
      [4000, 'resolved', '2 alerts resolved'],
    ]);
  });

  it('reopens an incident that fires again within the window, and opens a new one after it', () => {
    const s = store();
    s.notified(message(alert('firing', '1')), 0);
    s.notified(message(alert('resolved', '1')), 1000);
    s.notified(message(alert('firing', '1')), 1000 + INCIDENT_WINDOW_MS);
    expect(s.list({ limit: 10, offset: 0 }).items.map((i) => [i.status, i.alertCount])).toEqual([['open', 1]]);
    s.notified(message(alert('resolved', '1')), 2 * INCIDENT_WINDOW_MS);
    s.notified(message(alert('firing', '1')), 3 * INCIDENT_WINDOW_MS + 1);
    expect(s.list({ limit: 10, offset: 0 }).items.map((i) => i.status)).toEqual(['open', 'resolved']);
    expect(s.list({ status: 'resolved', limit: 10, offset: 0 }).total).toBe(1);
  });

  it('opens nothing for a group that only resolved, and refuses an unknown id', () => {
    const s = store();
    s.notified(message(alert('resolved', '1')), 0);
    expect(s.list({ limit: 10, offset: 0 }).total).toBe(0);
    expect(() => s.get(7)).toThrow('No incident with id 7.');
  });
});
