import {
  K8S_ALWAYS_WATCHED,
  K8S_KINDS,
  type K8sContextState,
  type K8sDetailKind,
  type K8sKind,
  type K8sKindStatus,
  type K8sNamespaceRow,
  type K8sObjectDetail,
  type K8sObjectKind,
  type K8sObjectPage,
  type K8sOverview,
  type K8sPodPage,
  type K8sRevision,
} from '../contract/types';
import { actionError } from './actions';
import { Backoff, type BackoffOptions } from '../util/backoff';
import { readDetail, type DetailTarget } from './detail';
import { Informer, type InformerOptions } from './informer';
import type { ObjectProjection } from './kinds/objectProjection';
import { KIND_SPECS, OBJECT_VIEWS, type Projections } from './kinds/registry';
import type { KubeApi } from './kubeApi';
import type { KubeApiError } from './kubeApiError';
import { MetricsPoller, type MetricsOptions, type MetricsSnapshot } from './metrics';
import { ObjectQueryEngine, type ObjectQuery } from './objectQuery';
import { overviewFigures } from './overview';
import { PodQueryEngine, type PodQuery } from './podQuery';
import { readRolloutHistory } from './rolloutHistory';
import { WatchLeases } from './watchLeases';

type Informers = { [K in K8sKind]: Informer<Projections[K]> };

export interface ConnectionState {
  state: K8sContextState;
  message: string | null;
  lastAttemptAt: number | null;
  nextRetryAt: number | null;
}

export interface ConnectionListener {
  changed(kind: K8sKind): void;
  state(): void;
}

export interface ConnectionOptions extends Omit<InformerOptions, 'backoff'> {
  backoff?: BackoffOptions;
  /** How long an on-demand kind stays watched after its last request or lease (default 2 minutes). */
  idleStopMs?: number;
  metrics?: MetricsOptions;
}

/** Which failure speaks for the whole context, most telling first. */
const FAILURE_ORDER: KubeApiError['kind'][] = ['unauthorized', 'credentials', 'unreachable', 'error', 'gone'];

const STATE_OF: Record<KubeApiError['kind'], K8sContextState> = {
  unauthorized: 'unauthorized',
  credentials: 'unauthorized',
  forbidden: 'forbidden',
  unreachable: 'unreachable',
  error: 'error',
  gone: 'error',
};

const ALWAYS = new Set<K8sKind>(K8S_ALWAYS_WATCHED);
const HISTORY_TIMEOUT_MS = 30_000;

const earliest = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((min, v) => (v !== null && (min === null || v < min) ? v : min), null);
const latest = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((max, v) => (v !== null && (max === null || v > max) ? v : max), null);

/**
 * One enabled context: an informer per kind, each independent, so a slow kind never holds
 * up another. The overview's kinds are watched throughout; the others while asked for.
 */
