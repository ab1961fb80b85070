import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { AppInfo, EventData, EventName, HostEvent, NavigationTarget, Result } from '../contract';
import type { ConnectionOptions } from '../kubernetes/clusterConnection';
import { DockerManager } from '../docker/dockerManager';
import { ClusterManager } from '../kubernetes/clusterManager';
import { kubeconfigPathsFromEnv } from '../kubernetes/kubeconfigPaths';
import { LogStreams } from '../kubernetes/logStreams';
import { AlertFeed } from '../monitoring/alertFeed';
import { EngineAlertBook } from '../monitoring/engineAlertBook';
import { unacknowledgedAlerts } from '../monitoring/unacknowledgedAlerts';
import { NotificationDeliveryService } from '../monitoring/delivery/notificationDelivery';
import type { StormOptions } from '../monitoring/delivery/stormGuard';
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
import { hostSignalSources } from '../monitoring/signals/hostSignalSources';
import { InsightEngine } from '../monitoring/insights/insightEngine';
import { SeriesReader } from '../monitoring/insights/seriesReader';
import { SloEngine } from '../monitoring/slo/sloEngine';
import { backupRepositorySource, billingSource } from '../overview/engineSources';
import { createOverview } from '../overview/overviewWiring';
import { readinessActionKind } from '../readiness/runbookAction';
import { SloFile } from '../monitoring/slo/sloFile';
import { KeychainSecretStore, type SecretStore } from '../secrets/secretStore';
import { createRecovery } from '../recovery/recoveryWiring';
import { recoveryActionKinds } from '../recovery/runbookActions';
import { createRunbooks } from '../runbooks/runbooks';
import { createCostAllocation } from '../cost/allocation/costAllocationWiring';
import { createCostBilling } from '../cost/budgets/costWiring';
import { AuditLog } from '../store/auditLog';
import { openDatabase, type Db } from '../store/database';
import { KeyValueStore } from '../store/keyValue';
import type { BackoffOptions } from '../util/backoff';
import { actorName, auditedAction } from './auditedActions';
import { dispatch, type Handlers } from './dispatch';
import { alertsHandlers } from './handlers/alerts';
import { dockerHandlers } from './handlers/docker';
import { k8sHandlers } from './handlers/k8s';
import { notificationsHandlers } from './handlers/notifications';
import { prometheusHandlers } from './handlers/prometheus';
import { routingHandlers } from './handlers/routing';
import { insightsHandlers } from './handlers/insights';
import { sloHandlers } from './handlers/slo';
import { recoveryHandlers } from './handlers/recovery';
import { runbooksHandlers } from './handlers/runbooks';
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
  /** How often insights (forecasts, anomalies) are recomputed; 5 minutes unless a test asks otherwise. */
  insightsIntervalMs?: number;
  /**
   * Opsdeck's shipped files (default rules, routing config). The shell knows where they are:
   * the app's resources when packaged, the repository's resources/ otherwise. Defaults to the
   * latter as seen from the sources, which is where tests run.
   */
  resourcesDir?: string;
  /** The user's rule files (default <dataDir>/rules) and the shipped defaults (null: none; default <resources>/rules). */
  rules?: { dir?: string; defaultsDir?: string | null };
  /** Notification retry delays; tests shorten them. */
  notificationRetry?: BackoffOptions;
  /** Alert storm threshold and calm time; tests lower them. */
  notificationStorm?: StormOptions;
  /** How often Kubernetes clusters are sampled for cost allocation; 5 minutes unless a test asks otherwise. */
  costSampleIntervalMs?: number;
  /** How often the watched billing folder is looked at; tests shorten it. */
  billingWatchPollMs?: number;
  /** How often backup schedules and RPOs are looked at; 30 s unless a test asks otherwise. */
  recoveryTickMs?: number;
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
/** The repository's resources/ seen from src/host (tests and other source runs). */
const SOURCE_RESOURCES_DIR = path.join(__dirname, '../../resources');

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
  /** Each SLO's burn-rate alert rules, written by the SLO engine and read by the rule engine. */
  const sloRulesDir = path.join(options.dataDir, 'rules-generated');
  const alertStore = new AlertStore(db);
  const silences = new SilenceStore(db);
  const book = new AlertBook(alertStore, silences);
  const feed = new AlertFeed(() => book.summary(), (summary) => emit('alerts.changed', summary));
  const resourcesDir = options.resourcesDir ?? SOURCE_RESOURCES_DIR;
  const routingFile = new RoutingFile(options.dataDir, path.join(resourcesDir, 'routing', 'alertmanager.yml'));
  const delivery = new NotificationDeliveryService({
    db,
    secrets,
    routingText: () => routingFile.info().text,
    alerts: alertStore,
    silences,
    onChange: (d) => emit('notifications.changed', d),
    log,
    retryBackoff: options.notificationRetry,
    storm: options.notificationStorm,
  });
  // Evaluations, acknowledgements and silences: the summary and the notifications look again.
  const alertsChanged = () => {
    feed.check();
    delivery.alertsChanged(alertStore.current());
  };
  /** Alerts raised by engines (budgets, backups): engines take this sink in their options. */
  const engineAlerts = new EngineAlertBook(alertStore, () => alertsChanged());
  const signals = hostSignalSources(() => samples.latest(), docker, clusters);
  const rules = new RuleEngine({
    folder: new RuleFolder({
      dir: options.rules?.dir ?? path.join(options.dataDir, 'rules'),
      defaultsDir: options.rules?.defaultsDir === undefined ? path.join(resourcesDir, 'rules') : options.rules.defaultsDir,
      generatedDir: sloRulesDir,
      onChange: () => rules.reload(),
      log,
    }),
    alerts: alertStore,
    source: ruleSource,
    signals: signals.registry,
    onEvaluated: () => alertsChanged(),
    log,
  });

  const slos = new SloEngine({
    file: new SloFile(options.dataDir),
    prometheus,
    rulesDir: sloRulesDir,
    rulesSource: () => ruleSource.current(),
    onRulesChanged: () => rules.reload(),
  });
  const seriesReader = new SeriesReader(samples, prometheus);
  const insights = new InsightEngine({
    reader: seriesReader,
    prometheus,
    latest: () => samples.latest(),
    onChange: (list) => emit('insights.changed', list),
    log,
    intervalMs: options.insightsIntervalMs,
  });

  /** Readiness, delivery metrics and the Overview hub; engines register their providers with overview.hub. */
  const overview = createOverview({
    db,
    clusters,
    docker,
    prometheus,
    samples,
    sampleIntervalMs: intervalMs,
    insights,
    onCheckProgress: (p) => emit('overview.checkProgress', p),
  });

  const billing = await createCostBilling({
    db,
    kv,
    dataDir: options.dataDir,
    alerts: engineAlerts,
    onStatus: (status) => emit('cost.changed', status),
    onProgress: (progress) => emit('cost.importProgress', progress),
    log,
    watchPollMs: options.billingWatchPollMs,
  });
  const cost = createCostAllocation({ db, kv, dataDir: options.dataDir, resourcesDir, clusters, docker, prometheus, billing: billing.billing, log, sampleIntervalMs: options.costSampleIntervalMs });
  overview.hub.register({ recommendations: [cost.provider] });
  overview.hub.register({ recommendations: [unacknowledgedAlerts(() => book.current())] });

  const recovery = createRecovery({ db, kv, secrets, dataDir: options.dataDir, docker, clusters, alerts: engineAlerts, emit, log, tickMs: options.recoveryTickMs });
  overview.hub.register({ recommendations: [recovery.recommendationProvider()], checks: [recovery.checkProvider()] });
  overview.hub.register({ sources: [billingSource(() => billing.handlers['cost.summary']({})), backupRepositorySource(() => recovery.repositoryStatus())] });

  const runbooks = createRunbooks({
    db,
    builtInDir: path.join(resourcesDir, 'runbooks'),
    actor,
    k8s: (action) => auditedAction(clusters, audit, actor, (entry) => emit('audit.appended', entry), action),
    docker: async (action) => handlers['docker.action'](action),
    silences,
    onSilenced: () => alertsChanged(),
    alerts: alertStore,
    incidents: delivery.incidents,
    onChange: (info) => emit('runbooks.changed', info),
    log,
  });
  for (const kind of recoveryActionKinds(recovery)) runbooks.registry.register(kind);
  runbooks.registry.register(readinessActionKind(overview.readiness));

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
    ...sloHandlers(slos),
    ...insightsHandlers(insights, seriesReader),
    ...cost.handlers,
    ...billing.handlers,
    ...recoveryHandlers(recovery),
    ...runbooksHandlers(runbooks),
    ...overview.handlers,
    ...routingHandlers(routingFile, () => delivery.routingChanged()),
    ...notificationsHandlers(delivery, secrets),
    ...alertsHandlers({ engine: rules, source: ruleSource, book, silences, actor, onChange: () => alertsChanged() }),
  };

  samples.compact();
  const compactTimer = setInterval(() => samples.compact(), COMPACT_EVERY_MS);
  compactTimer.unref();
  await collector.start();
  clusters.start();
  docker.start();
  prometheus.start();
  delivery.start();
  try {
    slos.syncRules();
  } catch (err) {
    log(`slo: the generated alert rules were not written: ${(err as Error).message}`);
  }
  rules.start();
  insights.start();
  recovery.start();
  cost.start();
  billing.start();
  runbooks.start();

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
      signals.stop();
      insights.stop();
      await recovery.stop();
      cost.stop();
      await billing.stop();
      runbooks.stop();
      await delivery.stop();
      bus.removeAllListeners();
      db.close();
    },
  };
}
