import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, PromConnectionTest, PromNames, PromQueryResult, PromRangeResult, PromSeriesList, PromSourceInfo, PromSources } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { credentialAccount } from '../../src/monitoring/prometheus/credentials';
import { KeychainSecretStore, type SecretStore } from '../../src/secrets/secretStore';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';
import { freePort } from '../prometheus';
import { cleanupAfterEach } from '../helpers/cleanups';
import { prometheusStackForFile } from '../prometheus/perFile';

// scripts/with-keyring.sh starts a real Secret Service (gnome-keyring) and sets this.
const keyring = process.env.OPSDECK_TEST_KEYRING === '1';
if (!keyring) console.log('Prometheus keychain tests skipped: run them through `npm test`, which starts gnome-keyring');

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('libsecret-1.so.0: cannot open shared object file');
});

const stackOfFile = prometheusStackForFile();

const cleanup = cleanupAfterEach();

async function openHost(dataDir: string, secretStore: SecretStore) {
  const host = await createHost({
    dataDir,
    mode: 'serve',
    sampleIntervalMs: 60_000,
    secretStore,
    kubeconfigPaths: [],
    dockerHosts: [],
    prometheusMonitor: { recheckMs: 1000, timeoutMs: 5000, backoff: { initialMs: 100, maxMs: 1000 } },
    log: () => undefined,
  });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await host.stop();
    stopped = true;
  };
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  return { host, events, stop, dataDir };
}

/** A host stopped after the test. */
async function startHost(dataDir = tempDir(), secretStore: SecretStore = noKeychain) {
  const started = await openHost(dataDir, secretStore);
  cleanup(started.stop);
  return started;
}

