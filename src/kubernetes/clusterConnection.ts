import { K8S_KINDS, type K8sContextState, type K8sKind, type K8sKindStatus, type K8sNamespaceRow, type K8sOverview } from '../contract/types';
import { Backoff, type BackoffOptions } from './backoff';
import { Informer, type InformerOptions } from './informer';
import { KIND_SPECS, type Projections } from './kinds/registry';
import type { KubeApi } from './kubeApi';
import type { KubeApiError } from './kubeApiError';
import { overviewFigures } from './overview';
import { PodQueryEngine, type PodQuery, type PodQueryResult } from './podQuery';

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

const earliest = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((min, v) => (v !== null && (min === null || v < min) ? v : min), null);
const latest = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((max, v) => (v !== null && (max === null || v > max) ? v : max), null);

/** One enabled context: an informer per kind, each independent, so a slow kind never holds up another. */
export class ClusterConnection {
  readonly informers: Informers;
  private readonly podQueries: PodQueryEngine;

  constructor(
    readonly name: string,
    /** The context's API client, shared with the actions taken on it. */
    readonly api: KubeApi,
    listener: ConnectionListener,
    options: ConnectionOptions = {},
  ) {
    const make = <K extends K8sKind>(kind: K): Informer<Projections[K]> =>
      new Informer(api, KIND_SPECS[kind], { changed: () => listener.changed(kind), status: () => listener.state() }, {
        ...options,
        backoff: new Backoff(options.backoff),
      });
    this.informers = {
      namespaces: make('namespaces'),
      nodes: make('nodes'),
      pods: make('pods'),
      deployments: make('deployments'),
    };
    this.podQueries = new PodQueryEngine(this.informers.pods.cache);
  }

  start(): void {
    for (const kind of K8S_KINDS) this.informers[kind].start();
  }

  stop(): void {
    for (const kind of K8S_KINDS) this.informers[kind].stop();
    this.api.close();
  }

  /**
   * The context's state from its informers: a 401 or a network failure on any kind speaks
   * for the context; forbidden only when every kind is; connected once every kind has
   * been listed or refused.
   */
  state(): ConnectionState {
    const statuses = K8S_KINDS.map((k) => this.informers[k].status);
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
    const caches = {
      namespaces: this.informers.namespaces.cache,
      nodes: this.informers.nodes.cache,
      pods: this.informers.pods.cache,
      deployments: this.informers.deployments.cache,
    };
    return { context: this.name, state: this.state().state, kinds: this.kinds(), ...overviewFigures(caches) };
  }

  pods(query: PodQuery): PodQueryResult & { synced: boolean } {
    return { ...this.podQueries.run(query), synced: this.informers.pods.status.listed };
  }

  /** Namespaces by name with their pod counts (from the pod index, not a scan). */
  namespaces(): K8sNamespaceRow[] {
    const pods = this.informers.pods.cache;
    return [...this.informers.namespaces.cache.values()]
      .map((ns) => ({ name: ns.name, phase: ns.phase, pods: pods.countIn(ns.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
