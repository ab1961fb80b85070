import type { K8sKindState } from '../../contract';
import type { DeploymentProjection } from '../../kubernetes/kinds/deployments';
import type { NodeProjection } from '../../kubernetes/kinds/nodes';
import type { PodProjection } from '../../kubernetes/kinds/pods';
import type { SeriesSample } from '../rules/alertState';

/** A watched kind of one context: its cache and how far its watch has come. */
interface KindView<T> {
  status: { state: K8sKindState; listed: boolean };
  cache: { values(): IterableIterator<T> };
}

interface Projections {
  nodes: NodeProjection;
  pods: PodProjection;
  deployments: DeploymentProjection;
}
type SignalKind = keyof Projections;

/** One enabled context as the Kubernetes metrics read it (a ClusterConnection). */
export interface ClusterView {
  name: string;
  informers: { [K in SignalKind]: KindView<Projections[K]> };
  /** Keeps the kind watched until the returned function is called. */
  retain(kind: SignalKind): () => void;
}

interface KindSignal<K extends SignalKind> {
  kind: K;
  series(context: string, item: Projections[K]): SeriesSample | null;
}

const podLabels = (context: string, p: PodProjection) => ({ context, namespace: p.namespace, pod: p.name, ...(p.node ? { node: p.node } : {}) });
const podSignal = (value: (p: PodProjection) => number | null): KindSignal<'pods'> => ({
  kind: 'pods',
  series: (context, p) => {
    const v = value(p);
    return v === null ? null : { metric: podLabels(context, p), value: v };
  },
});

/** The cached kinds' figures as series, one per object. */
export const KUBERNETES_SIGNALS: Record<string, KindSignal<'nodes'> | KindSignal<'pods'> | KindSignal<'deployments'>> = {
  /** 1 while the node's Ready condition is not True. */
  opsdeck_k8s_node_not_ready: { kind: 'nodes', series: (context, n) => ({ metric: { context, node: n.name }, value: n.ready ? 0 : 1 }) },
  /** Restarts of the pod's containers, init containers included. */
  opsdeck_k8s_pod_restarts: podSignal((p) => p.restarts),
  /** 1 while the pod's status (as kubectl shows it) is CrashLoopBackOff. */
  opsdeck_k8s_pod_crash_looping: podSignal((p) => (p.status === 'CrashLoopBackOff' ? 1 : 0)),
  /** 1 while a pod that has not completed is not running with every container ready. */
  opsdeck_k8s_pod_not_ready: podSignal((p) => (p.phase === 'Succeeded' ? null : p.phase === 'Running' && p.readyContainers === p.containers ? 0 : 1)),
  /** Replicas wanted but not available. */
  opsdeck_k8s_deployment_unavailable_replicas: {
    kind: 'deployments',
    series: (context, d) => {
      const available = typeof d.cells.available === 'number' ? d.cells.available : 0;
      return { metric: { context, namespace: d.namespace, deployment: d.name }, value: Math.max(0, d.desired - available) };
    },
  },
};

/** Settled: listed, or refused (a kind the user may not read has nothing to compare). */
const settled = (s: KindView<unknown>['status']) => s.listed || s.state === 'failed' || s.state === 'forbidden';

/**
 * The Kubernetes metrics of rules, over every enabled context. A kind is watched only while
 * something leases it, so the kinds the loaded rules need are held in every context for as long as
 * those rules exist (hold), and released when they go or the context does.
 */
export class KubernetesSignals {
  private wanted = new Set<SignalKind>();
  private readonly leases = new Map<ClusterView, Map<SignalKind, () => void>>();

  /** clusters: the enabled contexts, null while they are not known yet. */
  constructor(private readonly clusters: () => ClusterView[] | null) {}

  /** The metrics the loaded rules compare: their kinds are held, the others let go. */
  hold(metrics: Iterable<string>): void {
    this.wanted = new Set([...metrics].flatMap((m) => (Object.hasOwn(KUBERNETES_SIGNALS, m) ? [KUBERNETES_SIGNALS[m]!.kind] : [])));
    this.reconcile();
  }

  /** The metric's series over the enabled contexts; null while they are not known or one has not listed the kind yet. */
  series(metric: string): SeriesSample[] | null {
    const signal = KUBERNETES_SIGNALS[metric]!;
    const live = this.reconcile();
    if (!live) return null;
    const out: SeriesSample[] = [];
    for (const cluster of live) {
      const view = cluster.informers[signal.kind] as KindView<never>;
      if (!settled(view.status)) return null;
      for (const item of view.cache.values()) {
        const sample = (signal.series as (context: string, item: never) => SeriesSample | null)(cluster.name, item);
        if (sample) out.push(sample);
      }
    }
    return out;
  }

  /** Releases every lease (the host stops). */
  stop(): void {
    this.wanted.clear();
    this.reconcile();
  }

  /** Leases the wanted kinds in the live contexts and releases the rest; returns the live contexts (null: not known yet). */
  private reconcile(): ClusterView[] | null {
    const live = this.clusters();
    for (const [cluster, held] of this.leases) {
      for (const [kind, release] of held) {
        if (live?.includes(cluster) && this.wanted.has(kind)) continue;
        release();
        held.delete(kind);
      }
      if (held.size === 0) this.leases.delete(cluster);
    }
    for (const cluster of live ?? []) {
      for (const kind of this.wanted) {
        const held = this.leases.get(cluster) ?? new Map<SignalKind, () => void>();
        this.leases.set(cluster, held);
        if (!held.has(kind)) held.set(kind, cluster.retain(kind));
      }
    }
    return live;
  }
}
