/**
 * Keys kept in byte order for paged lists. Writes are O(1): additions are appended and
 * removals remembered; the array is re-sorted on the next read after a change (V8's sort
 * runs in near-linear time on a sorted array with a few appended keys).
 */
export class SortedKeys {
  private keys: string[] = [];
  private dirty = false;
  /** Keys still in `keys` that are no longer present. */
  private removed = new Set<string>();

  /** `key` must not be present. */
  add(key: string): void {
    if (this.removed.delete(key)) return;
    const last = this.keys[this.keys.length - 1];
    if (last !== undefined && key <= last) this.dirty = true;
    this.keys.push(key);
  }

  /** `key` must be present. */
  remove(key: string): void {
    this.removed.add(key);
    this.dirty = true;
  }

  clear(): void {
    this.keys = [];
    this.removed.clear();
    this.dirty = false;
  }

  /** The sorted keys; do not modify. */
  sorted(): readonly string[] {
    if (this.dirty) {
      if (this.removed.size > 0) {
        const removed = this.removed;
        this.keys = this.keys.filter((k) => !removed.has(k));
        this.removed = new Set();
      }
      this.keys.sort();
      this.dirty = false;
    }
    return this.keys;
  }
}

/** The first index whose key is >= `key`. */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