async function call<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const r = await host.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function failure(host: Host, channel: string, payload: unknown): Promise<string> {
  const r = await host.invoke(channel, payload);
  if (r.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return `${r.error.code} ${r.error.message}`;
}

async function sourceNamed(host: Host, name: string): Promise<PromSourceInfo> {
  const found = (await call<PromSources>(host, 'prom.sources', {})).sources.find((s) => s.name === name);
  if (!found) throw new Error(`no source named ${name}`);
  return found;
}

async function connectedSource(host: Host, name: string, url = stackOfFile().prometheusUrl, auth: unknown = { kind: 'none' }): Promise<PromSourceInfo> {
  await call(host, 'prom.addSource', { name, url, auth });
  return eventually(async () => {
    const source = await sourceNamed(host, name);
    expect(source).toMatchObject({ state: 'connected', message: null });
    return source;
  });
}

/** What Prometheus itself answers, to compare Opsdeck's view with. */
async function direct(apiPath: string): Promise<{ status: string; data?: unknown; errorType?: string; error?: string }> {
  return (await fetch(`${stackOfFile().prometheusUrl}/${apiPath}`)).json() as never;
}

describe('Prometheus sources', () => {
  it('starts empty with a hint, then connects an added source and reports its version', async () => {
    const { host, events } = await startHost();
    expect(await call<PromSources>(host, 'prom.sources', {})).toEqual({ sources: [], hint: expect.stringMatching(/Add a Prometheus-compatible server/) });

    const source = await connectedSource(host, 'local');
    const buildinfo = (await direct('api/v1/status/buildinfo')) as { data: { version: string } };
    expect(source).toMatchObject({ name: 'local', url: stackOfFile().prometheusUrl, auth: 'none', username: null, version: buildinfo.data.version });
    expect(buildinfo.data.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(source.nextCheckAt).toBeGreaterThan(source.lastCheckedAt!);
    await eventually(async () => {
      const announced = events.filter((e) => e.name === 'prom.sourcesChanged').at(-1)?.data as PromSources;
      expect(announced.sources.map((s) => [s.name, s.state])).toEqual([['local', 'connected']]);
    });
  });

  it('shows a closed port as unreachable and a server that is not Prometheus as an error, in their own words', async () => {
    const { host } = await startHost();
    const port = await freePort();
    await call(host, 'prom.addSource', { name: 'gone', url: `http://127.0.0.1:${port}`, auth: { kind: 'none' } });
    await call(host, 'prom.addSource', { name: 'exporter', url: stackOfFile().nodeExporterUrl, auth: { kind: 'none' } });
    await eventually(async () => {
      expect(await sourceNamed(host, 'gone')).toMatchObject({ state: 'unreachable', message: `connect ECONNREFUSED 127.0.0.1:${port}`, version: null });
      expect(await sourceNamed(host, 'exporter')).toMatchObject({ state: 'error', message: expect.stringMatching(/not a Prometheus API answer/) });
    });
    const gone = await sourceNamed(host, 'gone');
    expect(await failure(host, 'prom.query', { source: gone.id, query: 'up' })).toBe(`UNAVAILABLE Source "gone": connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(await call<PromConnectionTest>(host, 'prom.testSource', { url: `http://127.0.0.1:${port}/prefix`, auth: { kind: 'none' } })).toEqual({
      state: 'unreachable',
      message: `connect ECONNREFUSED 127.0.0.1:${port}`,
      version: null,
    });
    expect(await call<PromConnectionTest>(host, 'prom.testSource', { url: stackOfFile().prometheusUrl, auth: { kind: 'none' } })).toMatchObject({ state: 'connected' });
    expect(await call<PromConnectionTest>(host, 'prom.testSource', { id: gone.id })).toMatchObject({ state: 'unreachable' });
  });

  it('checks an unreachable source again until it answers', async () => {
    const { host } = await startHost();
    const port = await freePort();
    await call(host, 'prom.addSource', { name: 'later', url: `http://127.0.0.1:${port}`, auth: { kind: 'none' } });
    await eventually(async () => expect((await sourceNamed(host, 'later')).state).toBe('unreachable'));
    const server = await proxy({ port });
    cleanup(server.close);
    await eventually(async () => expect(await sourceNamed(host, 'later')).toMatchObject({ state: 'connected', message: null, version: expect.any(String) }));
  });

  it('refuses names twice, URLs with credentials, and unknown ids', async () => {
    const { host } = await startHost();
    await call(host, 'prom.addSource', { name: 'local', url: stackOfFile().prometheusUrl, auth: { kind: 'none' } });
    expect(await failure(host, 'prom.addSource', { name: 'local', url: stackOfFile().prometheusUrl, auth: { kind: 'none' } })).toBe('BAD_REQUEST A source named "local" exists already.');
    expect(await failure(host, 'prom.addSource', { name: 'x', url: 'http://ops:pw@127.0.0.1:9090', auth: { kind: 'none' } })).toMatch(
      /^BAD_REQUEST Invalid payload for prom.addSource: url: must not hold credentials/,
    );
    expect(await failure(host, 'prom.removeSource', { id: 9999 })).toBe('NOT_FOUND No Prometheus source with id 9999.');
  });

  it('keeps sources across a restart, and applies updates and removals', async () => {
    const first = await startHost();
    const local = await connectedSource(first.host, 'local');
    await call(first.host, 'prom.addSource', { name: 'second', url: `${stackOfFile().prometheusUrl}/`, auth: { kind: 'none' } });
    await first.stop();

    const second = await startHost(first.dataDir);
    const sources = await eventually(async () => {
      const list = await call<PromSources>(second.host, 'prom.sources', {});
      expect(list.sources.map((s) => [s.id, s.name, s.state])).toEqual([
        [local.id, 'local', 'connected'],
        [local.id + 1, 'second', 'connected'],
      ]);
      return list;
    });
    const renamed = await call<PromSources>(second.host, 'prom.updateSource', { id: sources.sources[1]!.id, name: 'renamed', url: `http://127.0.0.1:${await freePort()}` });
    expect(renamed.sources.map((s) => s.name)).toEqual(['local', 'renamed']);
    await eventually(async () => expect((await sourceNamed(second.host, 'renamed')).state).toBe('unreachable'));
    expect((await call<PromSources>(second.host, 'prom.removeSource', { id: local.id })).sources.map((s) => s.name)).toEqual(['renamed']);
    await second.stop();

    const third = await startHost(first.dataDir);
    expect((await call<PromSources>(third.host, 'prom.sources', {})).sources.map((s) => s.name)).toEqual(['renamed']);
  });

  it('adds sources without credentials when the keychain is unavailable, and refuses those with credentials', async () => {
    const { host } = await startHost();
    expect(await failure(host, 'prom.addSource', { name: 'secured', url: stackOfFile().prometheusUrl, auth: { kind: 'basic', username: 'ops', password: 'pw' } })).toMatch(
      'UNAVAILABLE Source "secured" not saved: its password is kept in the OS keychain, which is unavailable. The keychain module could not be loaded (libsecret-1.so.0: cannot open shared object file). Sources without credentials work without it.',
    );
    expect(await failure(host, 'prom.addSource', { name: 'token', url: stackOfFile().prometheusUrl, auth: { kind: 'bearer', token: 't' } })).toMatch(/^UNAVAILABLE Source "token" not saved: its token is kept in the OS keychain/);
    expect((await call<PromSources>(host, 'prom.sources', {})).sources).toEqual([]);
    await connectedSource(host, 'open');
  });
});

describe('Prometheus queries', () => {
  let host: Host;
  let source: number;
  let stopHost: () => Promise<void>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-prom-queries-'));
  beforeAll(async () => {
    const started = await openHost(dataDir, noKeychain);
    stopHost = started.stop;
    host = started.host;
    source = (await connectedSource(host, 'local')).id;
    await stackOfFile().push('opsdeck', '# TYPE opsdeck_test_value gauge\nopsdeck_test_value{kind="a"} 42\nopsdeck_test_value{kind="b"} -1.5\n');
  });
  afterAll(async () => {
    await stopHost?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads a pushed value back with an instant query', async () => {
    const result = await eventually(async () => {
      const r = await call<PromQueryResult>(host, 'prom.query', { source, query: 'opsdeck_test_value' });
      expect(r.data.resultType === 'vector' && r.data.series.length).toBe(2);
      return r;
    });
    expect(result).toMatchObject({ source, query: 'opsdeck_test_value', totalSeries: 2, truncated: false, warnings: [] });
    if (result.data.resultType !== 'vector') throw new Error('expected a vector');
    const rows = [...result.data.series].sort((a, b) => a.name.localeCompare(b.name));
    expect(rows.map((r) => [r.name, r.metric, r.sample.value, r.sample.text])).toEqual([
      ['opsdeck_test_value{job="opsdeck", kind="a"}', { __name__: 'opsdeck_test_value', job: 'opsdeck', kind: 'a' }, 42, '42'],
      ['opsdeck_test_value{job="opsdeck", kind="b"}', { __name__: 'opsdeck_test_value', job: 'opsdeck', kind: 'b' }, -1.5, '-1.5'],
    ]);
  });

  it('reads it back over a range, one point per step', async () => {
    const result = await eventually(async () => {
      const end = Date.now();
      const r = await call<PromRangeResult>(host, 'prom.queryRange', { source, query: 'opsdeck_test_value{kind="a"}', start: end - 20_000, end, stepMs: 1000 });
      expect(r.data.resultType === 'matrix' && r.data.series[0]!.points.length).toBeGreaterThanOrEqual(3);
      return r;
    });
    if (result.data.resultType !== 'matrix') throw new Error('expected a matrix');
    expect(result.data.series).toHaveLength(1);
    const { points, name } = result.data.series[0]!;
    expect(name).toBe('opsdeck_test_value{job="opsdeck", kind="a"}');
    expect(points.every(([, v]) => v === 42)).toBe(true);
    expect(points.every(([ts]) => ts >= result.start && ts <= result.end && (ts - result.start) % 1000 === 0)).toBe(true);
  });

  it('shapes scalars, strings, NaN and infinities', async () => {
    const scalar = await call<PromQueryResult>(host, 'prom.query', { source, query: 'scalar(opsdeck_test_value{kind="a"})', time: Date.now() });
    expect(scalar.data).toMatchObject({ resultType: 'scalar', sample: { value: 42, text: '42' } });
    const nan = await call<PromQueryResult>(host, 'prom.query', { source, query: '0 / 0' });
    expect(nan.data).toMatchObject({ resultType: 'scalar', sample: { value: null, text: 'NaN' } });
    const inf = await call<PromQueryResult>(host, 'prom.query', { source, query: 'vector(-1 / 0)' });
    expect(inf.data).toMatchObject({ resultType: 'vector', series: [{ name: '{}', metric: {}, sample: { value: null, text: '-Inf' } }] });
    const text = await call<PromQueryResult>(host, 'prom.query', { source, query: '"opsdeck"', time: 1_700_000_000_000 });
    expect(text.data).toEqual({ resultType: 'string', ts: 1_700_000_000_000, value: 'opsdeck' });
  });

  it('looks up series, label names and label values', async () => {
    const series = await call<PromSeriesList>(host, 'prom.series', { source, match: ['opsdeck_test_value'] });
    expect(series.truncated).toBe(false);
    expect([...series.series].sort((a, b) => a.kind!.localeCompare(b.kind!))).toEqual([
      { __name__: 'opsdeck_test_value', job: 'opsdeck', kind: 'a' },
      { __name__: 'opsdeck_test_value', job: 'opsdeck', kind: 'b' },
    ]);
    expect(await call<PromNames>(host, 'prom.labels', { source, match: ['opsdeck_test_value'] })).toEqual({ names: ['__name__', 'job', 'kind'], truncated: false });
    const jobs = await call<PromNames>(host, 'prom.labelValues', { source, label: 'job' });
    expect(jobs.names).toEqual(expect.arrayContaining(['node', 'opsdeck', 'pushgateway']));
    const kinds = await call<PromNames>(host, 'prom.labelValues', { source, label: 'kind', match: ['opsdeck_test_value'] });
    expect(kinds).toEqual({ names: ['a', 'b'], truncated: false });
  });

  it('sees the node exporter’s metrics', async () => {
    const names = await call<PromNames>(host, 'prom.labelValues', { source, label: '__name__', match: ['{job="node"}'] });
    expect(names.names).toEqual(expect.arrayContaining(['node_cpu_seconds_total', 'node_memory_MemTotal_bytes', 'node_load1']));
    const cpu = await call<PromQueryResult>(host, 'prom.query', { source, query: 'node_cpu_seconds_total{mode="idle"}' });
    if (cpu.data.resultType !== 'vector') throw new Error('expected a vector');
    expect(cpu.data.series.length).toBeGreaterThan(0);
    expect(cpu.data.series.every((s) => s.metric.job === 'node' && s.metric.cpu !== undefined && s.sample.value! >= 0)).toBe(true);
  });

  it('passes PromQL errors on in Prometheus’s own words', async () => {
    const query = 'sum(rate(node_cpu_seconds_total[5m])';
    const own = await direct(`api/v1/query?query=${encodeURIComponent(query)}`);
    expect(own.status).toBe('error');
    expect(await failure(host, 'prom.query', { source, query })).toBe(`BAD_REQUEST ${own.errorType}: ${own.error}`);
    expect(await failure(host, 'prom.queryRange', { source, query: 'rate(up)', start: 0, end: 60_000, stepMs: 15_000 })).toMatch(
      /^BAD_REQUEST bad_data: .*expected type range vector in call to function "rate", got instant vector/,
    );
    expect(await failure(host, 'prom.series', { source, match: ['{'] })).toMatch(/^BAD_REQUEST bad_data: /);
  });

  it('refuses a range of more than 11,000 points per series and names a step that fits', async () => {
    const start = 1_700_000_000_000;
    const end = start + 11_000 * 1000;
    expect(await failure(host, 'prom.queryRange', { source, query: 'up', start, end, stepMs: 1000 })).toBe(
      'BAD_REQUEST The range holds 11,001 points per series; at most 11,000 are allowed. Use a step of at least 1001 ms for this range.',
    );
    const fits = await call<PromRangeResult>(host, 'prom.queryRange', { source, query: 'up', start, end, stepMs: 1001 });
    expect(fits.data).toEqual({ resultType: 'matrix', series: [] });
  });

  it('sends long queries as a form body', async () => {
    const padded = `opsdeck_test_value{kind="a"}${' + 0'.repeat(1000)}`;
    const r = await call<PromQueryResult>(host, 'prom.query', { source, query: padded });
    expect(r.data).toMatchObject({ resultType: 'vector', series: [{ metric: { job: 'opsdeck', kind: 'a' }, sample: { value: 42 } }] });
  });
});

/** Passes requests on to Prometheus; with `authorization`, answers 401 to those that do not carry it. */
async function proxy(options: { authorization?: string; port?: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(stackOfFile().prometheusUrl);
  const server = http.createServer((req, res) => {
    if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="prometheus"' }).end('Unauthorized\n');
      return;
    }
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, close };
}

describe.skipIf(!keyring)('Prometheus credentials in a real keychain', () => {
  const secrets = new KeychainSecretStore('opsdeck-prometheus-test');
  const password = `pw-${process.pid}-opsdeck`;

  it('keeps the password in the keychain only, sends it, and survives a restart', async () => {
    const secured = await proxy({ authorization: `Basic ${Buffer.from(`ops:${password}`).toString('base64')}` });
    cleanup(secured.close);
    const first = await startHost(tempDir(), secrets);
    const source = await connectedSource(first.host, 'secured', secured.url, { kind: 'basic', username: 'ops', password });
    expect(source).toMatchObject({ auth: 'basic', username: 'ops' });
    expect(await secrets.get(credentialAccount(source.id))).toBe(password);
    expect(JSON.stringify(await call(first.host, 'prom.sources', {}))).not.toContain(password);
    expect(JSON.stringify(first.events)).not.toContain(password);

    await call(first.host, 'prom.addSource', { name: 'wrong', url: secured.url, auth: { kind: 'basic', username: 'ops', password: 'wrong' } });
    await eventually(async () => expect(await sourceNamed(first.host, 'wrong')).toMatchObject({ state: 'unauthorized', message: 'HTTP 401 Unauthorized: Unauthorized' }));
    const wrong = await sourceNamed(first.host, 'wrong');
    expect(await failure(first.host, 'prom.query', { source: wrong.id, query: 'up' })).toBe('FORBIDDEN Source "wrong": HTTP 401 Unauthorized: Unauthorized');
    await first.stop();

    const files = fs.readdirSync(first.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => fs.readFileSync(path.join(e.parentPath, e.name)));
    expect(files.some((bytes) => bytes.includes(password))).toBe(false);
    const db = new Database(path.join(first.dataDir, 'opsdeck.db'), { readonly: true });
    expect(db.prepare('SELECT name, auth, username FROM prometheus_sources ORDER BY id').all()).toEqual([
      { name: 'secured', auth: 'basic', username: 'ops' },
      { name: 'wrong', auth: 'basic', username: 'ops' },
    ]);
    db.close();

    const locked = await startHost(first.dataDir, noKeychain);
    await eventually(async () =>
      expect(await sourceNamed(locked.host, 'secured')).toMatchObject({
        state: 'error',
        message: 'The password of source "secured" is in the OS keychain, which is unavailable. The keychain module could not be loaded (libsecret-1.so.0: cannot open shared object file).',
      }),
    );
    await locked.stop();

    const second = await startHost(first.dataDir, secrets);
    await eventually(async () => expect((await sourceNamed(second.host, 'secured')).state).toBe('connected'));
    const up = await call<PromQueryResult>(second.host, 'prom.query', { source: source.id, query: 'up{job="node"}' });
    expect(up.data).toMatchObject({ resultType: 'vector', series: [{ sample: { value: 1 } }] });

    await call(second.host, 'prom.updateSource', { id: wrong.id, auth: { kind: 'bearer', token: 'tok' } });
    expect(await secrets.get(credentialAccount(wrong.id))).toBe('tok');
    await call(second.host, 'prom.updateSource', { id: wrong.id, auth: { kind: 'none' } });
    expect(await secrets.get(credentialAccount(wrong.id))).toBeNull();
    await call(second.host, 'prom.removeSource', { id: source.id });
    expect(await secrets.get(credentialAccount(source.id))).toBeNull();
  });
});
