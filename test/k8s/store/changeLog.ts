/** A bounded log of recent changes: watches resume from it, and old resource versions expire out of it. */
import type { ResourceType } from '../resources';
import type { K8sObject } from '../types';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  rv: number;
  type: ChangeType;
  resource: ResourceType;
  key: string;
  /** The object after the change (for DELETED: the last state, stamped with the deletion's resourceVersion). */
  object: K8sObject;
  /** The object before the change (absent for ADDED). */
  prev: K8sObject | undefined;
  /** Who wrote it: "api", "controller", "seed", "churn", "store". */
  origin: string;
  /** Set lazily: the object as JSON, shared by every watcher. */
  json?: string;
}

export class ChangeLog {
  private buf: Array<Change | undefined>;
  private head = 0;
  private size = 0;
  /** Every change with rv > startRV is in the log. */
  private start: number;

  constructor(
    private capacity: number,
    startRV: number,
  ) {
    this.capacity = Math.max(1, Math.floor(capacity));
    this.buf = new Array<Change | undefined>(this.capacity);
    this.start = startRV;
  }

  get startRV(): number {
    return this.start;
  }

  get length(): number {
    return this.size;
  }

  push(change: Change): void {
    if (this.size === this.capacity) {
      const oldest = this.buf[this.head];
      if (oldest) this.start = oldest.rv;
      this.buf[this.head] = change;
      this.head = (this.head + 1) % this.capacity;
    } else {
      this.buf[(this.head + this.size) % this.capacity] = change;
      this.size++;
    }
  }

  /** Drops every change: the log then starts at `rv`. */
  compact(rv: number): void {
    this.buf = new Array<Change | undefined>(this.capacity);
    this.head = 0;
    this.size = 0;
    this.start = rv;
  }

  at(i: number): Change {
    return this.buf[(this.head + i) % this.capacity] as Change;
  }

  /** The index of the first change with rv > `rv`. */
  indexAfter(rv: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Changes with rv > `rv`, oldest first. The caller checks `rv >= startRV` first. */
  *since(rv: number): Generator<Change> {
    for (let i = this.indexAfter(rv); i < this.size; i++) yield this.at(i);
  }
}
