import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { AppInfo, EventData, EventName, HostEvent, NavigationTarget, Result } from '../contract';
import type { ConnectionOptions } from '../kubernetes/clusterConnection';
import { DockerManager } from '../docker/dockerManager';
import { ClusterManager } from '../kubernetes/clusterManager';
import { kubeconfigPathsFromEnv } from '../kubernetes/kubeconfigPaths';
import { LogStreams } from '../kubernetes/logStreams';
import { AlertFeed } from '../monitoring/alertFeed';
import { HostCollector } from '../monitoring/hostCollector';
import { defaultReader, type HostReader } from '../monitoring/hostReader';
import { HostSampleStore } from '../monitoring/hostSampleStore';
import { PrometheusSources, type PrometheusSourcesOptions } from '../monitoring/prometheus/prometheusSources';
import { RoutingFile } from '../monitoring/routing/routingFile';
import { AlertBook } from '../monitoring/rules/alertBook';
import { AlertStore } from '../monitoring/rules/alertStore';
import { RuleEngine } from '../monitoring/rules/ruleEngine';
import { RuleFolder } from '../monitoring/rules/ruleFolder';
import { RuleSource } from '../monitoring/rules/ruleSource';
import { SilenceStore } from '../monitoring/rules/silenceStore';
import { KeychainSecretStore, type SecretStore } from '../secrets/secretStore';
import { AuditLog } from '../store/auditLog';
import { openDatabase, type Db } from '../store/database';
import { KeyValueStore } from '../store/keyValue';
import { actorName } from './auditedActions';
import { dispatch, type Handlers } from './dispatch';
import { alertsHandlers } from './handlers/alerts';
import { dockerHandlers } from './handlers/docker';
import { k8sHandlers } from './handlers/k8s';
import { prometheusHandlers } from './handlers/prometheus';
import { routingHandlers } from './handlers/routing';
import { readSettings, writeSettings } from './settings';
import { version } from './version';

export interface HostOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  /** Host sampling interval; 5 s unless a test or a user asks otherwise. */
  sampleIntervalMs?: number;
  secretStore?: SecretStore;
  reader?: HostReader;
  electronVersion?: string | null;
  log?: (message: string) => void;
  /** The kubeconfig files to read; by default kubectl's rules (KUBECONFIG, else ~/.kube/config). */
  kubeconfigPaths?: string[];
  /** Kubernetes timings (watch idle stop, metrics interval, backoff); tests shorten them. */
  kubernetes?: ConnectionOptions;
  /** Only these Docker/Podman engines (e.g. a test's private dockerd) instead of discovering them. */
  dockerHosts?: { name: string; host: string }[];
  /** How often container stats are read; 2 s unless a test or a benchmark asks otherwise. */
  dockerStatsIntervalMs?: number;
  /** Prometheus source check timings; tests shorten them. */
  prometheusMonitor?: PrometheusSourcesOptions['monitor'];
  /** The user's rule files (default <dataDir>/rules) and the shipped defaults (null: none). */
  rules?: { dir?: string; defaultsDir?: string | null };
  /** The routing config served until the user saves one; by default resources/routing/alertmanager.yml. */
  routingDefaultFile?: string;
}

