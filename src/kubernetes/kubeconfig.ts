import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { KubeconfigProblem } from '../contract';
import { loadClientNode } from './clientNode';
import { separateTokenFiles } from './tokenFile';

/** A kubeconfig user; `tokenFile` (absolute) is read when requests are made, as kubectl does. */
export type KubeUser = User & { tokenFile?: string };

/** One context as kubectl would resolve it from the merged files. */
export interface ResolvedContext {
  name: string;
  /** The file that defined the context. */
  source: string;
  namespace: string | null;
  clusterName: string;
  userName: string;
  cluster: Cluster | null;
  user: KubeUser | null;
  /** Why the context cannot be used as written; null when it can. */
  problem: string | null;
  /** Equal for two loads exactly when the connection would be the same. */
  fingerprint: string;
}

export interface Kubeconfig {
  /** Every file looked at, in order. */
  files: string[];
  /** Those that exist (a broken one too: its problem is in `problems`). */
  found: string[];
  problems: KubeconfigProblem[];
  currentContext: string | null;
  /** Sorted by name, as `kubectl config get-contexts` lists them. */
  contexts: ResolvedContext[];
}

interface ParsedFile {
  file: string;
  config: KubeConfig;
  /** User name → token file. */
  tokenFiles: Map<string, string>;
}

type ReadResult = { exists: boolean; parsed: ParsedFile | null; problem: string | null };

const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();

/** Reads one file; a missing file is skipped silently, as kubectl does. */
async function readOne(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { exists: false, parsed: null, problem: null };
    return { exists: true, parsed: null, problem: code === 'EISDIR' ? 'is a directory, not a kubeconfig file' : firstLine(err) };
  }
  const { KubeConfig } = await loadClientNode();
  const config = new KubeConfig();
  if (text.trim() === '') return { exists: true, parsed: { file, config, tokenFiles: new Map() }, problem: null };
  const { text: usable, tokenFiles } = await separateTokenFiles(text, path.dirname(file));
  let problem: string | null = null;
  try {
    config.loadFromString(usable);
  } catch (err) {
    // A file of only comments parses to null; kubectl reads that as an empty config.
    if (err instanceof TypeError && /of null/.test(err.message)) return { exists: true, parsed: { file, config, tokenFiles }, problem: null };
    problem = firstLine(err);
    // Keep the entries that are valid, so one bad entry does not hide a whole file.
    try {
      config.loadFromString(usable, { onInvalidEntry: 'filter' });
    } catch {
      return { exists: true, parsed: null, problem };
    }
  }
  config.makePathsAbsolute(path.dirname(file));
  return { exists: true, parsed: { file, config, tokenFiles }, problem };
}

/** kubectl runs a relative exec command that contains a path separator from the kubeconfig's folder. */
function withExecPathResolved(user: KubeUser, file: string): KubeUser {
  const command: unknown = user.exec?.command;
  if (typeof command !== 'string' || path.isAbsolute(command) || !/[\\/]/.test(command)) return user;
  return { ...user, exec: { ...user.exec, command: path.resolve(path.dirname(file), command) } };
}

function serverProblem(cluster: Cluster): string | null {
  try {
    const url = new URL(cluster.server);
    if (url.protocol === 'https:' || url.protocol === 'http:') return null;
  } catch {
    // reported below
  }
  return `cluster "${cluster.name}" has server "${cluster.server}", which is not an http(s) URL`;
}

function resolveContext(
  context: Context,
  source: string,
  clusters: Map<string, Cluster>,
  users: Map<string, KubeUser>,
): ResolvedContext {
  const cluster = clusters.get(context.cluster) ?? null;
  const userName = context.user ?? '';
  const user = userName ? (users.get(userName) ?? null) : null;
  let problem: string | null = null;
  if (!cluster) problem = `cluster "${context.cluster}" is not defined in any kubeconfig file`;
  else if (userName && !user) problem = `user "${userName}" is not defined in any kubeconfig file`;
  else problem = serverProblem(cluster);
  return {
    name: context.name,
    source,
    namespace: context.namespace || null,
    clusterName: context.cluster,
    userName,
    cluster,
    user,
    problem,
    fingerprint: JSON.stringify({ context, cluster, user }),
  };
}

/**
 * Loads and merges kubeconfig files as kubectl does: for each cluster, user and context
 * name the first file that defines it wins, and current-context comes from the first
 * file that sets it. A bad file is reported (file and reason) and never throws.
 */
export async function loadKubeconfig(files: string[]): Promise<Kubeconfig> {
  const results = await Promise.all(files.map(readOne));
  const problems: KubeconfigProblem[] = [];
  const found: string[] = [];
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, KubeUser>();
  const contexts = new Map<string, { context: Context; source: string }>();
  let currentContext: string | null = null;

  results.forEach(({ exists, parsed, problem }, i) => {
    const file = files[i]!;
    if (exists) found.push(file);
    if (problem) problems.push({ file, message: problem });
    if (!parsed) return;
    const { config, tokenFiles } = parsed;
    for (const c of config.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of config.getUsers()) {
      const tokenFile = tokenFiles.get(u.name);
      if (!users.has(u.name)) users.set(u.name, withExecPathResolved(tokenFile ? { ...u, tokenFile } : u, file));
    }
    for (const c of config.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, { context: c, source: file });
    currentContext ??= config.getCurrentContext() || null;
  });

  const resolved = [...contexts.values()]
    .map(({ context, source }) => resolveContext(context, source, clusters, users))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, found, problems, currentContext, contexts: resolved };
}
