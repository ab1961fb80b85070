import type { Cluster } from '@kubernetes/client-node';
import fs from 'node:fs/promises';
import type { KubeUser } from './kubeconfig';
import { KubeApiError } from './kubeApiError';

/** The variable kubectl hands every exec credential plugin (client.authentication.k8s.io). */
export const EXEC_INFO_ENV = 'KUBERNETES_EXEC_INFO';
const DEFAULT_EXEC_API = 'client.authentication.k8s.io/v1beta1';

interface ExecConfig {
  command?: string;
  installHint?: string;
  apiVersion?: string;
  env?: { name: string; value: string }[] | null;
  provideClusterInfo?: boolean;
  interactiveMode?: string;
}

/** The cluster as an ExecCredential's spec.cluster names it, for plugins with provideClusterInfo. */
async function execCluster(cluster: Cluster): Promise<Record<string, unknown>> {
  const ca = cluster.caData ?? (cluster.caFile ? (await fs.readFile(cluster.caFile)).toString('base64') : undefined);
  const fields: Record<string, unknown> = {
    server: cluster.server,
    'tls-server-name': cluster.tlsServerName,
    'insecure-skip-tls-verify': cluster.skipTLSVerify || undefined,
    'certificate-authority-data': ca,
    'proxy-url': cluster.proxyUrl,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/**
 * The user with what kubectl gives an exec plugin: KUBERNETES_EXEC_INFO (an ExecCredential
 * with spec.interactive false, as there is no terminal, and the cluster when the plugin asks
 * for it), after the kubeconfig's own env entries. A plugin that insists on a terminal is
 * refused as kubectl refuses it without one.
 */
export async function withExecInfo(user: KubeUser, cluster: Cluster): Promise<KubeUser> {
  const exec = user.exec as ExecConfig | undefined;
  if (!exec) return user;
  if (exec.interactiveMode === 'Always') {
    const who = exec.command ? ` (${exec.command} has interactiveMode: Always)` : '';
    throw new KubeApiError('credentials', `exec plugin cannot support interactive mode: standard input is not a terminal${who}`);
  }
  const spec = exec.provideClusterInfo ? { interactive: false, cluster: await execCluster(cluster) } : { interactive: false };
  const info = { apiVersion: exec.apiVersion ?? DEFAULT_EXEC_API, kind: 'ExecCredential', spec };
  const env = [...(exec.env ?? []).filter((e) => e.name !== EXEC_INFO_ENV), { name: EXEC_INFO_ENV, value: JSON.stringify(info) }];
  return { ...user, exec: { ...exec, env } };
}

/**
 * Why an exec plugin could not be started because it is not installed or not on PATH (the
 * usual case for an app started from a desktop menu), with the kubeconfig's install hint.
 */
export function missingPluginMessage(err: unknown, user: KubeUser): string | null {
  const exec = user.exec as ExecConfig | undefined;
  if (!exec?.command || (err as NodeJS.ErrnoException)?.code !== 'ENOENT') return null;
  const hint = exec.installHint?.trim();
  return `the exec plugin "${exec.command}" was not found (PATH is ${process.env.PATH ?? 'not set'})${hint ? `. ${hint}` : ''}`;
}
