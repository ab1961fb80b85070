import { OpsdeckError } from '../contract/errors';
import type {
  K8sChange,
  K8sContextInfo,
  K8sContexts,
  K8sKind,
  K8sNamespaceRow,
  K8sObjectDetail,
  K8sObjectKind,
  K8sObjectPage,
  K8sOverview,
  K8sPodPage,
  K8sRolloutHistory,
} from '../contract/types';
import type { KeyValueStore } from '../store/keyValue';
import { ClusterConnection, type ConnectionOptions } from './clusterConnection';
import { Coalescer } from '../util/coalescer';
import { KubeApiClient, type KubeApi, type UsableContext } from './kubeApi';
import { loadKubeconfig, type Kubeconfig, type ResolvedContext } from './kubeconfig';
import { KubeconfigWatcher } from './kubeconfigWatcher';
import type { DetailTarget } from './detail';
import type { ObjectQuery } from './objectQuery';
import type { PodQuery } from './podQuery';

export interface ClusterManagerOptions {
  kubeconfigPaths: string[];
  kv: KeyValueStore;
  onContexts(contexts: K8sContexts): void;
  onChange(change: K8sChange): void;
  log(message: string): void;
  /** Reload when a kubeconfig file changes (default true). */
  watchKubeconfig?: boolean;
  /** Cache changes are sent at most this often per context (default 100 ms). */
  changeWindowMs?: number;
  connection?: ConnectionOptions;
  now?: () => number;
}

interface Live {
  fingerprint: string;
  connection: ClusterConnection;
  changes: Coalescer<K8sKind>;
}

const ENABLED_KEY = 'k8s.enabledContexts';
/** State changes of several informers at once go out as one contexts event. */
const CONTEXTS_WINDOW_MS = 100;

const usable = (c: ResolvedContext): c is UsableContext => c.cluster !== null && c.problem === null;

function warningsOf(c: ResolvedContext): string[] {
  const warnings: string[] = [];
  if (c.cluster?.skipTLSVerify) {
    warnings.push('TLS certificate verification is off (insecure-skip-tls-verify): anyone on the network path could read or change this traffic.');
  }
  if (c.cluster?.server.startsWith('http:')) warnings.push('Plain HTTP: credentials and cluster data travel unencrypted.');
  return warnings;
}

/**
 * Every context in the kubeconfig, and a live connection for each one the user enabled
 * (the enabled set is kept in the store). The kubeconfig is first read when a Kubernetes
 * channel is used, or at start when some context is enabled, and again whenever a file
 * changes; nothing here ever holds up the host's start or one cluster for another.
 */
export class ClusterManager {
  private kubeconfig: Kubeconfig;
  private loaded: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly connections = new Map<string, Live>();
  private readonly enabled: Set<string>;
  private watcher: KubeconfigWatcher | undefined;
  private readonly announcer: Coalescer<true>;
  private lastAnnounced = '';
  private stopped = false;
  private kubeconfigRead = false;
  private readonly now: () => number;

  constructor(private readonly options: ClusterManagerOptions) {
    this.kubeconfig = { files: options.kubeconfigPaths, found: [], problems: [], currentContext: null, contexts: [] };
    this.enabled = new Set(options.kv.get<string[]>(ENABLED_KEY) ?? []);
    this.announcer = new Coalescer(CONTEXTS_WINDOW_MS, () => this.announce());
    this.now = options.now ?? Date.now;
  }

  /** Connects the enabled contexts in the background; returns at once. */
  start(): void {
    if (this.enabled.size > 0) void this.ready();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watcher?.stop();
    this.announcer.stop();
    for (const name of [...this.connections.keys()]) this.disconnect(name);
    await this.queue;
  }

  /** Reads the kubeconfig again and brings the connections in line with it. */
  reload(): Promise<void> {
    this.queue = this.queue
      .then(() => this.load())
      .catch((err: unknown) => this.options.log(`kubeconfig reload failed: ${(err as Error).message}`));
    return this.queue;
  }

  async contexts(): Promise<K8sContexts> {
    await this.ready();
    return this.snapshot();
  }

  async setEnabled(name: string, enabled: boolean): Promise<K8sContexts> {
    await this.ready();
    this.resolved(name);
    if (enabled) this.enabled.add(name);
    else this.enabled.delete(name);
    this.options.kv.set(ENABLED_KEY, [...this.enabled].sort());
    this.reconcile();
    this.announce();
    return this.snapshot();
  }

  async overview(name: string): Promise<K8sOverview> {
    return (await this.connection(name)).overview();
  }

  async pods(name: string, query: PodQuery): Promise<K8sPodPage> {
    return { context: name, ...(await this.connection(name)).pods(query) };
  }

  async objects(name: string, kind: K8sObjectKind, query: ObjectQuery): Promise<K8sObjectPage> {
    return { context: name, ...(await this.connection(name)).objects(kind, query) };
  }

  async detail(name: string, target: DetailTarget): Promise<K8sObjectDetail> {
    return (await this.connection(name)).detail(target);
  }

  async rolloutHistory(name: string, namespace: string, deployment: string): Promise<K8sRolloutHistory> {
    const revisions = await (await this.connection(name)).rolloutHistory(namespace, deployment);
    return { context: name, namespace, name: deployment, revisions };
  }