export interface Host {
  invoke(channel: unknown, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** Small shell state (window bounds and the like) that is not part of the contract. */
  preferences: KeyValueStore;
  navigate(target: NavigationTarget): void;
  stop(): Promise<void>;
}

export const DEFAULT_SAMPLE_INTERVAL_MS = 5000;
const COMPACT_EVERY_MS = 5 * 60_000;
/** The default rule files: resources/rules of the repository, next to out/ when built. */
const DEFAULT_RULES_DIR = path.join(__dirname, '../../resources/rules');
/** The shipped routing config: resources/routing of the repository, next to out/ when built. */
export const DEFAULT_ROUTING_FILE = path.join(__dirname, '../../resources/routing/alertmanager.yml');

/** Owns the store, clients and engines; the one implementation of the contract. */
export async function createHost(options: HostOptions): Promise<Host> {
  const log = options.log ?? ((m: string) => console.error(`[opsdeck] ${m}`));
  const intervalMs = options.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS;
  const db: Db = openDatabase(options.dataDir);
  const kv = new KeyValueStore(db);
  const samples = new HostSampleStore(db, intervalMs);
  const audit = new AuditLog(db);
  const actor = actorName(options.mode);
  const secrets = options.secretStore ?? new KeychainSecretStore();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const startedAt = Date.now();

  const emit = <K extends EventName>(name: K, data: EventData<K>) =>
    bus.emit('event', { name, data } as HostEvent);

  const collector = new HostCollector(
    options.reader ?? defaultReader(),
    intervalMs,
    (sample) => {
      samples.insert(sample);
      emit('host.sample', sample);
    },
    (err) => log(`host sample failed: ${err.message}`),
  );

  const clusters = new ClusterManager({
    kubeconfigPaths: options.kubeconfigPaths ?? kubeconfigPathsFromEnv(),
    kv,
    onContexts: (contexts) => {
      logs.retain(contexts);
      emit('k8s.contextsChanged', contexts);
    },
    onChange: (change) => emit('k8s.changed', change),
    log,
    connection: options.kubernetes,
  });
  const logs = new LogStreams({ api: (context) => clusters.api(context), emit: (chunk) => emit('k8s.logChunk', chunk) });

  const docker = new DockerManager({
    hosts: options.dockerHosts,
    kv,
    secrets,
    statsIntervalMs: options.dockerStatsIntervalMs,
    onEngines: (engines) => emit('docker.enginesChanged', engines),
    onChange: (change) => emit('docker.changed', change),
    onLogChunk: (chunk) => emit('docker.logChunk', chunk),
    onSignal: (signal) => emit('docker.signal', signal),
    log,
  });

  const prometheus = new PrometheusSources({
    db,
    secrets,
    onSources: (sources) => {
      emit('prom.sourcesChanged', sources);
      rules.sourcesChanged();
    },
    log,
    monitor: options.prometheusMonitor,
  });

  const ruleSource = new RuleSource(prometheus, kv);
  const alertStore = new AlertStore(db);
  const silences = new SilenceStore(db);
  const book = new AlertBook(alertStore, silences);
  const feed = new AlertFeed(() => book.summary(), (summary) => emit('alerts.changed', summary));
  const rules = new RuleEngine({
    folder: new RuleFolder({
      dir: options.rules?.dir ?? path.join(options.dataDir, 'rules'),
      defaultsDir: options.rules?.defaultsDir === undefined ? DEFAULT_RULES_DIR : options.rules.defaultsDir,
      onChange: () => rules.reload(),
      log,
    }),
    alerts: alertStore,
    source: ruleSource,
    hostSample: () => samples.latest(),
    onEvaluated: () => feed.check(),
    log,
  });

  const handlers: Handlers = {
    'app.info': () => ({
      name: 'Opsdeck',
      version,
      mode: options.mode,
      platform: process.platform,
      arch: process.arch,
      dataDir: options.dataDir,
      startedAt,
      runtime: { node: process.versions.node, electron: options.electronVersion ?? null },
    }),
    'host.info': () => collector.info(),
    'host.latest': () => samples.latest(),
    'host.series': ({ range }) => samples.series(range),
    'alerts.summary': () => feed.summary(),
    'settings.get': () => readSettings(kv),
    'settings.update': (patch) => {
      const next = writeSettings(kv, patch);
      emit('settings.changed', next);
      return next;
    },
    'secrets.status': () => secrets.status(),
    'audit.list': (query) => audit.list(query),
    ...k8sHandlers({ clusters, logs, audit, actor, onAudit: (entry) => emit('audit.appended', entry) }),
    ...dockerHandlers(docker, { audit, actor, onAppended: (entry) => emit('audit.appended', entry) }),
    ...prometheusHandlers(prometheus),
    ...routingHandlers(new RoutingFile(options.dataDir, options.routingDefaultFile ?? DEFAULT_ROUTING_FILE)),
    ...alertsHandlers({ engine: rules, source: ruleSource, book, silences, actor, onChange: () => feed.check() }),
  };

  samples.compact();
  const compactTimer = setInterval(() => samples.compact(), COMPACT_EVERY_MS);
  compactTimer.unref();
  await collector.start();
  clusters.start();
  docker.start();
  prometheus.start();
  rules.start();

  let stopped = false;
  return {
    invoke: (channel, payload) => dispatch(handlers, channel, payload),
    subscribe(listener) {
      const wrapped = (e: HostEvent) => {
        try {
          listener(e);
        } catch (err) {
          log(`event listener failed: ${(err as Error).message}`);
        }
      };
      bus.on('event', wrapped);
      return () => bus.off('event', wrapped);
    },
    preferences: kv,
    navigate: (target) => emit('ui.navigate', target),
    async stop() {
      if (stopped) return;
      stopped = true;
      collector.stop();
      clearInterval(compactTimer);
      logs.stopAll();
      await clusters.stop();
      docker.stop();
      prometheus.stop();
      rules.stop();
      bus.removeAllListeners();
      db.close();
    },
  };
}
