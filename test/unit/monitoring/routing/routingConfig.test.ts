import { describe, expect, it } from 'vitest';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';

const problemsOf = (text: string) => parseRoutingConfig(text).problems.map((p) => `${p.line}: ${p.message}`);

describe('parseRoutingConfig', () => {
  it('applies Alertmanager defaults and inheritance down the tree', () => {
    const { config } = parseRoutingConfig(`
route:
  receiver: root
  group_by: [alertname]
  repeat_interval: 1h
  routes:
    - receiver: team
      match: { team: db }
      group_wait: 10s
      routes:
        - match_re: { severity: crit.* }
          group_by: ['...']
          continue: true
receivers:
  - name: root
  - name: team
    webhook_configs: [{ url: 'http://127.0.0.1:5001/', send_resolved: true }]
`);
    const root = config!.route;
    expect(root).toMatchObject({ receiver: 'root', groupBy: ['alertname'], groupWaitMs: 30_000, groupIntervalMs: 300_000, repeatIntervalMs: 3_600_000, continue: false, line: 3 });
    const team = root.routes[0]!;
    expect(team).toMatchObject({ receiver: 'team', groupBy: ['alertname'], groupWaitMs: 10_000, repeatIntervalMs: 3_600_000, path: [0], line: 7 });
    expect(team.matchers).toEqual([{ name: 'team', op: '=', value: 'db' }]);
    const leaf = team.routes[0]!;
    expect(leaf).toMatchObject({ receiver: 'team', groupBy: '...', groupWaitMs: 10_000, continue: true, path: [0, 0] });
    expect(leaf.key).toBe('{}/{team="db"}/{severity=~"crit.*"}');
    expect(config!.receivers[1]!.integrations).toEqual({ webhook_configs: [{ url: 'http://127.0.0.1:5001/', send_resolved: true }] });
  });

  it('lets an empty receiver or group_by inherit, as Alertmanager does', () => {
    const { config } = parseRoutingConfig(`
route:
  receiver: root
  group_by: [alertname]
  routes:
    - { receiver: '', group_by: [] }
receivers: [{ name: root }]
`);
    expect(config!.route.routes[0]).toMatchObject({ receiver: 'root', groupBy: ['alertname'] });
  });

  it('reads the matchers list and inhibit rules', () => {
    const { config } = parseRoutingConfig(`
route:
  receiver: r
  routes:
    - matchers: ['env!~"dev|test"', '{a="1", b=2}']
receivers: [{ name: r }]
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_match: { severity: warning }
    equal: [instance]
`);
    expect(config!.route.routes[0]!.matchers).toEqual([
      { name: 'a', op: '=', value: '1' },
      { name: 'b', op: '=', value: '2' },
      { name: 'env', op: '!~', value: 'dev|test' },
    ]);
    expect(config!.inhibitRules).toEqual([
      { line: 8, source: [{ name: 'severity', op: '=', value: 'critical' }], target: [{ name: 'severity', op: '=', value: 'warning' }], equal: ['instance'] },
    ]);
  });

  it('reports undefined and duplicate receivers, bad durations and bad matchers with their lines', () => {
    expect(
      problemsOf(`route:
  receiver: root
  group_wait: 5 minutes
  routes:
    - receiver: nobody
    - matchers: ['foo=~"(x"']
    - matchers: ['nonsense']
    - match_re: { job: '[a' }
    - repeat_interval: 0s
receivers:
  - name: root
  - name: root
`),
    ).toEqual([
      '12: notification config name "root" is not unique',
      '3: group_wait: not a valid duration string: "5 minutes"',
      expect.stringMatching(/^6: matchers: matcher foo=~"\(x": /),
      '7: matchers: bad matcher format: nonsense',
      expect.stringMatching(/^8: match_re: matcher job=~"\[a": /),
      '9: repeat_interval cannot be zero',
      '5: undefined receiver "nobody" used in route',
    ]);
  });

  it('rejects unknown keys, unsupported features and root route mistakes with their lines', () => {
    expect(problemsOf('route:\n  receiver: r\n  mute_time_intervals: [nights]\nreceivers: [{ name: r }]\n')).toEqual([
      '3: mute_time_intervals is not supported: use silences to mute alerts for a while',
    ]);
    expect(problemsOf('route:\n  receiver: r\nreceivers:\n  - name: r\n    webhook_configs:\n      - url: http://x\n        urll: http://y\n')).toEqual([
      '7: field urll not found in webhook_configs entry',
    ]);
    expect(problemsOf('route:\n  receiver: r\nreceivers:\n  - name: r\n    sms_configs: []\n')).toEqual(['5: field sms_configs not found in receiver']);
    expect(problemsOf('route:\n  receiver: r\n  match: { a: b }\nreceivers: [{ name: r }]\n')).toEqual(['2: root route must not have any matchers']);
    expect(problemsOf('route:\n  group_by: [a]\nreceivers: [{ name: r }]\n')).toEqual(['2: root route must specify a default receiver']);
    expect(problemsOf('receivers: [{ name: r }]\n')).toEqual(['1: no routes provided']);
    expect(problemsOf('route:\n  receiver: r\n  group_by: [a, "..."]\nreceivers: [{ name: r }]\n')).toEqual([
      '3: cannot have wildcard group_by (`...`) and other labels at the same time',
    ]);
    expect(problemsOf('route:\n  receiver: r\n  continue: yes please\nreceivers: [{ name: r }]\n')).toEqual(['3: continue must be true or false']);
    expect(problemsOf('route:\n  receiver: r\n  receiver: s\n')).toEqual([expect.stringMatching(/^3: Map keys must be unique/)]);
    expect(problemsOf('route: [\n')).toHaveLength(1);
    expect(problemsOf('route: { receiver: r }\nreceivers: [{ name: r }]\ninhibit_rules:\n  - source_matchers: [\'a="1"\']\n    equal: [ok, not-ok]\n')).toEqual([
      '5: "not-ok" is not a valid label name',
    ]);
  });
});
