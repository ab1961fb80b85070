import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDelivery } from '../../src/monitoring/delivery/integrationSender';
import { receiverEntries } from '../../src/monitoring/delivery/receiverEntries';
import { NotificationScheduler } from '../../src/monitoring/routing/notificationScheduler';
import { matchRoutes } from '../../src/monitoring/routing/routeMatch';
import { parseRoutingConfig, type RoutingConfig } from '../../src/monitoring/routing/routingConfig';
import { stopProcess, tailFile } from '../helpers/childProcess';
import { eventually } from '../helpers/eventually';
import { ReceiverServer } from '../helpers/receiverServer';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { freePort } from '../prometheus';

/** Debian's prometheus-alertmanager package (apt) ships both. */
const AMTOOL = '/usr/bin/amtool';
const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

const CONFIG = `
route:
  receiver: default
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      group_by: [alertname, cluster]
      continue: true
    - match: { team: db }
      receiver: db
      group_by: ['...']
      routes:
        - matchers: ['env=~"dev|test"']
          receiver: db-dev
        - match_re: { service: 'pg.*|mysql' }
          receiver: db-sql
          continue: true
        - matchers: ['service="mysql"']
          receiver: db-mysql
    - matchers: ['team=~"web|api"', 'env!="dev"']
      receiver: web
      group_by: []
      routes:
        - matchers: ['service!~"front.*"']
          receiver: web-backend
    - matchers: ['team=~"web|api"']
      receiver: web-dev
      continue: true
    - matchers: ['alertname=~"Watchdog|Heartbeat"']
      receiver: deadman
receivers:
  - name: default
  - name: pager
    webhook_configs: [{ url: 'http://127.0.0.1:9/pager' }]
  - name: db
  - name: db-dev
  - name: db-sql
  - name: db-mysql
  - name: web
  - name: web-backend
  - name: web-dev
  - name: deadman
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_matchers: ['severity="warning"']
    equal: [alertname, cluster]
`;

const LABEL_SETS: Record<string, string>[] = [
  { alertname: 'Anything' },
  { alertname: 'DiskFull', severity: 'critical', cluster: 'eu' },
  { alertname: 'DiskFull', severity: 'critical', team: 'db', env: 'dev' },
  { alertname: 'Slow', team: 'db' },
  { alertname: 'Slow', team: 'db', env: 'test' },
  { alertname: 'Slow', team: 'db', env: 'prod', service: 'pgbouncer' },
  { alertname: 'Slow', team: 'db', env: 'prod', service: 'mysql' },
  { alertname: 'Slow', team: 'db', service: 'mysqlx' },
  { alertname: 'Errors', team: 'web', env: 'prod', service: 'frontend' },
  { alertname: 'Errors', team: 'api', env: 'prod', service: 'orders' },
  { alertname: 'Errors', team: 'web', env: 'dev', service: 'orders' },
  { alertname: 'Errors', team: 'web' },
  { alertname: 'Watchdog' },
  { alertname: 'Heartbeats' },
  { alertname: 'Down', severity: 'critical', team: 'api', env: 'dev', cluster: 'us' },
  { alertname: 'Down', severity: 'warning', team: 'webx', cluster: 'us' },
];

let config: RoutingConfig;
let dir: string;
let configFile: string;

