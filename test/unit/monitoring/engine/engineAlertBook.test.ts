import { describe, expect, it } from 'vitest';
import { EngineAlertBook } from '../../../../src/monitoring/engineAlertBook';
import { AlertBook } from '../../../../src/monitoring/rules/alertBook';
import { AlertStore } from '../../../../src/monitoring/rules/alertStore';
import { SilenceStore } from '../../../../src/monitoring/rules/silenceStore';
import { openDatabase } from '../../../../src/store/database';
import { tempDir } from '../../../helpers/tempDir';

function setup(dir = tempDir()) {
  const db = openDatabase(dir);
  const store = new AlertStore(db);
  const silences = new SilenceStore(db);
  let now = 1_000;
  let changes = 0;
  const engine = new EngineAlertBook(store, () => changes++, () => now);
  return { db, store, engine, book: new AlertBook(store, silences), silences, tick: (ms: number) => (now += ms), changes: () => changes };
}

const budget = { alertname: 'BudgetExceeded', labels: { budget: 'team-a', severity: 'warning' }, annotations: { summary: 'team-a at 104%' }, value: 104 };

describe('engine alerts', () => {
  it('fire at once, update while firing, and resolve when the engine says so', () => {
    const t = setup();
    t.engine.fire('cost', budget);
    const [first] = t.book.current();
    expect(first).toMatchObject({
      alertname: 'BudgetExceeded',
      file: 'engine:cost',
      group: 'cost',
      state: 'firing',
      labels: { alertname: 'BudgetExceeded', budget: 'team-a', severity: 'warning' },
      annotations: { summary: 'team-a at 104%' },
      value: 104,
      activeAt: 1_000,
      firedAt: 1_000,
    });
    t.tick(500);
    t.engine.fire('cost', { ...budget, annotations: { summary: 'team-a at 110%' }, value: 110 });
    expect(t.book.current()).toMatchObject([{ id: first!.id, annotations: { summary: 'team-a at 110%' }, value: 110, firedAt: 1_000, lastEvalAt: 1_500 }]);
    // Another label set is another alert.
    t.engine.fire('cost', { ...budget, labels: { budget: 'team-b' } });
    expect(t.book.current()).toHaveLength(2);

    t.tick(500);
    t.engine.resolve('cost', 'BudgetExceeded', { budget: 'team-a', severity: 'warning' });
    expect(t.book.current().map((a) => a.labels.budget)).toEqual(['team-b']);
    expect(t.book.history({ state: 'resolved', limit: 10, offset: 0 }).items).toMatchObject([{ id: first!.id, resolvedAt: 2_000 }]);
    // Resolving what does not fire changes nothing.
    t.engine.resolve('cost', 'BudgetExceeded', { budget: 'team-a', severity: 'warning' });
    t.engine.resolve('recovery', 'BudgetExceeded', { budget: 'team-b' });
    expect(t.changes()).toBe(4);
  });

  it('can be acknowledged and silenced, and shows in the summary', () => {
    const t = setup();
    t.engine.fire('recovery', { alertname: 'BackupFailed', labels: { target: 'db' }, annotations: { summary: 'backup of db failed' } });
    const [alert] = t.book.current();
    expect(t.book.summary().firing).toMatchObject([{ rule: 'BackupFailed', summary: 'backup of db failed', state: 'firing' }]);
    expect(t.book.ack(alert!.id, 'ana', 'on it').ack).toMatchObject({ by: 'ana', comment: 'on it' });
    const silence = t.silences.create({ matchers: [{ name: 'alertname', op: '=', value: 'BackupFailed' }], endsAt: Date.now() + 60_000, comment: 'known', createdBy: 'ana' });
    expect(t.book.current()[0]!.silencedBy).toEqual([silence.id]);
    expect(t.book.summary().firing).toEqual([]);
  });

  it('survive a restart and are not closed as orphans of the rule files', () => {
    const dir = tempDir();
    const a = setup(dir);
    a.engine.fire('cost', budget);
    a.store.closeOrphans(() => false, 5_000);
    a.db.close();

    const b = setup(dir);
    expect(b.book.current()).toMatchObject([{ alertname: 'BudgetExceeded', state: 'firing', firedAt: 1_000 }]);
    b.engine.fire('cost', budget);
    expect(b.book.current()).toHaveLength(1);
    b.engine.resolve('cost', 'BudgetExceeded', budget.labels);
    expect(b.book.current()).toEqual([]);
  });

  it('refuses names that are not label names', () => {
    const t = setup();
    expect(() => t.engine.fire('cost', { ...budget, alertname: 'budget exceeded' })).toThrow('alertname "budget exceeded" must be letters, digits, _ and :');
    expect(() => t.engine.fire('cost', { ...budget, labels: { 'team-name': 'a' } })).toThrow('label name "team-name"');
    expect(() => t.engine.fire('', budget)).toThrow('engine name ""');
    expect(t.book.current()).toEqual([]);
  });
});
