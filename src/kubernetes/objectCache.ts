import { sameProjection, type Projected } from './kinds/projected';

/** One change: the projection before (absent for an add) and after (absent for a delete). */
export interface CacheChange<T> {
  version: number;
  before: T | undefined;
  after: T | undefined;
}

/** Changes remembered for queries that patch their sorted results instead of sorting again. */
const JOURNAL_LIMIT = 4096;

/**
 * The projections of one kind in one cluster, by key and by namespace (most queries
 * name a namespace, and a namespace of 200 pods should not cost a scan of 100,000).
 */
export class ObjectCache<T extends Projected> {
  private all = new Map<string, T>();
  private byNamespace = new Map<string, Map<string, T>>();
  /** Bumped on every change, so a query can reuse its work while nothing changed. */
  version = 0;
  private journal: CacheChange<T>[] = [];
  /** Every change after this version is in the journal. */
  private journalFrom = 0;
  private readonly forgetting: (() => void)[] = [];

  get size(): number {
    return this.all.size;
  }

  get(key: string): T | undefined {
    return this.all.get(key);
  }

  values(): IterableIterator<T> {
    return this.all.values();
  }

  /** The objects of one namespace; empty for a namespace with none. */
  inNamespace(namespace: string): IterableIterator<T> {
    return (this.byNamespace.get(namespace) ?? new Map<string, T>()).values();
  }

  countIn(namespace: string): number {
    return this.byNamespace.get(namespace)?.size ?? 0;
  }

  /**
   * Called just before the journal lets go of changes, and after a relist replaced it: a
   * result derived from the cache catches up now or is dropped, rather than pinning
   * projections the cache has replaced.
   */
  onForget(listener: () => void): void {
    this.forgetting.push(listener);
  }

  /** The changes after `version`, oldest first; null when they are no longer all known. */
  changesSince(version: number): readonly CacheChange<T>[] | null {
    if (version < this.journalFrom) return null;
    let i = this.journal.length;
    while (i > 0 && this.journal[i - 1]!.version > version) i--;
    return this.journal.slice(i);
  }

  /** Puts a fresh full list in place; reports whether anything differs from before. */
  replaceAll(items: readonly T[]): boolean {
    const previous = this.all;
    let changed = items.length !== previous.size;
    this.all = new Map();
    this.byNamespace = new Map();
    for (const item of items) {
      if (!changed && !sameProjection(previous.get(item.key), item)) changed = true;
      this.insert(item);
    }
    if (changed) this.version++;
    // A relist replaces everything at once: queries start over rather than replay it.
    this.journal = [];
    this.journalFrom = this.version;
    for (const listener of this.forgetting) listener();
    return changed;
  }

  /** Adds or replaces one object; false when the new projection equals the stored one. */
  upsert(item: T): boolean {
    const current = this.all.get(item.key);
    if (current && sameProjection(current, item)) return false;
    this.insert(item);
    this.record(current, item);
    return true;
  }

  remove(key: string): boolean {
    const current = this.all.get(key);
    if (!current) return false;
    this.all.delete(key);
    const ns = current.namespace ?? '';
    const bucket = this.byNamespace.get(ns);
    bucket?.delete(key);
    if (bucket?.size === 0) this.byNamespace.delete(ns);
    this.record(current, undefined);
    return true;
  }

  private record(before: T | undefined, after: T | undefined): void {
    this.version++;
    this.journal.push({ version: this.version, before, after });
    if (this.journal.length > JOURNAL_LIMIT) {
      for (const listener of this.forgetting) listener();
      const dropped = this.journal.splice(0, JOURNAL_LIMIT / 2);
      this.journalFrom = dropped.at(-1)!.version;
    }
  }

  private insert(item: T): void {
    this.all.set(item.key, item);
    const ns = item.namespace ?? '';
    let bucket = this.byNamespace.get(ns);
    if (!bucket) {
      bucket = new Map();
      this.byNamespace.set(ns, bucket);
    }
    bucket.set(item.key, item);
  }
}
