import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, OpsdeckError } from '../../../../src/contract';
import { routingHandlers } from '../../../../src/host/handlers/routing';
import { RoutingFile } from '../../../../src/monitoring/routing/routingFile';
import { tempDir } from '../../../helpers/tempDir';

/** The routing config Opsdeck ships. */
const DEFAULT_ROUTING_FILE = path.join(__dirname, '../../../../resources/routing/alertmanager.yml');

const VALID = `route:
  receiver: desktop
  routes:
    - matchers: ['team="db"']
      receiver: db
      continue: true
receivers: [{ name: desktop }, { name: db }]
`;

describe('RoutingFile and the routing handlers', () => {
  it('serves the shipped default until a config is saved', async () => {
    const dir = tempDir();
    const info = await routingHandlers(new RoutingFile(dir, DEFAULT_ROUTING_FILE))['routing.get']({});
    expect(info).toMatchObject({ path: path.join(dir, 'alertmanager.yml'), isDefault: true, problems: [], inhibitRules: 1 });
    expect(info.text).toBe(fs.readFileSync(DEFAULT_ROUTING_FILE, 'utf8'));
    expect(info.tree).toMatchObject({ receiver: 'desktop', groupBy: ['alertname'], path: [], routes: [] });
    expect(info.receivers).toEqual([{ name: 'desktop', line: 30, integrations: {} }]);
  });

  it('saves valid text whole and refuses invalid text, keeping the old file', async () => {
    const dir = tempDir();
    const handlers = routingHandlers(new RoutingFile(dir, DEFAULT_ROUTING_FILE));
    const saved = await handlers['routing.save']({ text: VALID });
    expect(saved).toMatchObject({ isDefault: false, text: VALID });
    expect(saved.tree!.routes[0]).toMatchObject({ receiver: 'db', continue: true, path: [0], line: 4 });
    expect(fs.readFileSync(path.join(dir, 'alertmanager.yml'), 'utf8')).toBe(VALID);

    const broken = VALID.replace("receiver: db\n", 'receiver: nobody\n');
    expect(handlers['routing.validate']({ text: broken })).toEqual({ valid: false, problems: [{ line: 5, column: 17, message: 'undefined receiver "nobody" used in route' }] });
    expect(() => handlers['routing.save']({ text: broken })).toThrow(OpsdeckError);
    expect(() => handlers['routing.save']({ text: broken })).toThrow(/line 5: undefined receiver "nobody"/);
    expect(fs.readFileSync(path.join(dir, 'alertmanager.yml'), 'utf8')).toBe(VALID);
    expect(fs.readdirSync(dir)).toEqual(['alertmanager.yml']);
  });

  it('tests labels against the saved config or a draft', async () => {
    const handlers = routingHandlers(new RoutingFile(tempDir(), DEFAULT_ROUTING_FILE));
    await handlers['routing.save']({ text: VALID });
    const result = await handlers['routing.test']({ labels: { team: 'db', alertname: 'X' } });
    expect(result.routes.map((r) => [r.receiver, r.continued, r.groupKey])).toEqual([['db', true, '{}/{team="db"}:{}']]);
    const draft = VALID.replace('continue: true', 'group_by: [alertname]');
    const drafted = await handlers['routing.test']({ labels: { team: 'db', alertname: 'X' }, text: draft });
    expect(drafted.routes.map((r) => [r.receiver, r.continued, r.groupKey])).toEqual([['db', false, '{}/{team="db"}:{alertname="X"}']]);
    expect(() => handlers['routing.test']({ labels: {}, text: 'route: {}' })).toThrow(/root route must specify a default receiver/);
  });
});

describe('routing.test input', () => {
  it('takes label names as Alertmanager allows them', () => {
    const input = channels['routing.test'].input;
    expect(input.safeParse({ labels: { alertname: 'X', team_1: 'db' } }).success).toBe(true);
    expect(input.safeParse({ labels: { 'bad-name': 'x' } }).success).toBe(false);
    expect(input.safeParse({ labels: { a: 1 } }).success).toBe(false);
    expect(input.safeParse({ labels: {}, extra: true }).success).toBe(false);
  });
});
