import { OpsdeckError } from '../contract/errors';
import { MAX_POD_PAGE, type K8sPodRow, type PodPhase, type PodSort, type SortDirection } from '../contract/types';
import type { PodProjection } from './kinds/pods';
import { LabelSelectorError, matchesLabels, parseLabelSelector, type LabelRequirement } from './labelSelector';
import type { ObjectCache } from './objectCache';

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

/** Sorted matches kept for scrolling: one per distinct filter and sort, a few viewers at a time. */
const KEPT_RESULTS = 4;
/** Past this many changes a fresh sort is cheaper than patching one by one. */
const MAX_PATCHES = 2000;

type Compare = (a: PodProjection, b: PodProjection) => number;

interface Kept {
  version: number;
  /** The matches in order; patched in place as the cache changes. */
  pods: PodProjection[];
  matches: (p: PodProjection) => boolean;
  compare: Compare;
}

/** The first index whose pod does not sort before `pod`. */
function lowerBound(pods: readonly PodProjection[], pod: PodProjection, compare: Compare): number {
  let lo = 0;
  let hi = pods.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(pods[mid]!, pod) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byKey: Compare = (a, b) => byText(a.key, b.key);

/** Ascending order of each column; the key breaks ties so rows never swap between pages. */
const ORDERS: Record<PodSort, Compare> = {
  name: (a, b) => byText(a.name, b.name) || byKey(a, b),
  namespace: byKey,
  // Ascending age: the youngest pod first, as an Age column reads.
  age: (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || byKey(a, b),
  restarts: (a, b) => a.restarts - b.restarts || byKey(a, b),
  status: (a, b) => byText(a.status, b.status) || byKey(a, b),
};

function requirementsOf(selector: string | undefined): LabelRequirement[] {
  try {
    return parseLabelSelector(selector ?? '');
  } catch (err) {
    if (err instanceof LabelSelectorError) throw new OpsdeckError('BAD_REQUEST', `Label selector: ${err.message}`);
    throw err;
  }
}

const toPodRow = (p: PodProjection): K8sPodRow => ({
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
});

/**
 * Filters, sorts and pages the pods of one cluster. The sorted matches are kept and,
 * as pods change, patched in place (a binary search and a splice per change), so
 * scrolling costs a slice and a churning cluster costs no re-sort of 100,000 pods.
 */
export class PodQueryEngine {
  private kept = new Map<string, Kept>();

  constructor(private readonly cache: ObjectCache<PodProjection>) {}

  run(query: PodQuery): PodQueryResult {
    const limit = Math.min(Math.max(query.limit, 0), MAX_POD_PAGE);
    const pods = this.sortedMatches(query);
    const rows = pods.slice(query.offset, query.offset + limit).map(toPodRow);
    return { total: this.cache.size, matched: pods.length, offset: query.offset, rows };
  }

  private sortedMatches(query: PodQuery): PodProjection[] {
    const signature = JSON.stringify([query.namespace, query.labelSelector, query.text, query.phase, query.sort, query.dir]);
    const hit = this.kept.get(signature);
    if (hit && this.bringUpToDate(hit)) return hit.pods;

    const matches = matcherFor(query);
    const order = ORDERS[query.sort];
    const compare: Compare = query.dir === 'asc' ? order : (a, b) => order(b, a);
    const source = query.namespace ? this.cache.inNamespace(query.namespace) : this.cache.values();
    const pods: PodProjection[] = [];
    for (const p of source) if (matches(p)) pods.push(p);
    pods.sort(compare);

    this.kept.delete(signature);
    this.kept.set(signature, { version: this.cache.version, pods, matches, compare });
    if (this.kept.size > KEPT_RESULTS) this.kept.delete(this.kept.keys().next().value!);
    return pods;
  }

  /** Applies the cache's changes since the result was made; false when it must be made again. */
  private bringUpToDate(kept: Kept): boolean {
    if (kept.version === this.cache.version) return true;
    const changes = this.cache.changesSince(kept.version);
    if (!changes || changes.length > MAX_PATCHES) return false;
    for (const { before, after } of changes) {
      if (before && kept.matches(before)) {
        const i = lowerBound(kept.pods, before, kept.compare);
        if (kept.pods[i] === before) kept.pods.splice(i, 1);
      }
      if (after && kept.matches(after)) kept.pods.splice(lowerBound(kept.pods, after, kept.compare), 0, after);
    }
    kept.version = this.cache.version;
    return true;
  }
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