beforeAll(() => {
  for (const bin of [AMTOOL, ALERTMANAGER]) {
    if (spawnSync(bin, ['--version']).status !== 0) throw new Error(`Missing ${bin}: install prometheus-alertmanager (apt) to run the routing tests.`);
  }
  const parsed = parseRoutingConfig(CONFIG);
  expect(parsed.problems).toEqual([]);
  config = parsed.config!;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-am-'));
  configFile = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(configFile, CONFIG);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('routing matches Alertmanager', () => {
  it('amtool accepts the config', () => {
    const check = spawnSync(AMTOOL, ['check-config', configFile], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('SUCCESS');
  });

  it.each(LABEL_SETS.map((labels) => [Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(' '), labels] as const))(
    'takes the routes amtool takes for %s',
    async (_name, labels) => {
      const args = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
      const { stdout } = await promisify(execFile)(AMTOOL, ['config', 'routes', 'test', `--config.file=${configFile}`, ...args]);
      const ours = matchRoutes(config.route, labels).map((m) => m.route.receiver);
      expect(ours.join(',')).toBe(stdout.trim());
    },
  );
});

interface AmGroup {
  labels: Record<string, string>;
  receiver: { name: string };
  alerts: { labels: Record<string, string> }[];
}

describe('grouping matches a running Alertmanager', () => {
  let proc: ChildProcess | null = null;
  let url = '';
  let logFile = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    logFile = path.join(dir, 'alertmanager.log');
    const out = fs.openSync(logFile, 'a');
    proc = spawn(
      ALERTMANAGER,
      [`--config.file=${configFile}`, `--storage.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
      { stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    await eventually(async () => {
      if (proc!.exitCode !== null) throw new Error(`alertmanager exited with ${proc!.exitCode}:\n${tailFile(logFile)}`);
      expect((await fetch(`${url}/-/ready`)).ok).toBe(true);
    }, 30_000);
  });

  afterAll(async () => {
    if (proc) await stopProcess(proc, 10_000);
  });

  it('forms the same groups, with the same receivers and alerts, leaving out inhibited alerts', async () => {
    const startsAt = new Date().toISOString();
    const res = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(LABEL_SETS.map((labels) => ({ labels, startsAt }))),
    });
    expect(res.status).toBe(200);

    const now = Date.now();
    const scheduler = new NotificationScheduler({ config, now: () => now + 2_000 });
    for (const labels of LABEL_SETS) scheduler.put({ labels, startsAt: now, endsAt: null });
    const signature = (receiver: string, groupLabels: Record<string, string>, alerts: { labels: Record<string, string> }[]) =>
      `${receiver} ${JSON.stringify(Object.entries(groupLabels).sort())} ${alerts.map((a) => JSON.stringify(Object.entries(a.labels).sort())).sort().join(' ')}`;
    const ours = scheduler.flushDue().map((n) => signature(n.receiver, n.groupLabels, n.firing)).sort();
    expect(ours.length).toBeGreaterThan(10);

    await eventually(async () => {
      const groups = (await (await fetch(`${url}/api/v2/alerts/groups?inhibited=false`)).json()) as AmGroup[];
      expect(groups.map((g) => signature(g.receiver.name, g.labels, g.alerts)).sort()).toEqual(ours);
    }, 20_000);
  });
});

/** Starts Alertmanager on a config file; stopped with the returned function. */
async function startAlertmanager(file: string, name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(dir, `${name}.log`);
  const out = fs.openSync(log, 'a');
  const proc = spawn(ALERTMANAGER, [`--config.file=${file}`, `--storage.path=${path.join(dir, `${name}-data`)}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='], { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  await eventually(async () => {
    if (proc.exitCode !== null) throw new Error(`alertmanager exited with ${proc.exitCode}:\n${tailFile(log)}`);
    expect((await fetch(`${url}/-/ready`)).ok).toBe(true);
  }, 30_000);
  return { url, stop: () => stopProcess(proc, 10_000) };
}

const withGlobal = (global: string[], receivers: string[]) =>
  ['global:', ...global.map((l) => `  ${l}`), 'route: { receiver: all, group_wait: 0s }', 'receivers:', '  - name: all', ...receivers.map((l) => `    ${l}`), ''].join('\n');

describe('the global section as Alertmanager reads it', () => {
  const CASES: [string, string[], string[]][] = [
    ['SMTP defaults', ['smtp_from: a@example.test', "smtp_smarthost: 'mail.example.test:587'", 'smtp_auth_username: ops', 'smtp_auth_password: p', 'smtp_require_tls: false'], ['email_configs: [{ to: b@example.test }]']],
    ['a password file', ['smtp_from: a@example.test', "smtp_smarthost: 'h:25'", 'smtp_auth_password_file: /etc/smtp'], ['email_configs: [{ to: b@example.test }]']],
    ['no smarthost anywhere', [], ['email_configs: [{ to: b@example.test }]']],
    ['no from anywhere', ["smtp_smarthost: 'h:25'"], ['email_configs: [{ to: b@example.test }]']],
    ['a smarthost without port', ['smtp_smarthost: nohost'], []],
    ['password and password file', ['smtp_auth_password: p', 'smtp_auth_password_file: /f'], []],
    ['no Slack URL anywhere', [], ['slack_configs: [{ channel: x }]']],
    ['a global Slack URL', ['slack_api_url: http://127.0.0.1:9/slack'], ['slack_configs: [{ channel: x }]']],
    ['Slack URL and file', ['slack_api_url: http://127.0.0.1:9/slack', 'slack_api_url_file: /f'], []],
    ['a Slack URL that is none', ["slack_api_url: 'not a url'"], []],
    ['a PagerDuty URL of another scheme', ['pagerduty_url: ftp://x/'], ['pagerduty_configs: [{ routing_key: k }]']],
    ['a bad resolve_timeout', ['resolve_timeout: soon'], []],
    ['two HTTP authentications', ['http_config: { basic_auth: { username: u }, authorization: { credentials: c } }'], []],
  ];

  it.each(CASES)('accepts or refuses %s as amtool does, in its words', (_name, global, receivers) => {
    const file = path.join(dir, 'global-check.yml');
    const text = withGlobal(global, receivers);
    fs.writeFileSync(file, text);
    const check = spawnSync(AMTOOL, ['check-config', file], { encoding: 'utf8' });
    const amtool = (check.stdout + check.stderr).match(/SUCCESS|FAILED: (.*)/)!;
    const { problems } = parseRoutingConfig(text);
    if (amtool[0] === 'SUCCESS') expect(problems).toEqual([]);
    else expect(problems.map((p) => p.message)).toEqual([amtool[1]]);
  });

  it('sends Slack, PagerDuty and webhook notifications where Alertmanager sends them, with the same authentication', async () => {
    const server = await ReceiverServer.start();
    const text = withGlobal(
      [`slack_api_url: ${server.url('/slack')}`, `pagerduty_url: ${server.url('/pd')}`, 'http_config:', '  basic_auth: { username: ops, password: s3cret }'],
      ["slack_configs: [{ channel: '#ops' }]", 'pagerduty_configs: [{ routing_key: key-1 }]', `webhook_configs: [{ url: '${server.url('/hook')}' }]`],
    );
    const file = path.join(dir, 'global-live.yml');
    fs.writeFileSync(file, text);
    const am = await startAlertmanager(file, 'global-live');
    try {
      const res = await fetch(`${am.url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ labels: { alertname: 'Global' } }]) });
      expect(res.status).toBe(200);
      await eventually(() => expect(server.received).toHaveLength(3), 20_000);
    } finally {
      await am.stop();
    }
    const requests = (from: number) => server.received.slice(from).map((r) => `${r.path} ${r.headers.authorization}`).sort();
    const alertmanager = requests(0);

    const parsed = parseRoutingConfig(text);
    expect(parsed.problems).toEqual([]);
    const secrets = new KeychainSecretStore('opsdeck-test', async () => {
      throw new Error('not used here');
    });
    const message = { receiver: 'all', groupKey: '{}:{}', groupLabels: {}, alerts: [{ status: 'firing' as const, labels: { alertname: 'Global' }, annotations: {}, startsAt: Date.now(), endsAt: null, generatorURL: '' }] };
    for (const entry of receiverEntries(message, parsed.config!.receivers[0]!, '')) await sendDelivery({ ...entry, id: 0, attempts: 0 }, parsed.config!, secrets);
    expect(requests(3)).toEqual(alertmanager);
    expect(alertmanager).toEqual(['/hook', '/pd', '/slack'].map((p) => `${p} Basic ${Buffer.from('ops:s3cret').toString('base64')}`));
    await server.close();
  });
});
