import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationScheduler } from '../../src/monitoring/routing/notificationScheduler';
import { matchRoutes } from '../../src/monitoring/routing/routeMatch';
import { parseRoutingConfig, type RoutingConfig } from '../../src/monitoring/routing/routingConfig';
import { stopProcess, tailFile } from '../helpers/childProcess';
import { eventually } from '../helpers/eventually';
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