export class ClusterConnection {
  readonly informers: Informers;
  private readonly podQueries: PodQueryEngine;
  private readonly objectQueries = new Map<K8sObjectKind, ObjectQueryEngine<ObjectProjection>>();
  private readonly leases: WatchLeases;
  private readonly metrics: MetricsPoller;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    /** The context's API client, shared with the actions taken on it. */
    readonly api: KubeApi,
    listener: ConnectionListener,
    options: ConnectionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    const make = <K extends K8sKind>(kind: K): Informer<Projections[K]> =>
      new Informer<Projections[K]>(api, KIND_SPECS[kind], { changed: () => listener.changed(kind), status: onStatus }, {
        ...options,
        backoff: new Backoff(options.backoff),
      });
    const onStatus = () => {
      this.metrics.poke();
      listener.state();
    };
    this.informers = Object.fromEntries(K8S_KINDS.map((kind) => [kind, make(kind)])) as Informers;
    this.podQueries = new PodQueryEngine(this.informers.pods.cache);
    this.leases = new WatchLeases(
      (kind) => this.informers[kind].start(),
      (kind) => this.informers[kind].release(),
      options.idleStopMs,
    );
    this.metrics = new MetricsPoller(
      api,
      () => this.state().state === 'connected',
      () => {
        listener.changed('pods');
        listener.changed('nodes');
      },
      { now: options.now, ...options.metrics },
    );
  }

  start(): void {
    for (const kind of K8S_ALWAYS_WATCHED) this.informers[kind].start();
    this.metrics.start();
  }

  stop(): void {
    this.leases.clear();
    this.metrics.stop();
    for (const kind of K8S_KINDS) this.informers[kind].stop();
    this.api.close();
  }

  /** The latest metrics.k8s.io reading: node and pod usage, or why there is none. */
  usage(): MetricsSnapshot {
    return this.metrics.snapshot;
  }

  /** Keeps an on-demand kind watched until the returned function is called (the overview's kinds always are). */
  retain(kind: K8sKind): () => void {
    return ALWAYS.has(kind) ? () => undefined : this.leases.retain(kind);
  }

  /**
   * The context's state from the informers of the kinds always watched (a kind watched on
   * demand reports its own trouble in its page): a 401 or a network failure on any kind
   * speaks for the context; forbidden only when every kind is; connected once every kind
   * has been listed or refused.
   */
  state(): ConnectionState {
    const statuses = K8S_ALWAYS_WATCHED.map((k) => this.informers[k].status);
    const lastAttemptAt = latest(statuses.map((s) => s.lastAttemptAt));
    const nextRetryAt = earliest(statuses.map((s) => s.nextRetryAt));
    const failures = statuses.flatMap((s) => (s.state === 'failed' && s.failure ? [s.failure] : []));
    for (const kind of FAILURE_ORDER) {
      const failure = failures.find((f) => f.kind === kind);
      if (failure) return { state: STATE_OF[kind], message: failure.message, lastAttemptAt, nextRetryAt };
    }
    if (statuses.every((s) => s.state === 'forbidden')) {
      return { state: 'forbidden', message: statuses[0]?.failure?.message ?? null, lastAttemptAt, nextRetryAt };
    }
    const settled = statuses.every((s) => s.state === 'synced' || s.state === 'forbidden');
    return { state: settled ? 'connected' : 'connecting', message: null, lastAttemptAt, nextRetryAt };
  }

  kinds(): K8sKindStatus[] {
    return K8S_KINDS.map((kind) => {
      const { status, cache } = this.informers[kind];
      return { kind, state: status.state, count: cache.size, message: status.failure?.message ?? null };
    });
  }

  overview(): K8sOverview {
    const i = this.informers;
    const figures = overviewFigures({
      namespaces: i.namespaces.cache,
      nodes: i.nodes.cache,
      pods: i.pods.cache,
      deployments: i.deployments.cache,
      statefulsets: i.statefulsets.cache,
      daemonsets: i.daemonsets.cache,
      events: i.events.cache,
      metrics: this.metrics.snapshot,
    });
    return { context: this.name, state: this.state().state, kinds: this.kinds(), ...figures };
  }

  pods(query: PodQuery): Omit<K8sPodPage, 'context'> {
    const metrics = this.metrics.snapshot;
    return { ...this.podQueries.run(query, metrics), synced: this.informers.pods.status.listed, metrics: metrics.status };
  }

  /** One page of a kind's table; asking for a kind not watched starts its watch. */
  objects(kind: K8sObjectKind, query: ObjectQuery): Omit<K8sObjectPage, 'context'> {
    if (!ALWAYS.has(kind)) this.leases.touch(kind);
    let engine = this.objectQueries.get(kind);
    if (!engine) {
      engine = this.engineFor(kind);
      this.objectQueries.set(kind, engine);
    }
    const { status } = this.informers[kind];
    return { kind, ...engine.run(query, this.now()), synced: status.listed, state: status.state, message: status.failure?.message ?? null };
  }

  private engineFor<K extends K8sObjectKind>(kind: K): ObjectQueryEngine<ObjectProjection> {
    const engine: ObjectQueryEngine<Projections[K]> = new ObjectQueryEngine(kind, this.informers[kind].cache, OBJECT_VIEWS[kind]);
    // Kept in one map with the other kinds' engines; each only ever sees its own kind's objects.
    return engine as unknown as ObjectQueryEngine<ObjectProjection>;
  }

  detail(target: DetailTarget): Promise<K8sObjectDetail> {
    return readDetail(this.name, this.api, target, this.informers.events.cache);
  }

  async rolloutHistory(namespace: string, name: string): Promise<K8sRevision[]> {
    try {
      return await readRolloutHistory(await this.api.session(), AbortSignal.timeout(HISTORY_TIMEOUT_MS), namespace, name);
    } catch (err) {
      throw actionError(err);
    }
  }

  /** Namespaces by name with their pod counts (from the pod index, not a scan). */
  namespaces(): K8sNamespaceRow[] {
    const pods = this.informers.pods.cache;
    return [...this.informers.namespaces.cache.values()]
      .map((ns) => ({ name: ns.name, phase: ns.status, pods: pods.countIn(ns.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
