import { MAX_POD_PAGE, type K8sPodRow, type PodPhase, type PodSort, type SortDirection } from '../contract/types';
import type { PodProjection } from './kinds/pods';
import { matchesLabels } from './labelSelector';
import type { MetricsSnapshot, Usage } from './metrics';
import type { ObjectCache } from './objectCache';
import { byKey, LISTED_ORDERS, requirementsOf, SortedMatches, type Compare, type Selection } from './sortedMatches';

export interface PodQuery {
  namespace?: string;
  labelSelector?: string;
  /** Part of the pod's name, any case. */
  text?: string;
  phase?: PodPhase;
  sort: PodSort;
  dir: SortDirection;
  offset: number;
  limit: number;
}

export interface PodQueryResult {
  total: number;
  matched: number;
  offset: number;
  rows: K8sPodRow[];
}

/** Ascending order of each column; the key breaks ties so rows never swap between pages. */
const ORDERS: Record<Exclude<PodSort, 'cpu' | 'memory'>, Compare<PodProjection>> = {
  ...LISTED_ORDERS,
  restarts: (a, b) => a.restarts - b.restarts || byKey(a, b),
};

/** Usage order in either direction with pods not reported last, so the busiest or idlest come first either way. */
function usageOrder(figure: keyof Usage, dir: SortDirection, pods: MetricsSnapshot['pods']): Compare<PodProjection> {
  const sign = dir === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = pods.get(a.key)?.[figure];
    const y = pods.get(b.key)?.[figure];
    if (x === undefined || y === undefined) return x === y ? byKey(a, b) : x === undefined ? 1 : -1;
    return sign * (x - y) || byKey(a, b);
  };
}

function orderFor(query: PodQuery, metrics: MetricsSnapshot): Pick<Selection<PodProjection>, 'compare' | 'order'> {
  if (query.sort === 'cpu') return { compare: usageOrder('cpuMillis', query.dir, metrics.pods) };
  if (query.sort === 'memory') return { compare: usageOrder('memoryBytes', query.dir, metrics.pods) };
  const ascending = ORDERS[query.sort];
  const descending = query.dir === 'desc';
  return { compare: descending ? (a, b) => ascending(b, a) : ascending, order: { name: query.sort, ascending, descending } };
}

function matcherFor(query: PodQuery): (p: PodProjection) => boolean {
  const requirements = requirementsOf(query.labelSelector);
  // Pod names are lowercase DNS names, so a lowercase needle compares without copying any name.
  const needle = query.text?.trim().toLowerCase() ?? '';
  const { namespace, phase } = query;
  return (p) =>
    (!namespace || p.namespace === namespace) &&
    (!phase || p.phase === phase) &&
    (!needle || p.name.includes(needle)) &&
    (requirements.length === 0 || matchesLabels(requirements, p.labels));
}

/** Filters, sorts and pages the pods of one cluster, with their usage when metrics.k8s.io reports it. */
export class PodQueryEngine {
  private readonly sorted: SortedMatches<PodProjection>;

  constructor(private readonly cache: ObjectCache<PodProjection>) {
    this.sorted = new SortedMatches(cache);
  }

  run(query: PodQuery, metrics: MetricsSnapshot): PodQueryResult {
    const limit = Math.min(Math.max(query.limit, 0), MAX_POD_PAGE);
    // A usage order holds for one reading of the metrics only, so the reading is part of the query.
    const reading = query.sort === 'cpu' || query.sort === 'memory' ? metrics.status.at : null;
    const signature = JSON.stringify([query.namespace, query.labelSelector, query.text, query.phase, query.sort, query.dir, reading]);
    const pods = this.sorted.get(signature, () => ({ namespace: query.namespace, matches: matcherFor(query), ...orderFor(query, metrics) }));
    const rows = pods.slice(query.offset, query.offset + limit).map((p): K8sPodRow => {
      const usage = metrics.pods.get(p.key);
      return {
        namespace: p.namespace,
        name: p.name,
        uid: p.uid,
        phase: p.phase,
        status: p.status,
        readyContainers: p.readyContainers,
        containers: p.containers,
        restarts: p.restarts,
        node: p.node,
        createdAt: p.createdAt,
        cpuMillis: usage?.cpuMillis ?? null,
        memoryBytes: usage?.memoryBytes ?? null,
      };
    });
    return { total: this.cache.size, matched: pods.length, offset: query.offset, rows };
  }
}
