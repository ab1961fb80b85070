import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertInstance, IncidentDetail, IncidentPage, NotificationPage } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import type { SecretStore } from '../../src/secrets/secretStore';
import { cleanupAfterEach } from '../helpers/cleanups';
import { eventually } from '../helpers/eventually';
import { MemorySecrets } from '../helpers/memorySecrets';
import { call } from '../helpers/hostCall';
import { tempDir } from '../helpers/tempDir';
import { ReceiverServer } from '../helpers/receiverServer';
import { freePort, startPrometheusStack, type PrometheusStack } from '../prometheus';

const SOON_MS = 20_000;

let stack: PrometheusStack;
beforeAll(async () => {
  stack = await startPrometheusStack();
});
afterAll(async () => {
  await stack?.stop();
});

const cleanup = cleanupAfterEach();

/** A receiver server for one test; down: its port is known but nothing listens until open(). */
async function receiver(options: { down?: boolean } = {}): Promise<ReceiverServer> {
  const server = await ReceiverServer.start();
  cleanup(() => server.close());
  if (options.down) await server.close();
  return server;
}

const ruleYaml = (alert: string, metric: string) =>
  [
    'groups:',
    '  - name: delivery',
    '    interval: 1s',
    '    rules:',
    `      - alert: ${alert}`,
    `        expr: ${metric} > 5`,
    '        labels: { severity: critical }',
    "        annotations: { summary: 'value {{ $value }}' }",
    '',
  ].join('\n');

const routingYaml = (receivers: string, groupWait = '0s') =>
  [
    'route:',
    '  receiver: team',
    "  group_by: ['alertname']",
    `  group_wait: ${groupWait}`,
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: team',
    receivers,
    '',
  ].join('\n');

async function startHost(dataDir: string, secrets: SecretStore, files: { rules: string; routing: string }, stormThreshold?: number): Promise<{ host: Host; stop: () => Promise<void> }> {
  fs.mkdirSync(path.join(dataDir, 'rules'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'rules', 'delivery.yml'), files.rules);
  fs.writeFileSync(path.join(dataDir, 'alertmanager.yml'), files.routing);
  const host = await createHost({
    dataDir,
    mode: 'serve',
    sampleIntervalMs: 60_000,
    secretStore: secrets,
    kubeconfigPaths: [],
    dockerHosts: [],
    prometheusMonitor: { recheckMs: 1000, timeoutMs: 5000, backoff: { initialMs: 100, maxMs: 1000 } },
    rules: { defaultsDir: null },
    notificationRetry: { initialMs: 100, maxMs: 400 },
    notificationStorm: stormThreshold === undefined ? undefined : { threshold: stormThreshold },
    log: () => undefined,
  });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await host.stop();
    stopped = true;
  };
  cleanup(stop);
  return { host, stop };
}

const addSource = (host: Host) => call(host, 'prom.addSource', { name: 'local', url: stack.prometheusUrl, auth: { kind: 'none' } });
const deliveries = (host: Host, query: object = {}) => call<NotificationPage>(host, 'notifications.list', query);

async function firingAlert(host: Host, alertname: string): Promise<AlertInstance> {
  return eventually(async () => {
    const alert = (await call<AlertInstance[]>(host, 'alerts.list', {})).find((a) => a.alertname === alertname && a.state === 'firing');
    expect(alert).toBeDefined();
    return alert!;
  }, SOON_MS);
}

