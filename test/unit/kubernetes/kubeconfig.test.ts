import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKubeconfig } from '../../../src/kubernetes/kubeconfig';
import { kubeconfigPathsFromEnv } from '../../../src/kubernetes/kubeconfigPaths';
import { tempDir } from '../../helpers/tempDir';

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const config = (o: { clusters?: string; users?: string; contexts?: string; current?: string }) =>
  [
    'apiVersion: v1',
    'kind: Config',
    `clusters:${o.clusters ?? ' []'}`,
    `users:${o.users ?? ' []'}`,
    `contexts:${o.contexts ?? ' []'}`,
    ...(o.current ? [`current-context: ${o.current}`] : []),
  ].join('\n');

const cluster = (name: string, server: string, extra = '') =>
  `\n- name: ${name}\n  cluster:\n    server: ${server}${extra}`;
const user = (name: string, body: string) => `\n- name: ${name}\n  user:\n    ${body}`;
const context = (name: string, clusterName: string, userName: string, ns?: string) =>
  `\n- name: ${name}\n  context:\n    cluster: ${clusterName}\n    user: ${userName}${ns ? `\n    namespace: ${ns}` : ''}`;

describe('kubeconfig paths', () => {
  it('splits KUBECONFIG on the path-list separator, dropping empty entries and repeats', () => {
    const list = ['/a/one', '', '/b/two', '/a/one'].join(path.delimiter);
    expect(kubeconfigPathsFromEnv({ KUBECONFIG: list }, '/home/ops')).toEqual(['/a/one', '/b/two']);
  });

  it('falls back to ~/.kube/config when KUBECONFIG is unset or empty', () => {
    expect(kubeconfigPathsFromEnv({}, '/home/ops')).toEqual(['/home/ops/.kube/config']);
    expect(kubeconfigPathsFromEnv({ KUBECONFIG: '' }, '/home/ops')).toEqual(['/home/ops/.kube/config']);
    expect(kubeconfigPathsFromEnv({ KUBECONFIG: path.delimiter }, '/home/ops')).toEqual(['/home/ops/.kube/config']);
  });
});

describe('loading and merging kubeconfig files', () => {
  it('lets the first file win for a name and takes current-context from the first file that sets it', async () => {
    const dir = tempDir();
    const first = write(
      dir,
      'first',
      config({
        clusters: cluster('shared', 'https://first.example:6443') + cluster('only-first', 'https://one.example'),
        users: user('admin', 'token: first-token'),
        contexts: context('prod', 'shared', 'admin', 'payments'),
      }),
    );
    const second = write(
      dir,
      'second',
      config({
        clusters: cluster('shared', 'https://second.example:6443'),
        users: user('admin', 'token: second-token'),
        contexts: context('prod', 'only-first', 'admin') + context('dev', 'shared', 'admin'),
        current: 'dev',
      }),
    );
    const third = write(dir, 'third', config({ current: 'prod' }));

    const kc = await loadKubeconfig([first, second, third]);
    expect(kc.problems).toEqual([]);
    expect(kc.found).toEqual([first, second, third]);
    expect(kc.currentContext).toBe('dev');
    expect(kc.contexts.map((c) => c.name)).toEqual(['dev', 'prod']);
    const prod = kc.contexts.find((c) => c.name === 'prod')!;
    expect(prod).toMatchObject({ source: first, clusterName: 'shared', namespace: 'payments', problem: null });
    expect(prod.cluster?.server).toBe('https://first.example:6443');
    expect(prod.user?.token).toBe('first-token');
    const dev = kc.contexts.find((c) => c.name === 'dev')!;
    expect(dev).toMatchObject({ source: second, namespace: null });
    expect(dev.cluster?.server).toBe('https://first.example:6443');
  });

  it('resolves relative certificate paths and exec commands against the file that names them', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      'nested/config',
      config({
        clusters: cluster('c', 'https://k8s.example', '\n    certificate-authority: certs/ca.crt'),
        users: user('u', 'exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ./bin/get-token\n      args: []'),
        contexts: context('ctx', 'c', 'u'),
      }),
    );
    const [ctx] = (await loadKubeconfig([file])).contexts;
    expect(ctx?.cluster?.caFile).toBe(path.join(dir, 'nested/certs/ca.crt'));
    expect(ctx?.user?.exec?.command).toBe(path.join(dir, 'nested/bin/get-token'));
  });

  it('skips missing files silently and reports unreadable ones with the file and the reason', async () => {
    const dir = tempDir();
    const good = write(dir, 'good', config({ clusters: cluster('c', 'https://k8s.example'), contexts: context('ok', 'c', '') }));
    const broken = write(dir, 'broken', 'clusters:\n  - name: x\n   cluster: {}\n');
    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    const kc = await loadKubeconfig([path.join(dir, 'absent'), broken, folder, good]);
    expect(kc.found).toEqual([broken, folder, good]);
    expect(kc.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(kc.problems).toHaveLength(2);
    expect(kc.problems[0]).toEqual({ file: broken, message: expect.stringMatching(/bad indentation/) });
    expect(kc.problems[1]).toEqual({ file: folder, message: 'is a directory, not a kubeconfig file' });
  });

  it('keeps the valid entries of a file with an invalid one and says which entry is wrong', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      'config',
      config({
        clusters: cluster('good', 'https://k8s.example') + '\n- name: no-server\n  cluster: {}',
        contexts: context('a', 'good', '') + context('b', 'no-server', ''),
      }),
    );
    const kc = await loadKubeconfig([file]);
    expect(kc.problems).toEqual([{ file, message: 'clusters[1].cluster.server is missing' }]);
    expect(kc.contexts.map((c) => [c.name, c.problem])).toEqual([
      ['a', null],
      ['b', 'cluster "no-server" is not defined in any kubeconfig file'],
    ]);
  });

  it('says which context points at an undefined user or a server that is not a URL', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      'config',
      config({
        clusters: cluster('c', 'https://k8s.example') + cluster('odd', 'k8s.example:6443'),
        contexts: context('ghost', 'c', 'nobody') + context('odd', 'odd', ''),
      }),
    );
    const kc = await loadKubeconfig([file]);
    expect(kc.contexts.map((c) => c.problem)).toEqual([
      'user "nobody" is not defined in any kubeconfig file',
      'cluster "odd" has server "k8s.example:6443", which is not an http(s) URL',
    ]);
  });

  it('reads an empty file or one of only comments as an empty config', async () => {
    const dir = tempDir();
    const empty = write(dir, 'empty', '');
    const comments = write(dir, 'comments', '# nothing yet\n');
    const kc = await loadKubeconfig([empty, comments]);
    expect(kc).toMatchObject({ problems: [], found: [empty, comments], contexts: [], currentContext: null });
  });

  it('gives a changed fingerprint only when something the connection uses changed', async () => {
    const dir = tempDir();
    const body = (token: string) =>
      config({ clusters: cluster('c', 'https://k8s.example'), users: user('u', `token: ${token}`), contexts: context('x', 'c', 'u') });
    const file = write(dir, 'config', body('one'));
    const a = (await loadKubeconfig([file])).contexts[0]!.fingerprint;
    const b = (await loadKubeconfig([file])).contexts[0]!.fingerprint;
    fs.writeFileSync(file, body('two'));
    const c = (await loadKubeconfig([file])).contexts[0]!.fingerprint;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});
