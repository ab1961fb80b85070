import { describe, expect, it } from 'vitest';
import type { ActiveAlert } from '../../../../src/monitoring/rules/alertState';
import { AlertStore } from '../../../../src/monitoring/rules/alertStore';
import { SilenceStore } from '../../../../src/monitoring/rules/silenceStore';
import { openDatabase } from '../../../../src/store/database';
import { tempDir } from '../../../helpers/tempDir';

const rule = { file: 'a.yml', group: 'g', alertname: 'High' };

const alert = (instance: string, state: ActiveAlert['state'], activeAt: number): ActiveAlert => ({
  id: null,
  labels: { alertname: 'High', instance },
  annotations: { summary: `${instance} is high` },
  state,
  value: Number.NaN,
  activeAt,
  firedAt: state === 'pending' ? null : activeAt + 10,
  resolvedAt: state === 'resolved' ? activeAt + 20 : null,
  keepFiringSince: null,
  lastEvalAt: activeAt + 20,
});

describe('alert store', () => {
  it('stores alerts, restores the open ones, and pages the history newest first', () => {
    const db = openDatabase(tempDir());
    const store = new AlertStore(db);
    const alerts = [alert('web-1', 'firing', 100), alert('web-2', 'pending', 200), alert('db-1', 'resolved', 300)];
    store.save(rule, alerts, []);
    expect(alerts.map((a) => a.id)).toEqual([1, 2, 3]);

    expect(store.open().map((s) => [s.alertname, s.alert.labels.instance, s.alert.state])).toEqual([
      ['High', 'web-1', 'firing'],
      ['High', 'web-2', 'pending'],
    ]);
    expect(store.open()[0]!.alert.value).toBeNaN();

    const page = store.history({ limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((a) => a.labels.instance)).toEqual(['db-1', 'web-2']);
    expect(store.history({ limit: 2, offset: 2 }).items.map((a) => a.labels.instance)).toEqual(['web-1']);
    expect(store.history({ text: 'web', limit: 10, offset: 0 }).total).toBe(2);
    expect(store.history({ text: '100%_', limit: 10, offset: 0 }).total).toBe(0);
    expect(store.history({ state: 'resolved', limit: 10, offset: 0 }).items).toMatchObject([{ value: null, resolvedAt: 320 }]);

    store.save(rule, [], [alerts[1]!]);
    expect(store.get(2)).toBeNull();
    db.close();
  });

  it('ends the open alerts of rules that are gone: firing ones resolve, pending ones are forgotten', () => {
    const db = openDatabase(tempDir());
    const store = new AlertStore(db);
    store.save(rule, [alert('web-1', 'firing', 100), alert('web-2', 'pending', 200)], []);
    store.closeOrphans(() => false, 5000);
    expect(store.current()).toEqual([]);
    expect(store.history({ limit: 10, offset: 0 }).items).toMatchObject([{ state: 'resolved', resolvedAt: 5000 }]);
    db.close();
  });
});

describe('silence store', () => {
  it('creates, lists by state, matches and expires silences', () => {
    const db = openDatabase(tempDir());
    let now = 1000;
    const silences = new SilenceStore(db, () => now);
    const s = silences.create({ matchers: [{ name: 'instance', op: '=~', value: 'web-.*' }], endsAt: 5000, comment: 'deploy', createdBy: 'ops (serve)' });
    expect(s).toMatchObject({ id: 1, startsAt: 1000, endsAt: 5000, state: 'active', createdAt: 1000 });
    const later = silences.create({ matchers: [{ name: 'instance', op: '=', value: 'db-1' }], startsAt: 3000, endsAt: 4000, comment: 'later', createdBy: 'ops (serve)' });
    expect(later.state).toBe('pending');
    expect(silences.silencing({ instance: 'web-1' })).toEqual([1]);
    expect(silences.silencing({ instance: 'db-1' })).toEqual([]);
    now = 3500;
    expect(silences.silencing({ instance: 'db-1' })).toEqual([2]);
    now = 6000;
    expect(silences.list().map((x) => x.state)).toEqual(['expired', 'expired']);
    db.close();
  });

  it('refuses bad regular expressions, silences that end before they start, and expiring twice', () => {
    const db = openDatabase(tempDir());
    const silences = new SilenceStore(db, () => 1000);
    expect(() => silences.create({ matchers: [{ name: 'a', op: '=~', value: '(' }], endsAt: 5000, comment: 'x', createdBy: 'me' })).toThrow(/^matcher a=~"\(": Invalid regular expression/);
    expect(() => silences.create({ matchers: [{ name: 'a', op: '=', value: 'b' }], endsAt: 500, comment: 'x', createdBy: 'me' })).toThrow('The silence must end after it starts');
    const s = silences.create({ matchers: [{ name: 'a', op: '=', value: 'b' }], endsAt: 5000, comment: 'x', createdBy: 'me' });
    expect(silences.expire(s.id)).toMatchObject({ state: 'expired', endsAt: 1000 });
    expect(() => silences.expire(s.id)).toThrow(`Silence ${s.id} has expired already.`);
    expect(() => silences.expire(99)).toThrow('No silence with id 99.');
    db.close();
  });
});
