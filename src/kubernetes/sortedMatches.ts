import { OpsdeckError } from '../contract/errors';
import type { Projected } from './kinds/projected';
import { LabelSelectorError, parseLabelSelector, type LabelRequirement } from './labelSelector';
import type { CacheChange, ObjectCache } from './objectCache';

export type Compare<T> = (a: T, b: T) => number;

/** A named column order over the whole cache, kept so a filter scans it in order instead of sorting its matches. */
export interface Order<T> {
  name: string;
  ascending: Compare<T>;
  /** `compare` is `ascending` reversed: the kept order is read backwards. */
  descending: boolean;
}

/** How one query selects and orders: built once per distinct query, kept with its result. */
export interface Selection<T> {
  /** Only this namespace's objects are looked at (from the cache's namespace index). */
  namespace?: string;
  matches(item: T): boolean;
  compare: Compare<T>;
  /** The same order as `compare` when it does not depend on anything but the objects. */
  order?: Order<T>;
}

interface Kept<T> extends Selection<T> {
  version: number;
  /** The matches in order; patched as the cache changes. */
  items: T[];
  /** Asked for since the cache's journal last moved on. */
  used: boolean;
}

/** Sorted matches kept for scrolling: one per distinct filter and sort, a few viewers at a time. */
const KEPT_RESULTS = 4;

const everything = (): boolean => true;

/** The first index whose item does not sort before `item`. */
function lowerBound<T>(items: readonly T[], item: T, compare: Compare<T>): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sorted items with a batch of cache changes applied in one pass: the replaced ones found
 * by binary search, the new ones sorted and merged in. A splice per change would move the
 * whole array each time (a churning cluster sends hundreds of changes between two queries).
 */
function patched<T>(items: readonly T[], changes: readonly CacheChange<T>[], matches: (item: T) => boolean, compare: Compare<T>): T[] {
  const replaced = new Set<T>();
  const drop: number[] = [];
  for (const { before } of changes) {
    if (!before || !matches(before)) continue;
    replaced.add(before);
    const i = lowerBound(items, before, compare);
    if (items[i] === before) drop.push(i);
  }
  // An object both added and replaced within the batch was never in the result.
  const add = changes.flatMap(({ after }) => (after && !replaced.has(after) && matches(after) ? [after] : []));
  add.sort(compare);
  drop.sort((a, b) => a - b);
  const out: T[] = [];
  let next = 0;
  let d = 0;
  const copyUpTo = (end: number) => {
    for (; next < end; next++) {
      if (d < drop.length && drop[d] === next) d++;
      else out.push(items[next]!);
    }
  };
  for (const item of add) {
    copyUpTo(lowerBound(items, item, compare));
    out.push(item);
  }
  copyUpTo(items.length);
  return out;
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const byKey: Compare<Projected> = (a, b) => byText(a.key, b.key);

/** What a table row sorts by in every kind's columns. */
interface Listed extends Projected {
  createdAt: number | null;
  status: string;
}

/** Ascending order of the columns every table has; the key breaks ties so rows never swap between pages. */
export const LISTED_ORDERS: Record<'name' | 'namespace' | 'age' | 'status', Compare<Listed>> = {
  name: (a, b) => byText(a.name, b.name) || byKey(a, b),
  namespace: byKey,
  // Ascending age: the youngest first, as an Age column reads.
  age: (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || byKey(a, b),
  status: (a, b) => byText(a.status, b.status) || byKey(a, b),
};

/** A label selector parsed for a query; a bad one is the caller's mistake, told where it is wrong. */
export function requirementsOf(selector: string | undefined): LabelRequirement[] {
  try {
    return parseLabelSelector(selector ?? '');
  } catch (err) {
    if (err instanceof LabelSelectorError) throw new OpsdeckError('BAD_REQUEST', `Label selector: ${err.message}`);
    throw err;
  }
}

/**
 * The filtered, sorted objects of one cache for a query. The sorted matches are kept and,
 * as objects change, patched (binary searches and one merge per batch of changes), so
 * scrolling costs a slice and a churning cluster costs no re-sort of 100,000 objects. A new
 * filter in a column order reads the whole cache in that order (kept and patched the same
 * way) and sorts nothing.
 */
export class SortedMatches<T extends Projected> {
  private kept = new Map<string, Kept<T>>();
  private orders = new Map<string, Kept<T>>();

  constructor(private readonly cache: ObjectCache<T>) {
    cache.onForget(() => this.catchUp());
  }

  /** The matches for the query `signature` names; `select` builds its selection when it is not kept. */
  get(signature: string, select: () => Selection<T>): T[] {
    const hit = this.kept.get(signature);
    if (hit && this.bringUpToDate(hit)) {
      hit.used = true;
      return hit.items;
    }

    const selection = select();
    const items = selection.order && !selection.namespace ? this.scan(selection.order, selection.matches) : this.sort(selection);

    this.kept.delete(signature);
    this.kept.set(signature, { ...selection, version: this.cache.version, items, used: true });
    if (this.kept.size > KEPT_RESULTS) this.kept.delete(this.kept.keys().next().value!);
    return items;
  }

  private sort(selection: Selection<T>): T[] {
    const source = selection.namespace ? this.cache.inNamespace(selection.namespace) : this.cache.values();
    const items: T[] = [];
    for (const item of source) if (selection.matches(item)) items.push(item);
    return items.sort(selection.compare);
  }

  /** The matches read off the whole cache in `order`, already sorted. */
  private scan(order: Order<T>, matches: (item: T) => boolean): T[] {
    const all = this.inOrder(order);
    const items: T[] = [];
    if (order.descending) {
      for (let i = all.length - 1; i >= 0; i--) if (matches(all[i]!)) items.push(all[i]!);
    } else {
      for (const item of all) if (matches(item)) items.push(item);
    }
    return items;
  }

  private inOrder(order: Order<T>): T[] {
    const held = this.orders.get(order.name);
    if (held && this.bringUpToDate(held)) {
      held.used = true;
      return held.items;
    }
    const items = [...this.cache.values()].sort(order.ascending);
    this.orders.set(order.name, { matches: everything, compare: order.ascending, version: this.cache.version, items, used: true });
    return items;
  }

  /**
   * Before the journal lets go of changes: results asked for since it last did are brought up
   * to date; the rest are dropped (a churning cluster would otherwise pay to patch results
   * nobody reads, or they would pin projections the cache has replaced).
   */
  private catchUp(): void {
    for (const results of [this.kept, this.orders]) {
      for (const [signature, kept] of results) {
        if (kept.used && this.bringUpToDate(kept)) kept.used = false;
        else results.delete(signature);
      }
    }
  }

  /** Applies the cache's changes since the result was made; false when they are no longer all known. */
  private bringUpToDate(kept: Kept<T>): boolean {
    if (kept.version === this.cache.version) return true;
    const changes = this.cache.changesSince(kept.version);
    if (!changes) return false;
    kept.items = patched(kept.items, changes, kept.matches, kept.compare);
    kept.version = this.cache.version;
    return true;
  }
}
