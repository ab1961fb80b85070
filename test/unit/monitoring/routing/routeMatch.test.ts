import { describe, expect, it } from 'vitest';
import { isInhibited } from '../../../../src/monitoring/routing/inhibition';
import { describeMatch, matchRoutes } from '../../../../src/monitoring/routing/routeMatch';
import { parseRoutingConfig, type RoutingConfig } from '../../../../src/monitoring/routing/routingConfig';

function load(text: string): RoutingConfig {
  const { config, problems } = parseRoutingConfig(text);
  expect(problems).toEqual([]);
  return config!;
}

const tree = load(`
route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      continue: true
    - matchers: ['team="db"']
      receiver: db
      group_by: [alertname, cluster]
      routes:
        - matchers: ['env=~"dev|test"']
          receiver: db-dev
    - matchers: ['team=~"db|web"']
      receiver: shared
    - matchers: ['service!=""']
      receiver: services
      group_by: ['...']
receivers: [{ name: default }, { name: pager }, { name: db }, { name: db-dev }, { name: shared }, { name: services }]
`);

const receivers = (labels: Record<string, string>) => matchRoutes(tree.route, labels).map((m) => m.route.receiver);

describe('matchRoutes', () => {
  it('falls back to the root when no child matches', () => {
    expect(receivers({ alertname: 'X' })).toEqual(['default']);
  });

  it('stops at the first matching child', () => {
    expect(receivers({ team: 'db' })).toEqual(['db']);
    expect(receivers({ team: 'web', service: 'api' })).toEqual(['shared']);
  });

  it('takes the deepest matching route, else the parent', () => {
    expect(receivers({ team: 'db', env: 'dev' })).toEqual(['db-dev']);
    expect(receivers({ team: 'db', env: 'prod' })).toEqual(['db']);
  });

  it('goes on past a route with continue', () => {
    expect(receivers({ severity: 'critical', team: 'db', env: 'test' })).toEqual(['pager', 'db-dev']);
    expect(receivers({ severity: 'critical' })).toEqual(['pager']);
  });

  it('counts a missing label as empty and anchors regexes', () => {
    expect(receivers({ service: '' })).toEqual(['default']);
    expect(receivers({ team: 'dbx' })).toEqual(['default']);
  });

  it('describes a match with group labels, key and timers', () => {
    const labels = { alertname: 'DiskFull', team: 'db', cluster: 'eu', instance: 'a' };
    const [match] = matchRoutes(tree.route, labels).map((m) => describeMatch(m, labels));
    expect(match).toEqual({
      path: [1],
      line: 9,
      receiver: 'db',
      matchers: [{ name: 'team', op: '=', value: 'db' }],
      groupBy: ['alertname', 'cluster'],
      groupLabels: { alertname: 'DiskFull', cluster: 'eu' },
      groupKey: '{}/{team="db"}:{alertname="DiskFull", cluster="eu"}',
      groupWaitMs: 30_000,
      groupIntervalMs: 300_000,
      repeatIntervalMs: 14_400_000,
      continued: false,
    });
    const all = { service: 'api', b: '2', a: '1' };
    const [byAll] = matchRoutes(tree.route, all).map((m) => describeMatch(m, all));
    expect(byAll!.groupLabels).toEqual({ a: '1', b: '2', service: 'api' });
    expect(Object.keys(byAll!.groupLabels)).toEqual(['a', 'b', 'service']);
    const critical = { severity: 'critical' };
    expect(matchRoutes(tree.route, critical).map((m) => describeMatch(m, critical).continued)).toEqual([true]);
  });
});

describe('isInhibited', () => {
  const { inhibitRules } = load(`
route: { receiver: r }
receivers: [{ name: r }]
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_matchers: ['severity="warning"']
    equal: [instance]
  - source_matchers: ['alertname="NodeDown"']
    target_matchers: ['alertname=~"Node.*"']
`);
  const critical = { alertname: 'Disk', severity: 'critical', instance: 'a' };
  const warning = { alertname: 'Disk', severity: 'warning', instance: 'a' };

  it('mutes a target while a source with equal labels fires', () => {
    expect(isInhibited(inhibitRules, warning, [critical, warning])).toBe(true);
    expect(isInhibited(inhibitRules, { ...warning, instance: 'b' }, [critical])).toBe(false);
    expect(isInhibited(inhibitRules, warning, [warning])).toBe(false);
    expect(isInhibited(inhibitRules, critical, [critical, warning])).toBe(false);
  });

  it('treats a label both lack as equal', () => {
    const { instance: _a, ...criticalNoInstance } = critical;
    const { instance: _b, ...warningNoInstance } = warning;
    expect(isInhibited(inhibitRules, warningNoInstance, [criticalNoInstance])).toBe(true);
    expect(isInhibited(inhibitRules, warning, [criticalNoInstance])).toBe(false);
  });

  it('never lets an alert that matches both sides inhibit itself', () => {
    const nodeDown = { alertname: 'NodeDown', instance: 'a' };
    expect(isInhibited(inhibitRules, nodeDown, [nodeDown])).toBe(false);
    expect(isInhibited(inhibitRules, nodeDown, [nodeDown, { alertname: 'NodeDown', instance: 'b' }])).toBe(false);
    expect(isInhibited(inhibitRules, { alertname: 'NodeFsFull' }, [nodeDown])).toBe(true);
  });
});
