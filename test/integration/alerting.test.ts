import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertHistoryPage, AlertInstance, AlertSummary, HostEvent, RuleFileInfo, RulesList, RuleValidation, Silence } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { eventually } from '../helpers/eventually';
import { call, failure } from '../helpers/hostCall';
import { tempDir } from '../helpers/tempDir';
import { cleanupAfterEach } from '../helpers/cleanups';
import { prometheusStackForFile } from '../prometheus/perFile';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('libsecret-1.so.0: cannot open shared object file');
});

/** Evaluations run every second; state that takes a few of them gets this long. */
const SOON_MS = 20_000;

const stackOfFile = prometheusStackForFile();

const cleanup = cleanupAfterEach();

interface Started {
  host: Host;
  events: HostEvent[];
  stop: () => Promise<void>;
}

/** A host with the given rule files in its rules folder and the stack's Prometheus as its source. */
async function startHost(dataDir: string, options: { files?: Record<string, string>; defaults?: boolean; addSource?: boolean } = {}): Promise<Started> {
  fs.mkdirSync(path.join(dataDir, 'rules'), { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(dataDir, 'rules', name), text);
  const host = await createHost({
    dataDir,
    mode: 'serve',
    sampleIntervalMs: 60_000,
    secretStore: noKeychain,
    kubeconfigPaths: [],
    dockerHosts: [],
    prometheusMonitor: { recheckMs: 1000, timeoutMs: 5000, backoff: { initialMs: 100, maxMs: 1000 } },
    rules: options.defaults ? {} : { defaultsDir: null },
    log: () => undefined,
  });
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  let stopped = false;
  const stop = async () => {
    if (!stopped) await host.stop();
    stopped = true;
  };
  cleanup(stop);
  if (options.addSource !== false) await call(host, 'prom.addSource', { name: 'local', url: stackOfFile().prometheusUrl, auth: { kind: 'none' } });
  return { host, events, stop };
}

const ruleFile = (group: string, ...rule: string[]) =>
  ['groups:', `  - name: ${group}`, '    interval: 1s', '    rules:', ...rule.map((line, i) => `${i === 0 ? '      - ' : '        '}${line}`), ''].join('\n');

const alertsNamed = async (host: Host, alertname: string) => (await call<AlertInstance[]>(host, 'alerts.list', {})).filter((a) => a.alertname === alertname);

const summaries = (events: HostEvent[]) => events.filter((e) => e.name === 'alerts.changed').map((e) => e.data as AlertSummary);

async function ruleNamed(host: Host, alert: string) {
  const rule = (await call<RulesList>(host, 'rules.list', {})).groups.flatMap((g) => g.rules).find((r) => r.alert === alert);
  if (!rule) throw new Error(`no rule ${alert}`);
  return rule;
}

describe('alerting rules on a real Prometheus', () => {
  it('holds an alert pending for its for, fires it, and resolves it when the value drops', async () => {
    const metric = 'opsdeck_alert_cycle';
    await stackOfFile().push('alert-cycle', `${metric}{kind="a"} 10`);
    const { host, events } = await startHost(tempDir(), {
      files: {
        'cycle.yml': ruleFile(
          'cycle',
          'alert: CycleHigh',
          `expr: ${metric} > 50`,
          'for: 3s',
          'labels: { severity: critical }',
          "annotations: { summary: 'value {{ $value }} on {{ $labels.kind }}' }",
        ),
      },
    });
    await eventually(async () => expect((await ruleNamed(host, 'CycleHigh')).health).toBe('ok'), SOON_MS);
    expect(await alertsNamed(host, 'CycleHigh')).toEqual([]);

    await stackOfFile().push('alert-cycle', `${metric}{kind="a"} 80`);
    const pending = await eventually(async () => {
      const seen = summaries(events).flatMap((s) => s.pending).find((a) => a.rule === 'CycleHigh');
      expect(seen).toBeDefined();
      return seen!;
    }, SOON_MS);
    expect(pending).toMatchObject({ severity: 'critical', summary: 'value 80 on a', labels: { alertname: 'CycleHigh', job: 'alert-cycle', kind: 'a', severity: 'critical' } });

    const firing = await eventually(async () => {
      const [alert] = await alertsNamed(host, 'CycleHigh');
      expect(alert).toMatchObject({ state: 'firing', value: 80, annotations: { summary: 'value 80 on a' }, ack: null, silencedBy: [] });
      return alert!;
    }, SOON_MS);
    expect(firing.firedAt! - firing.activeAt).toBeGreaterThanOrEqual(3000);
    expect(summaries(events).at(-1)!.firing.map((a) => a.id)).toContain(`rule:${firing.id}`);
    expect((await call<AlertSummary>(host, 'alerts.summary', {})).firing.map((a) => a.id)).toContain(`rule:${firing.id}`);

    await stackOfFile().push('alert-cycle', `${metric}{kind="a"} 10`);
    await eventually(async () => expect(await alertsNamed(host, 'CycleHigh')).toEqual([]), SOON_MS);
    const history = await call<AlertHistoryPage>(host, 'alerts.history', { text: 'CycleHigh' });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ id: firing.id, state: 'resolved', activeAt: firing.activeAt, firedAt: firing.firedAt });
    expect(history.items[0]!.resolvedAt).toBeGreaterThan(firing.firedAt!);
    expect(summaries(events).at(-1)!.firing.map((a) => a.id)).not.toContain(`rule:${firing.id}`);
    expect((await call<AlertHistoryPage>(host, 'alerts.history', { text: 'CycleHigh', state: 'firing' })).total).toBe(0);
    expect((await call<AlertHistoryPage>(host, 'alerts.history', { text: 'no such alert' })).total).toBe(0);
  });

  it('keeps an alert firing for keep_firing_for after its condition stops holding', async () => {
    const metric = 'opsdeck_alert_keep';
    await stackOfFile().push('alert-keep', `${metric} 80`);
    const { host } = await startHost(tempDir(), {
      files: { 'keep.yml': ruleFile('keep', 'alert: KeepHigh', `expr: ${metric} > 50`, 'keep_firing_for: 3s') },
    });
    await eventually(async () => expect(await alertsNamed(host, 'KeepHigh')).toMatchObject([{ state: 'firing', keepFiringSince: null }]), SOON_MS);

    await stackOfFile().push('alert-keep', `${metric} 10`);
    const kept = await eventually(async () => {
      const [alert] = await alertsNamed(host, 'KeepHigh');
      expect(alert).toMatchObject({ state: 'firing', keepFiringSince: expect.any(Number) });
      return alert!;
    }, SOON_MS);
    const resolved = await eventually(async () => {
      const page = await call<AlertHistoryPage>(host, 'alerts.history', { text: 'KeepHigh', state: 'resolved' });
      expect(page.items).toHaveLength(1);
      return page.items[0]!;
    }, SOON_MS);
    expect(resolved.keepFiringSince).toBe(kept.keepFiringSince);
    expect(resolved.resolvedAt! - resolved.keepFiringSince!).toBeGreaterThanOrEqual(3000);
  });

  it('refuses a bad rule file with its line, and checks expressions with Prometheus', async () => {
    const { host } = await startHost(tempDir());
    const local = await eventually(async () => {
      const { source } = await call<RulesList>(host, 'rules.list', {});
      expect(source).toMatchObject({ name: 'local' });
      return source!;
    }, SOON_MS);
    expect(await failure(host, 'rules.setSource', { source: 9999 })).toBe('NOT_FOUND No Prometheus source with id 9999.');
    expect((await call<RulesList>(host, 'rules.setSource', { source: local.id })).source).toEqual(local);

    const badDuration = ruleFile('bad', 'alert: A', 'expr: up', 'for: 5x');
    expect(await failure(host, 'rules.save', { name: 'bad.yml', text: badDuration })).toBe('BAD_REQUEST bad.yml:7:14: group "bad": for: not a valid duration string: "5x"');

    const badExpr = ruleFile('bad', 'alert: A', 'expr: rate(up[5m]');
    const prometheusSays = (await (await fetch(`${stackOfFile().prometheusUrl}/api/v1/query?query=${encodeURIComponent('rate(up[5m]')}`)).json()) as { errorType: string; error: string };
    const validation = await call<RuleValidation>(host, 'rules.validate', { name: 'bad.yml', text: badExpr });
    expect(validation).toEqual({
      valid: false,
      exprsChecked: true,
      problems: [{ file: 'bad.yml', line: 6, column: 15, message: `alert A: ${prometheusSays.errorType}: ${prometheusSays.error}` }],
    });
    expect(await failure(host, 'rules.save', { name: 'bad.yml', text: badExpr })).toMatch(/^BAD_REQUEST bad\.yml:6:15: alert A: bad_data: .*parse error/);
    expect(await failure(host, 'rules.save', { name: '../escape.yml', text: 'groups: []' })).toMatch(/^BAD_REQUEST Invalid payload for rules.save: name: must be a file name/);
    expect((await call<RuleFileInfo[]>(host, 'rules.files', {})).map((f) => f.name)).toEqual([]);

    const good = ruleFile('good', 'alert: Up', 'expr: up == 0');
    expect(await call<RuleValidation>(host, 'rules.validate', { name: 'good.yml', text: good })).toEqual({ valid: true, problems: [], exprsChecked: true });
    const files = await call<RuleFileInfo[]>(host, 'rules.save', { name: 'good.yml', text: good });
    expect(files).toEqual([{ name: 'good.yml', path: expect.stringMatching(/rules\/good\.yml$/), readOnly: false, groups: 1, problems: [] }]);
    expect(fs.readFileSync(files[0]!.path, 'utf8')).toBe(good);
    await eventually(async () => expect(await ruleNamed(host, 'Up')).toMatchObject({ health: 'ok', lastError: null }), SOON_MS);
  });

  it('reloads files changed on disk, keeping the last good version of a file that breaks', async () => {
    const dataDir = tempDir();
    const { host } = await startHost(dataDir, { files: { 'disk.yml': ruleFile('disk', 'alert: First', 'expr: up == 0') } });
    await eventually(async () => expect(await ruleNamed(host, 'First')).toMatchObject({ health: 'ok' }), SOON_MS);

    fs.writeFileSync(path.join(dataDir, 'rules', 'disk.yml'), ruleFile('disk', 'alert: Second', 'expr: up == 0'));
    await eventually(async () => expect(await ruleNamed(host, 'Second')).toMatchObject({ health: 'ok' }), SOON_MS);

    fs.writeFileSync(path.join(dataDir, 'rules', 'disk.yml'), ruleFile('disk', 'alert: Third', 'expr: up == 0', 'for: 1x'));
    const list = await eventually(async () => {
      const l = await call<RulesList>(host, 'rules.list', {});
      expect(l.problems).toEqual([{ file: 'disk.yml', line: 7, column: 14, message: 'group "disk": for: not a valid duration string: "1x"' }]);
      return l;
    }, SOON_MS);
    expect(list.groups.flatMap((g) => g.rules.map((r) => r.alert))).toEqual(['Second']);
  });

  it("marks a rule whose query fails with Prometheus's error, and keeps evaluating the others", async () => {
    // Written straight into the folder, so the check on save does not stop it.
    const broken = 'rate(up[5m]';
    const prometheusSays = (await (await fetch(`${stackOfFile().prometheusUrl}/api/v1/query?query=${encodeURIComponent(broken)}`)).json()) as { errorType: string; error: string };
    expect(prometheusSays.errorType).toBe('bad_data');
    const { host } = await startHost(tempDir(), {
      files: { 'mixed.yml': ruleFile('mixed', 'alert: Broken', `expr: ${broken}`) + ruleFile('fine', 'alert: Fine', 'expr: up == 0').replace('groups:\n', '') },
    });
    await eventually(async () => {
      expect(await ruleNamed(host, 'Broken')).toMatchObject({ health: 'err', lastError: `${prometheusSays.errorType}: ${prometheusSays.error}`, lastEvalAt: expect.any(Number) });
      expect(await ruleNamed(host, 'Fine')).toMatchObject({ health: 'ok', lastError: null });
    }, SOON_MS);
  });

  it('mutes matching alerts with a silence, and unmutes them when it expires', async () => {
    const metric = 'opsdeck_alert_silence';
    await stackOfFile().push('alert-silence', `${metric}{kind="a"} 80\n${metric}{kind="b"} 80`);
    const { host, events } = await startHost(tempDir(), { files: { 's.yml': ruleFile('s', 'alert: SilenceHigh', `expr: ${metric} > 50`) } });
    const [a, b] = await eventually(async () => {
      const alerts = (await alertsNamed(host, 'SilenceHigh')).sort((x, y) => x.labels.kind!.localeCompare(y.labels.kind!));
      expect(alerts.map((x) => [x.labels.kind, x.state])).toEqual([
        ['a', 'firing'],
        ['b', 'firing'],
      ]);
      return alerts;
    }, SOON_MS);

    expect(await failure(host, 'silences.create', { matchers: [{ name: 'kind', op: '=~', value: '.*' }], endsAt: Date.now() + 3_600_000, comment: 'all' })).toMatch(/^BAD_REQUEST At least one matcher must not match the empty string/);
    const silence = await call<Silence>(host, 'silences.create', {
      matchers: [
        { name: 'alertname', op: '=', value: 'SilenceHigh' },
        { name: 'kind', op: '=~', value: 'b|c' },
      ],
      endsAt: Date.now() + 3_600_000,
      comment: 'maintenance of b',
    });
    expect(silence).toMatchObject({ state: 'active', createdBy: expect.stringMatching(/\(serve\)$/), comment: 'maintenance of b' });
    const byKind = async () => Object.fromEntries((await alertsNamed(host, 'SilenceHigh')).map((x) => [x.labels.kind, x.silencedBy]));
    expect(await byKind()).toEqual({ a: [], b: [silence.id] });
    const summaryIds = async () => (await call<AlertSummary>(host, 'alerts.summary', {})).firing.map((x) => x.id);
    expect(await summaryIds()).toContain(`rule:${a!.id}`);
    expect(await summaryIds()).not.toContain(`rule:${b!.id}`);
    expect(summaries(events).at(-1)!.firing.map((x) => x.id)).not.toContain(`rule:${b!.id}`);

    expect(await call<Silence>(host, 'silences.expire', { id: silence.id })).toMatchObject({ state: 'expired' });
    expect(await byKind()).toEqual({ a: [], b: [] });
    expect(summaries(events).at(-1)!.firing.map((x) => x.id)).toContain(`rule:${b!.id}`);
    expect(await failure(host, 'silences.expire', { id: silence.id })).toBe(`BAD_REQUEST Silence ${silence.id} has expired already.`);
  });

  it('keeps firing alerts, acknowledgements and silences across a restart without announcing them again', async () => {
    const metric = 'opsdeck_alert_restart';
    await stackOfFile().push('alert-restart', `${metric}{kind="a"} 80\n${metric}{kind="b"} 80`);
    const dataDir = tempDir();
    const files = { 'r.yml': ruleFile('r', 'alert: RestartHigh', `expr: ${metric} > 50`) };
    const first = await startHost(dataDir, { files });
    const before = await eventually(async () => {
      const alerts = (await alertsNamed(first.host, 'RestartHigh')).sort((x, y) => x.labels.kind!.localeCompare(y.labels.kind!));
      expect(alerts.map((x) => x.state)).toEqual(['firing', 'firing']);
      return alerts;
    }, SOON_MS);
    const acked = await call<AlertInstance>(first.host, 'alerts.ack', { id: before[0]!.id, comment: 'looking' });
    expect(acked.ack).toEqual({ by: expect.stringMatching(/\(serve\)$/), at: expect.any(Number), comment: 'looking' });
    expect(await failure(first.host, 'alerts.ack', { id: 999_999 })).toBe('NOT_FOUND No alert with id 999999.');
    const silence = await call<Silence>(first.host, 'silences.create', { matchers: [{ name: 'kind', op: '=', value: 'b' }], endsAt: Date.now() + 3_600_000, comment: 'b is known' });
    await first.stop();

    const second = await startHost(dataDir, { files, addSource: false });
    const after = (await alertsNamed(second.host, 'RestartHigh')).sort((x, y) => x.labels.kind!.localeCompare(y.labels.kind!));
    expect(after.map((x) => [x.id, x.state, x.activeAt, x.firedAt])).toEqual(before.map((x) => [x.id, x.state, x.activeAt, x.firedAt]));
    expect(after[0]!.ack).toEqual(acked.ack);
    expect(after[1]!.silencedBy).toEqual([silence.id]);
    expect(await call<Silence[]>(second.host, 'silences.list', {})).toEqual([{ ...silence }]);
    expect((await call<AlertSummary>(second.host, 'alerts.summary', {})).firing.map((x) => x.id)).toContain(`rule:${before[0]!.id}`);

    // Evaluations go on against the source kept from the first run; the alerts still fire, so nothing is news.
    const evaluatedAt = Date.now();
    await eventually(async () => expect((await ruleNamed(second.host, 'RestartHigh')).lastEvalAt).toBeGreaterThan(evaluatedAt + 1000), SOON_MS);
    const stillFiring = await alertsNamed(second.host, 'RestartHigh');
    expect(stillFiring.map((x) => [x.id, x.state, x.activeAt])).toEqual(expect.arrayContaining(before.map((x) => [x.id, 'firing', x.activeAt])));
    expect(stillFiring).toHaveLength(2);
    const announced = summaries(second.events).flatMap((s) => s.firing.map((x) => x.id));
    expect(announced).not.toContain(`rule:${before[0]!.id}`);
    expect(announced).not.toContain(`rule:${before[1]!.id}`);
  });

  it("evaluates host rules on the host collector's own samples, without a Prometheus source", async () => {
    const hostRules = [
      'groups:',
      '  - name: own-host',
      '    source: host',
      '    interval: 1s',
      '    rules:',
      '      - alert: LoadMeasured',
      '        expr: opsdeck_host_load1 >= 0',
      "        annotations: { summary: 'load {{ $value }}' }",
      '      - alert: MemoryOverFull',
      '        expr: opsdeck_host_memory_used_percent > 100',
      '',
    ].join('\n');
    const { host } = await startHost(tempDir(), { files: { 'own.yml': hostRules }, addSource: false });
    const [alert] = await eventually(async () => {
      const alerts = await alertsNamed(host, 'LoadMeasured');
      expect(alerts).toMatchObject([{ state: 'firing', labels: { alertname: 'LoadMeasured' }, annotations: { summary: expect.stringMatching(/^load \d/) } }]);
      return alerts;
    }, SOON_MS);
    expect(alert!.value).toBeGreaterThanOrEqual(0);
    expect(await ruleNamed(host, 'MemoryOverFull')).toMatchObject({ health: 'ok', activeCount: 0 });
    const list = await call<RulesList>(host, 'rules.list', {});
    expect(list.groups).toMatchObject([{ name: 'own-host', source: 'host' }]);
    expect(list.source).toBeNull();
    expect(list.hint).toMatch(/add one in Monitoring/);
  });

  it('evaluates the default rule files shipped with Opsdeck against Prometheus without errors', async () => {
    const { host } = await startHost(tempDir(), { defaults: true });
    const list = await eventually(async () => {
      const l = await call<RulesList>(host, 'rules.list', {});
      const rules = l.groups.flatMap((g) => g.rules);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((r) => r.health !== 'ok')).toEqual([]);
      return l;
    }, 90_000);
    expect(list.groups.every((g) => g.readOnly && g.file.startsWith('defaults/'))).toBe(true);
    expect(list.problems).toEqual([]);
  }, 120_000);
});
