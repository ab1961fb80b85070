import { MAX_OBJECT_PAGE, type K8sColumn, type K8sObjectKind, type K8sObjectRow, type ObjectSort, type SortDirection } from '../contract/types';
import type { ObjectProjection, ObjectView } from './kinds/objectProjection';
import { matchesLabels } from './labelSelector';
import type { ObjectCache } from './objectCache';
import { LISTED_ORDERS, requirementsOf, SortedMatches, type Compare } from './sortedMatches';

export interface ObjectQuery {
  namespace?: string;
  labelSelector?: string;
  /** Part of the name, the namespace or one of the kind's searchable columns, any case. */
  text?: string;
  /** Only objects whose health is warning or error. */
  problems: boolean;
  sort: ObjectSort;
  dir: SortDirection;
  offset: number;
  limit: number;
}

export interface ObjectQueryResult {
  columns: K8sColumn[];
  total: number;
  matched: number;
  offset: number;
  rows: K8sObjectRow[];
}

/** Filters, sorts and pages the objects of one kind in one cluster. */
export class ObjectQueryEngine<T extends ObjectProjection> {
  private readonly sorted: SortedMatches<T>;

  constructor(
    private readonly kind: K8sObjectKind,
    private readonly cache: ObjectCache<T>,
    private readonly view: ObjectView<T>,
  ) {
    this.sorted = new SortedMatches(cache);
  }

  run(query: ObjectQuery, now: number): ObjectQueryResult {
    const limit = Math.min(Math.max(query.limit, 0), MAX_OBJECT_PAGE);
    const signature = JSON.stringify([query.namespace, query.labelSelector, query.text, query.problems, query.sort, query.dir]);
    const order: Compare<T> = LISTED_ORDERS[query.sort];
    const items = this.sorted.get(signature, () => ({
      namespace: query.namespace,
      matches: this.matcherFor(query),
      compare: query.dir === 'asc' ? order : (a, b) => order(b, a),
    }));
    const rows = items.slice(query.offset, query.offset + limit).map((p) => this.row(p, now));
    return { columns: this.view.columns, total: this.cache.size, matched: items.length, offset: query.offset, rows };
  }

  private matcherFor(query: ObjectQuery): (p: T) => boolean {
    const requirements = requirementsOf(query.labelSelector);
    const needle = query.text?.trim().toLowerCase() ?? '';
    const { namespace, problems } = query;
    const search = this.view.search;
    const found = (p: T) =>
      p.name.includes(needle) ||
      (p.namespace?.includes(needle) ?? false) ||
      search.some((key) => {
        const cell = p.cells[key];
        return cell !== null && cell !== undefined && String(cell).toLowerCase().includes(needle);
      });
    return (p) =>
      (!namespace || p.namespace === namespace) &&
      (!problems || p.health === 'warning' || p.health === 'error') &&
      (requirements.length === 0 || matchesLabels(requirements, p.labels)) &&
      (!needle || found(p));
  }

  private row(p: T, now: number): K8sObjectRow {
    return {
      kind: this.kind,
      namespace: p.namespace,
      name: p.name,
      uid: p.uid,
      createdAt: p.createdAt,
      status: p.status,
      health: p.health,
      cells: this.view.live?.(p, now) ?? p.cells,
      ...this.view.actionFields?.(p),
    };
  }
}
