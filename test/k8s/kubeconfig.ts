/** Writes a kubeconfig that points kubectl (or any client) at the test API server. */
import fs from 'node:fs';
import path from 'node:path';

export interface KubeconfigOptions {
  server: string;
  token: string;
  /** PEM CA certificate for an HTTPS server. */
  ca?: string;
  user?: string;
  /** Context and cluster name (default "opsdeck-test"). */
  context?: string;
  namespace?: string;
  fileName?: string;
}

export function kubeconfigYaml(o: KubeconfigOptions): string {
  const q = (s: string) => JSON.stringify(s);
  const context = o.context ?? 'opsdeck-test';
  const user = o.user ?? 'admin';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${q(context)}`,
    '  cluster:',
    `    server: ${q(o.server)}`,
    ...(o.ca ? [`    certificate-authority-data: ${q(Buffer.from(o.ca).toString('base64'))}`] : []),
    'contexts:',
    `- name: ${q(context)}`,
    '  context:',
    `    cluster: ${q(context)}`,
    `    user: ${q(user)}`,
    ...(o.namespace ? [`    namespace: ${q(o.namespace)}`] : []),
    `current-context: ${q(context)}`,
    'users:',
    `- name: ${q(user)}`,
    '  user:',
    `    token: ${q(o.token)}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/** Writes `<dir>/<fileName>` (default "kubeconfig", mode 0600) and returns its path. */
export function writeKubeconfig(dir: string, o: KubeconfigOptions): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, o.fileName ?? 'kubeconfig');
  fs.writeFileSync(file, kubeconfigYaml(o), { mode: 0o600 });
  return file;
}
