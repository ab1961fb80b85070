import type { AlertInstance, PromSourceInfo, RoutingConfigInfo, RuleGroupInfo, RulesList } from '@contract';
import type { Handlers } from './helpers/fakeClient';
import { NOW } from './helpers/renderApp';

export const alertInstance = (over: Partial<AlertInstance> = {}): AlertInstance => ({
  id: 7,
  alertname: 'QueueTooLong',
  group: 'queues',
  file: 'queues.yml',
  labels: { alertname: 'QueueTooLong', severity: 'critical', job: 'worker' },
  annotations: { summary: 'Queue holds 120 jobs', runbook: 'https://runbooks.example/queue' },
  state: 'firing',
  value: 120,
  activeAt: NOW - 120_000,
  firedAt: NOW - 60_000,
  resolvedAt: null,
  keepFiringSince: null,
  lastEvalAt: NOW - 1000,
  ack: null,
  silencedBy: [],
  ...over,
});

export const ruleGroup = (over: Partial<RuleGroupInfo> = {}): RuleGroupInfo => ({
  file: 'queues.yml',
  name: 'queues',
  source: 'prometheus',
  intervalMs: 15_000,
  readOnly: false,
  lastEvalAt: NOW - 2000,
  rules: [
    {
      alert: 'QueueTooLong',
      expr: 'queue_length > 100',
      forMs: 60_000,
      keepFiringForMs: 0,
      labels: { severity: 'critical' },
      annotations: {},
      line: 4,
      health: 'err',
      lastError: 'bad_data: 1:14: parse error: unexpected end of input',
      lastEvalAt: NOW - 2000,
      activeCount: 1,
    },
  ],
  ...over,
});

export const rulesList = (over: Partial<RulesList> = {}): RulesList => ({ groups: [ruleGroup()], source: { id: 1, name: 'main' }, hint: null, problems: [], ...over });

export const promSource = (over: Partial<PromSourceInfo> = {}): PromSourceInfo => ({
  id: 1,
  name: 'main',
  url: 'http://prom.example:9090',
  auth: 'basic',
  username: 'ops',
  state: 'connected',
  message: null,
  version: '2.42.0',
  lastCheckedAt: NOW,
  nextCheckAt: NOW + 30_000,
  ...over,
});

export const routingConfig = (): RoutingConfigInfo => ({
  path: '/home/ops/.opsdeck/alertmanager.yml',
  text: 'route:\n  receiver: default\n  routes:\n    - receiver: pager\n      matchers: [severity="critical"]\nreceivers:\n  - name: default\n  - name: pager\n',
  isDefault: false,
  tree: {
    path: [],
    receiver: 'default',
    matchers: [],
    groupBy: ['alertname'],
    continue: false,
    line: 2,
    groupWaitMs: 30_000,
    groupIntervalMs: 300_000,
    repeatIntervalMs: 14_400_000,
    routes: [
      {
        path: [0],
        receiver: 'pager',
        matchers: [{ name: 'severity', op: '=', value: 'critical' }],
        groupBy: ['alertname'],
        continue: false,
        line: 4,
        groupWaitMs: 30_000,
        groupIntervalMs: 300_000,
        repeatIntervalMs: 14_400_000,
        routes: [],
      },
    ],
  },
  receivers: [
    { name: 'default', integrations: {}, line: 7 },
    { name: 'pager', integrations: { webhook_configs: 1 }, line: 8 },
  ],
  inhibitRules: 0,
  problems: [],
});

/** The monitoring channels answered with a quiet, connected setup; each replaceable per test. */
export const monitoringHandlers = (over: Handlers = {}): Handlers => ({
  'alerts.list': () => [],
  'alerts.history': () => ({ items: [], total: 0 }),
  'silences.list': () => [],
  'rules.list': () => rulesList(),
  'rules.files': () => [],
  'prom.sources': () => ({ sources: [promSource()], hint: null }),
  'routing.get': () => routingConfig(),
  'notifications.list': () => ({ items: [], total: 0 }),
  'slo.list': () => ({ slos: [], path: '/home/ops/.opsdeck/slos.yml', hint: null }),
  'insights.list': () => ({ insights: [], computedAt: null, errors: [] }),
  ...over,
});