  /**
   * Keeps a kind watched in a context for an engine until the returned function is called
   * (kinds not otherwise watched stop a while after the last release).
   */
  async retain(name: string, kind: K8sKind): Promise<() => void> {
    return (await this.connection(name)).retain(kind);
  }

  async namespaces(name: string): Promise<K8sNamespaceRow[]> {
    return (await this.connection(name)).namespaces();
  }

  /** The contexts whose connection is up, for engines that sample every cluster (cost allocation). */
  connectedNames(): string[] {
    return [...this.connections].filter(([, live]) => live.connection.state().state === 'connected').map(([name]) => name);
  }

  /** An enabled context's connection, for engines that read its caches and metrics as a whole. */
  async cluster(name: string): Promise<ClusterConnection> {
    return this.connection(name);
  }

  /**
   * The connections of the enabled contexts as they are now, for engines that read their caches (alert rules);
   * null while contexts are enabled but the kubeconfig has not been read yet (their connections are still to come).
   */
  live(): ClusterConnection[] | null {
    if (this.enabled.size > 0 && !this.kubeconfigRead) return null;
    return [...this.connections.values()].map((l) => l.connection);
  }

  /** The API client of an enabled, connected context: actions reuse its credentials and connections. */
  async api(name: string): Promise<KubeApi> {
    return (await this.connection(name)).api;
  }

  private ready(): Promise<void> {
    this.loaded ??= this.reload().then(() => {
      if (this.stopped || this.options.watchKubeconfig === false) return;
      this.watcher = new KubeconfigWatcher(this.options.kubeconfigPaths, () => void this.reload(), this.options.log);
      this.watcher.start();
    });
    return this.loaded;
  }

  private async load(): Promise<void> {
    const kubeconfig = await loadKubeconfig(this.options.kubeconfigPaths);
    if (this.stopped) return;
    for (const p of kubeconfig.problems) this.options.log(`kubeconfig ${p.file}: ${p.message}`);
    this.kubeconfig = kubeconfig;
    this.kubeconfigRead = true;
    this.reconcile();
    this.announce();
  }

  private resolved(name: string): ResolvedContext {
    const context = this.kubeconfig.contexts.find((c) => c.name === name);
    if (!context) throw new OpsdeckError('NOT_FOUND', `No context named "${name}" in the kubeconfig.`);
    return context;
  }

  private async connection(name: string): Promise<ClusterConnection> {
    await this.ready();
    const context = this.resolved(name);
    const live = this.connections.get(name);
    if (live) return live.connection;
    if (!this.enabled.has(name)) throw new OpsdeckError('UNAVAILABLE', `Context "${name}" is not enabled.`);
    throw new OpsdeckError('UNAVAILABLE', `Context "${name}" cannot be used: ${context.problem ?? 'its cluster is not defined'}.`);
  }

  /** Starts, keeps or restarts a connection per enabled, usable context; stops the rest. */
  private reconcile(): void {
    if (this.stopped) return;
    const wanted = new Map(
      this.kubeconfig.contexts.filter((c) => this.enabled.has(c.name) && usable(c)).map((c) => [c.name, c as UsableContext]),
    );
    for (const [name, live] of this.connections) {
      if (wanted.get(name)?.fingerprint !== live.fingerprint) this.disconnect(name);
    }
    for (const [name, context] of wanted) if (!this.connections.has(name)) this.connect(context);
  }

  private connect(context: UsableContext): void {
    const name = context.name;
    const changes = new Coalescer<K8sKind>(this.options.changeWindowMs ?? 100, (kinds) =>
      this.options.onChange({ context: name, kinds, at: this.now() }),
    );
    const connection = new ClusterConnection(
      name,
      new KubeApiClient(context),
      { changed: (kind) => changes.add(kind), state: () => this.announcer.add(true) },
      this.options.connection,
    );
    this.connections.set(name, { fingerprint: context.fingerprint, connection, changes });
    connection.start();
  }

  private disconnect(name: string): void {
    const live = this.connections.get(name);
    if (!live) return;
    this.connections.delete(name);
    live.changes.stop();
    live.connection.stop();
  }

  private info(c: ResolvedContext): K8sContextInfo {
    const enabled = this.enabled.has(c.name);
    const live = this.connections.get(c.name)?.connection.state();
    const base = {
      name: c.name,
      cluster: c.clusterName,
      server: c.cluster?.server ?? null,
      user: c.userName,
      namespace: c.namespace,
      source: c.source,
      current: c.name === this.kubeconfig.currentContext,
      enabled,
      warnings: warningsOf(c),
    };
    if (c.problem) return { ...base, state: 'invalid', message: c.problem, lastAttemptAt: null, nextRetryAt: null };
    if (!live) return { ...base, state: 'disabled', message: null, lastAttemptAt: null, nextRetryAt: null };
    return { ...base, ...live };
  }

  private snapshot(): K8sContexts {
    const { files, found, problems, currentContext, contexts } = this.kubeconfig;
    return { files, found, problems, currentContext, contexts: contexts.map((c) => this.info(c)) };
  }

  /** Sends the contexts event when what a view would show has changed. */
  private announce(): void {
    if (this.stopped) return;
    const snapshot = this.snapshot();
    const text = JSON.stringify(snapshot);
    if (text === this.lastAnnounced) return;
    this.lastAnnounced = text;
    this.options.onContexts(snapshot);
  }
}