describe('notification delivery from real alerts', () => {
  it('sends a firing and a resolved notification to a webhook, Slack and PagerDuty with their exact bodies', async () => {
    const server = await receiver();
    const secrets = new MemorySecrets();
    const metric = 'opsdeck_delivery_all';
    await stack.push('delivery-all', `${metric} 10`);
    const receivers = [
      '    webhook_configs:',
      `      - url: ${server.url('/hook')}`,
      '    slack_configs:',
      '      - api_url: keychain:slack-hook',
      "        channel: '#ops'",
      '    pagerduty_configs:',
      '      - routing_key: keychain:pd-key',
      `        url: ${server.url('/pd')}`,
    ].join('\n');
    const { host } = await startHost(tempDir(), secrets, { rules: ruleYaml('DeliveryAll', metric), routing: routingYaml(receivers) });
    await call(host, 'secrets.set', { name: 'slack-hook', value: server.url('/slack') });
    await call(host, 'secrets.set', { name: 'pd-key', value: 'pd-routing-key-1' });
    expect([...secrets.values.keys()].sort()).toEqual(['notification:pd-key', 'notification:slack-hook']);
    await addSource(host);

    const alert = await firingAlert(host, 'DeliveryAll');
    await eventually(() => expect(server.received.map((r) => r.path).sort()).toEqual(['/hook', '/pd', '/slack']), SOON_MS);
    const groupKey = '{}:{alertname="DeliveryAll"}';
    const labels = alert.labels;
    expect(labels).toMatchObject({ alertname: 'DeliveryAll', severity: 'critical', job: 'delivery-all' });
    const startsAt = new Date(alert.firedAt!).toISOString();
    const [firingHook] = server.bodies('/hook') as Record<string, unknown>[];
    expect(firingHook).toEqual({
      receiver: 'team',
      status: 'firing',
      alerts: [{ status: 'firing', labels, annotations: { summary: 'value 10' }, startsAt, endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) }],
      groupLabels: { alertname: 'DeliveryAll' },
      commonLabels: labels,
      commonAnnotations: { summary: 'value 10' },
      externalURL: '',
      version: '4',
      groupKey,
      truncatedAlerts: 0,
    });
    const dedupKey = createHash('sha256').update(groupKey).digest('hex');
    expect(server.bodies('/pd')).toEqual([
      {
        routing_key: 'pd-routing-key-1',
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: {
          summary: '[FIRING:1] DeliveryAll',
          source: 'Opsdeck',
          severity: 'critical',
          custom_details: { firing: [labels], resolved: [], num_firing: 1, num_resolved: 0 },
        },
        client: 'Opsdeck',
      },
    ]);
    const line = `• *FIRING* value 10 (${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ')})`;
    expect(server.bodies('/slack')).toEqual([
      {
        channel: '#ops',
        text: '[FIRING:1] DeliveryAll',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: '[FIRING:1] DeliveryAll' } },
          { type: 'section', text: { type: 'mrkdwn', text: line } },
        ],
        attachments: [{ color: 'danger', fallback: '[FIRING:1] DeliveryAll' }],
      },
    ]);

    await stack.push('delivery-all', `${metric} 1`);
    await eventually(() => expect(server.bodies('/pd')).toHaveLength(2), SOON_MS);
    await eventually(() => expect(server.bodies('/hook')).toHaveLength(2), SOON_MS);
    expect(server.bodies('/pd')[1]).toEqual({ routing_key: 'pd-routing-key-1', event_action: 'resolve', dedup_key: dedupKey, client: 'Opsdeck' });
    const resolved = (await call<{ items: AlertInstance[] }>(host, 'alerts.history', { text: 'DeliveryAll' })).items[0]!;
    expect(server.bodies('/hook')[1]).toMatchObject({
      status: 'resolved',
      alerts: [{ status: 'resolved', labels, startsAt, endsAt: new Date(resolved.resolvedAt!).toISOString(), fingerprint: firingHook!.alerts && (firingHook!.alerts as { fingerprint: string }[])[0]!.fingerprint }],
    });
    // Slack sends no resolved alerts unless send_resolved says so.
    expect(server.bodies('/slack')).toHaveLength(1);
    // The receiver answers before the outbox records the answer.
    const page = await eventually(async () => {
      const sentPage = await deliveries(host, { status: 'sent' });
      expect(sentPage.total).toBe(5);
      return sentPage;
    }, SOON_MS);
    expect(page.items.map((d) => d.integration).sort()).toEqual(['pagerduty', 'pagerduty', 'slack', 'webhook', 'webhook']);
    // The routing key is added when sending: it is not in the stored payload.
    expect(JSON.stringify(page.items)).not.toContain('pd-routing-key-1');
    const incidents = await call<IncidentPage>(host, 'incidents.list', {});
    expect(incidents.items).toMatchObject([{ title: 'DeliveryAll', status: 'resolved', alertCount: 1 }]);
    const detail = await call<IncidentDetail>(host, 'incidents.get', { id: incidents.items[0]!.id });
    expect(detail.timeline.map((e) => e.kind)).toEqual(['opened', 'alert_added', 'notified', 'notified', 'notified', 'resolved', 'notified', 'notified']);
  });

  it('retries a receiver that went away and delivers once when it is back', async () => {
    const server = await receiver({ down: true });
    const metric = 'opsdeck_delivery_retry';
    await stack.push('delivery-retry', `${metric} 10`);
    const { host } = await startHost(tempDir(), new MemorySecrets(), {
      rules: ruleYaml('DeliveryRetry', metric),
      routing: routingYaml(['    webhook_configs:', `      - url: ${server.url('/hook')}`].join('\n')),
    });
    await addSource(host);
    await eventually(async () => expect((await deliveries(host, { status: 'failed' })).items[0]?.attempts).toBeGreaterThanOrEqual(2), SOON_MS);
    const failed = (await deliveries(host)).items[0]!;
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    await server.open();
    const sent = await eventually(async () => {
      const [d] = (await deliveries(host, { status: 'sent' })).items;
      expect(d).toBeDefined();
      return d!;
    }, SOON_MS);
    expect(sent).toMatchObject({ id: failed.id, receiver: 'team', integration: 'webhook', lastError: null });
    expect(sent.attempts).toBeGreaterThan(failed.attempts);
    expect(server.bodies('/hook')).toHaveLength(1);
    expect((await deliveries(host)).total).toBe(1);
  });

  it('delivers the rows a stopped host left pending once, after a restart', async () => {
    const server = await receiver({ down: true });
    const metric = 'opsdeck_delivery_restart';
    await stack.push('delivery-restart', `${metric} 10`);
    const dataDir = tempDir();
    const rules = ruleYaml('DeliveryRestart', metric);
    const receivers = ['    webhook_configs:', `      - url: ${server.url('/hook')}`].join('\n');
    const { host: first, stop: stopFirst } = await startHost(dataDir, new MemorySecrets(), { rules, routing: routingYaml(receivers) });
    await addSource(first);
    const failed = await eventually(async () => {
      const [d] = (await deliveries(first, { status: 'failed' })).items;
      expect(d).toBeDefined();
      return d!;
    }, SOON_MS);
    await stopFirst();

    await server.open();
    // The restored alert waits group_wait before a new notification: only the left row is sent.
    const { host: second } = await startHost(dataDir, new MemorySecrets(), { rules, routing: routingYaml(receivers, '1h') });
    await eventually(async () => expect((await deliveries(second, { status: 'sent' })).items.map((d) => d.id)).toEqual([failed.id]), SOON_MS);
    expect(server.bodies('/hook')).toHaveLength(1);
    expect(server.bodies('/hook')[0]).toMatchObject({ version: '4', status: 'firing', groupKey: '{}:{alertname="DeliveryRestart"}' });
    expect((await deliveries(second)).total).toBe(1);
  });

  it('mails the group over SMTP with AUTH, the password read from the keychain', async () => {
    const port = await freePort();
    const mails: { from: string; to: string[]; user: string; data: string }[] = [];
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authMethods: ['PLAIN', 'LOGIN'],
      allowInsecureAuth: true,
      onAuth(auth, _session, done) {
        if (auth.username === 'ops' && auth.password === 'smtp-secret') done(null, { user: auth.username });
        else done(new Error('Invalid username or password'));
      },
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          mails.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), user: String(session.user), data });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    cleanup(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
    const secrets = new MemorySecrets();
    const metric = 'opsdeck_delivery_mail';
    await stack.push('delivery-mail', `${metric} 10`);
    const receivers = [
      '    email_configs:',
      '      - to: oncall@example.test',
      '        from: opsdeck@example.test',
      `        smarthost: 127.0.0.1:${port}`,
      '        auth_username: ops',
      '        auth_password: keychain:smtp',
      '        require_tls: false',
    ].join('\n');
    const { host } = await startHost(tempDir(), secrets, { rules: ruleYaml('DeliveryMail', metric), routing: routingYaml(receivers) });
    await call(host, 'secrets.set', { name: 'smtp', value: 'smtp-secret' });
    await addSource(host);
    await eventually(() => expect(mails).toHaveLength(1), SOON_MS);
    expect(mails[0]).toMatchObject({ from: 'opsdeck@example.test', to: ['oncall@example.test'], user: 'ops' });
    expect(mails[0]!.data).toMatch(/^Subject: \[FIRING:1\] DeliveryMail$/m);
    expect(mails[0]!.data).toContain('FIRING: value 10');
    const sent = await eventually(async () => {
      const [mail] = (await deliveries(host, { status: 'sent' })).items;
      expect(mail).toMatchObject({ integration: 'email', attempts: 1 });
      return mail;
    }, SOON_MS);
    expect(JSON.stringify(sent)).not.toContain('smtp-secret');
  });

  it('escalates a firing group nobody acknowledged to the next receiver, once', async () => {
    const server = await receiver();
    const metric = 'opsdeck_delivery_escalate';
    await stack.push('delivery-escalate', `${metric} 10`);
    const routing = [
      'route:',
      '  receiver: team',
      "  group_by: ['alertname']",
      '  group_wait: 0s',
      '  group_interval: 1s',
      '  repeat_interval: 1h',
      '  opsdeck_escalation:',
      '    - { after: 1s, receiver: oncall }',
      'receivers:',
      '  - name: team',
      '    webhook_configs:',
      `      - url: ${server.url('/team')}`,
      '  - name: oncall',
      '    webhook_configs:',
      `      - url: ${server.url('/oncall')}`,
      '',
    ].join('\n');
    const { host } = await startHost(tempDir(), new MemorySecrets(), { rules: ruleYaml('DeliveryEscalate', metric), routing });
    await addSource(host);
    await eventually(() => expect(server.bodies('/oncall')).toHaveLength(1), SOON_MS);
    expect(server.bodies('/team')).toHaveLength(1);
    expect(server.bodies('/oncall')[0]).toMatchObject({ receiver: 'oncall', status: 'firing', groupKey: '{}:{alertname="DeliveryEscalate"}', version: '4' });
    await eventually(async () => {
      const sent = await deliveries(host, { receiver: 'oncall' });
      expect(sent.items.map((d) => [d.integration, d.status])).toEqual([['webhook', 'sent']]);
    }, SOON_MS);

    const alert = await firingAlert(host, 'DeliveryEscalate');
    const acked = await call<AlertInstance>(host, 'alerts.ack', { id: alert.id, comment: 'looking' });
    const [incident] = (await call<IncidentPage>(host, 'incidents.list', { status: 'open' })).items;
    const timeline = (await call<IncidentDetail>(host, 'incidents.get', { id: incident!.id })).timeline;
    expect(timeline.filter((e) => e.kind === 'acknowledged').map((e) => e.detail)).toEqual([`DeliveryEscalate by ${acked.ack!.by}`]);
    expect(timeline.filter((e) => e.kind === 'notified').map((e) => e.detail)).toEqual(['team (webhook)', 'oncall (webhook)']);
  });

  it('sends one storm notice instead of the notifications when too many alerts start at once', async () => {
    const server = await receiver();
    const metric = 'opsdeck_delivery_storm';
    await stack.push('delivery-storm', [1, 2, 3].map((i) => `${metric}{kind="k${i}"} 10`).join('\n') + '\n');
    const routing = routingYaml(['    webhook_configs:', `      - url: ${server.url('/hook')}`].join('\n'));
    const { host } = await startHost(tempDir(), new MemorySecrets(), { rules: ruleYaml('DeliveryStorm', metric), routing }, 2);
    await addSource(host);
    await eventually(async () => expect((await call<AlertInstance[]>(host, 'alerts.list', {})).filter((a) => a.state === 'firing')).toHaveLength(3), SOON_MS);
    await eventually(() => expect(server.bodies('/hook')).toHaveLength(1), SOON_MS);
    expect(server.bodies('/hook')[0]).toMatchObject({
      receiver: 'team',
      status: 'firing',
      groupKey: '{}:{alertname="OpsdeckAlertStorm"}',
      alerts: [{ status: 'firing', labels: { alertname: 'OpsdeckAlertStorm' }, annotations: { summary: 'More than 2 new alerts in a minute: notifications are held back until it calms down.' } }],
    });
    expect((await deliveries(host)).total).toBe(1);
  });
});
