import { describe, expect, it } from 'vitest';
import { NotificationDeliveryService } from '../../src/monitoring/delivery/notificationDelivery';
import { EngineAlertBook } from '../../src/monitoring/engineAlertBook';
import { AlertBook } from '../../src/monitoring/rules/alertBook';
import { AlertStore } from '../../src/monitoring/rules/alertStore';
import { SilenceStore } from '../../src/monitoring/rules/silenceStore';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { openDatabase } from '../../src/store/database';
import { cleanupAfterEach } from '../helpers/cleanups';
import { eventually } from '../helpers/eventually';
import { ReceiverServer } from '../helpers/receiverServer';
import { tempDir } from '../helpers/tempDir';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});
const SOON_MS = 20_000;
const cleanup = cleanupAfterEach();

const routing = (server: ReceiverServer) =>
  [
    'route:',
    '  receiver: desktop',
    '  group_by: [alertname]',
    '  group_wait: 0s',
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    '  routes:',
    `    - matchers: ['team="finance"']`,
    '      receiver: finance',
    '      opsdeck_escalation:',
    '        - { after: 3s, receiver: oncall }',
    'receivers:',
    '  - name: desktop',
    '  - name: finance',
    `    webhook_configs: [{ url: '${server.url('/finance')}' }]`,
    '  - name: oncall',
    `    webhook_configs: [{ url: '${server.url('/oncall')}' }]`,
    '',
  ].join('\n');

/** The store, alert book, engine alerts and delivery as the host wires them, on a data folder that outlives a run. */
function run(dataDir: string, routingText: string) {
  const db = openDatabase(dataDir);
  const alerts = new AlertStore(db);
  const silences = new SilenceStore(db);
  const delivery = new NotificationDeliveryService({
    db,
    secrets: noKeychain,
    routingText: () => routingText,
    alerts,
    silences,
    onChange: () => undefined,
    log: () => undefined,
    retryBackoff: { initialMs: 100, maxMs: 400 },
  });
  const engine = new EngineAlertBook(alerts, () => delivery.alertsChanged(alerts.current()));
  delivery.start();
  delivery.alertsChanged(alerts.current());
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await delivery.stop();
    db.close();
  };
  cleanup(stop);
  return { engine, book: new AlertBook(alerts, silences), delivery, stop };
}

async function receiver(): Promise<ReceiverServer> {
  const server = await ReceiverServer.start();
  cleanup(() => server.close());
  return server;
}

type Hook = { status: string; groupKey: string; alerts: { status: string; labels: Record<string, string> }[] };
const hooks = (server: ReceiverServer, path: string, alertname: string) =>
  (server.bodies(path) as Hook[]).filter((b) => b.alerts.some((a) => a.labels.alertname === alertname));

const budget = { alertname: 'BudgetExceeded', labels: { team: 'finance', budget: 'cloud', severity: 'warning' }, annotations: { summary: 'cloud budget at 104%' }, value: 104 };

describe('engine alerts through routing and delivery', () => {
  it('reach the route their labels match, with the webhook body of any alert, firing then resolved', async () => {
    const server = await receiver();
    const { engine, book } = run(tempDir(), routing(server));
    engine.fire('cost', budget);
    await eventually(() => expect(hooks(server, '/finance', 'BudgetExceeded')).toHaveLength(1), SOON_MS);
    const [fired] = book.current();
    expect(hooks(server, '/finance', 'BudgetExceeded')[0]).toMatchObject({
      receiver: 'finance',
      status: 'firing',
      groupKey: '{}/{team="finance"}:{alertname="BudgetExceeded"}',
      alerts: [{ status: 'firing', labels: { alertname: 'BudgetExceeded', budget: 'cloud', severity: 'warning', team: 'finance' }, annotations: { summary: 'cloud budget at 104%' }, startsAt: new Date(fired!.firedAt!).toISOString() }],
      version: '4',
    });

    engine.resolve('cost', 'BudgetExceeded', budget.labels);
    await eventually(() => expect(hooks(server, '/finance', 'BudgetExceeded')).toHaveLength(2), SOON_MS);
    expect(hooks(server, '/finance', 'BudgetExceeded')[1]).toMatchObject({ status: 'resolved', alerts: [{ status: 'resolved' }] });
    expect(book.history({ text: 'BudgetExceeded', limit: 10, offset: 0 }).items.map((a) => a.state)).toEqual(['resolved']);
  });

  it('keep firing across a restart, which neither notifies again nor forgets the escalation', async () => {
    const server = await receiver();
    const dataDir = tempDir();
    const first = run(dataDir, routing(server));
    first.engine.fire('cost', budget);
    await eventually(() => expect(hooks(server, '/finance', 'BudgetExceeded')).toHaveLength(1), SOON_MS);
    await first.stop();

    const second = run(dataDir, routing(server));
    expect(second.book.current()).toMatchObject([{ alertname: 'BudgetExceeded', state: 'firing', file: 'engine:cost' }]);
    // A second group, notified after the restart: a repeat of the first would be flushed with it, and queued first (groups go in key order).
    second.engine.fire('recovery', { alertname: 'VerifyFailed', labels: { team: 'finance' }, annotations: {} });
    await eventually(() => expect(hooks(server, '/finance', 'VerifyFailed')).toHaveLength(1), SOON_MS);
    expect(hooks(server, '/finance', 'BudgetExceeded')).toHaveLength(1);
    // The first group escalates once, three seconds after its first notification (before the second group does).
    await eventually(() => expect(hooks(server, '/oncall', 'VerifyFailed')).toHaveLength(1), SOON_MS);
    expect(hooks(server, '/oncall', 'BudgetExceeded')).toMatchObject([{ receiver: 'oncall', status: 'firing' }]);
  });
});
