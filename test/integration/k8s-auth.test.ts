import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KubeApiClient, type UsableContext } from '../../src/kubernetes/kubeApi';
import type { KubeApiError } from '../../src/kubernetes/kubeApiError';
import { loadKubeconfig } from '../../src/kubernetes/kubeconfig';
import { startTestApiServer, type TestApiServer } from '../k8s';
import { tempDir } from '../helpers/tempDir';
import { cleanupAfterEach } from '../helpers/cleanups';

const cleanup = cleanupAfterEach();

async function server(): Promise<TestApiServer> {
  const s = await startTestApiServer();
  cleanup(() => s.close());
  return s;
}

/** The server's CA as a kubeconfig carries it (the test server uses TLS by default). */
const caData = (s: TestApiServer) => Buffer.from(s.ca ?? '').toString('base64');

/** A kubeconfig in `dir` with one context "lab" whose user entry is `user` (YAML lines below `user:`). */
async function context(s: TestApiServer, dir: string, user: string[]): Promise<UsableContext> {
  const file = path.join(dir, 'kubeconfig');
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: lab',
    '  cluster:',
    `    server: ${JSON.stringify(s.url)}`,
    `    certificate-authority-data: ${caData(s)}`,
    'contexts:',
    '- name: lab',
    '  context: { cluster: lab, user: me }',
    'current-context: lab',
    'users:',
    '- name: me',
    '  user:',
    ...user.map((l) => `    ${l}`),
  ].join('\n');
  fs.writeFileSync(file, `${yaml}\n`);
  const kc = await loadKubeconfig([file]);
  expect(kc.problems).toEqual([]);
  const lab = kc.contexts[0]!;
  expect(lab.problem).toBeNull();
  return lab as UsableContext;
}

async function namespaces(api: KubeApiClient): Promise<unknown> {
  const session = await api.session();
  return session.getJson('/api/v1/namespaces', AbortSignal.timeout(10_000));
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: KubeApiError) => ({ kind: err.kind, message: err.message }),
  );

describe('token files', () => {
  it('reads a token file relative to the kubeconfig, trimmed', async () => {
    const s = await server();
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'secrets'));
    fs.writeFileSync(path.join(dir, 'secrets/token'), `${s.token}\n`);
    const api = new KubeApiClient(await context(s, dir, ['token-file: secrets/token']));
    cleanup(() => api.close());
    expect(await namespaces(api)).toMatchObject({ kind: 'NamespaceList' });
  });

  it('reads a rotated token again after the server refused the old one', async () => {
    const s = await server();
    const dir = tempDir();
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'revoked-token');
    const api = new KubeApiClient(await context(s, dir, [`token-file: ${JSON.stringify(tokenFile)}`]));
    cleanup(() => api.close());
    expect(await failure(namespaces(api))).toMatchObject({ kind: 'unauthorized' });
    s.auth.addToken('rotated-token', 'admin');
    fs.writeFileSync(tokenFile, 'rotated-token');
    expect(await namespaces(api)).toMatchObject({ kind: 'NamespaceList' });
  });

  it('keeps a user whose token file is missing, and says so when connecting', async () => {
    const s = await server();
    const dir = tempDir();
    const tokenFile = path.join(dir, 'later');
    const api = new KubeApiClient(await context(s, dir, ['token-file: later']));
    cleanup(() => api.close());
    const { kind, message } = await failure(namespaces(api));
    expect(kind).toBe('credentials');
    expect(message).toContain(tokenFile);
    fs.writeFileSync(tokenFile, s.token);
    expect(await namespaces(api)).toMatchObject({ kind: 'NamespaceList' });
  });

  it('lets a token beside the token file win, as kubectl does', async () => {
    const s = await server();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'token'), 'not-this-one');
    const api = new KubeApiClient(await context(s, dir, [`token: ${s.token}`, 'token-file: token']));
    cleanup(() => api.close());
    expect(await namespaces(api)).toMatchObject({ kind: 'NamespaceList' });
  });
});

describe('exec credential plugins', () => {
  /**
   * A context whose user runs a plugin (a node script) that records KUBERNETES_EXEC_INFO and
   * one kubeconfig env entry, then prints the server's token; `extra` adds exec fields.
   */
  async function withPlugin(extra: string[]) {
    const s = await server();
    const dir = tempDir();
    const script = path.join(dir, 'plugin.mjs');
    const record = path.join(dir, 'record.json');
    fs.writeFileSync(
      script,
      [
        "import fs from 'node:fs';",
        `fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ info: process.env.KUBERNETES_EXEC_INFO ?? null, fromConfig: process.env.FROM_CONFIG ?? null }));`,
        `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(s.token)} } }));`,
      ].join('\n'),
    );
    const user = [
      'exec:',
      '  apiVersion: client.authentication.k8s.io/v1',
      `  command: ${JSON.stringify(process.execPath)}`,
      `  args: [${JSON.stringify(script)}]`,
      '  env: [{ name: FROM_CONFIG, value: "yes" }]',
      ...extra.map((l) => `  ${l}`),
    ];
    const api = new KubeApiClient(await context(s, dir, user));
    cleanup(() => api.close());
    const seen = () => JSON.parse(fs.readFileSync(record, 'utf8')) as { info: string; fromConfig: string };
    return { s, api, record, seen };
  }

  it('gives the plugin KUBERNETES_EXEC_INFO with the cluster when it asks for it', async () => {
    const { s, api, seen } = await withPlugin(['interactiveMode: IfAvailable', 'provideClusterInfo: true']);
    expect(await namespaces(api)).toMatchObject({ kind: 'NamespaceList' });
    expect(seen().fromConfig).toBe('yes');
    expect(JSON.parse(seen().info)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      spec: { interactive: false, cluster: { server: s.url, 'certificate-authority-data': caData(s) } },
    });
  });

  it('gives KUBERNETES_EXEC_INFO without the cluster otherwise', async () => {
    const { api, seen } = await withPlugin(['interactiveMode: Never']);
    expect(await namespaces(api)).toMatchObject({ kind: 'NamespaceList' });
    expect(JSON.parse(seen().info)).toEqual({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec: { interactive: false } });
  });

  it('says which plugin is missing, with the kubeconfig install hint', async () => {
    const s = await server();
    const dir = tempDir();
    const missing = new KubeApiClient(
      await context(s, dir, ['exec:', '  apiVersion: client.authentication.k8s.io/v1', '  command: opsdeck-test-no-such-plugin', '  installHint: Install it with the package manager.']),
    );
    cleanup(() => missing.close());
    const { kind, message } = await failure(namespaces(missing));
    expect(kind).toBe('credentials');
    expect(message).toMatch(/^Could not get credentials for user "me": the exec plugin "opsdeck-test-no-such-plugin" was not found \(PATH is .+\)\. Install it with the package manager\.$/);
  });

  it('refuses a plugin that always needs a terminal, as kubectl does without one', async () => {
    const { api, record } = await withPlugin(['interactiveMode: Always']);
    const { kind, message } = await failure(namespaces(api));
    expect(kind).toBe('credentials');
    expect(message).toContain('exec plugin cannot support interactive mode: standard input is not a terminal');
    expect(fs.existsSync(record)).toBe(false);
  });
});
