/**
 * Reads a kind's objects as they were at a resourceVersion, in key order, a page at a time.
 * The state at an older resourceVersion is the current state overlaid with each changed key's
 * state before its first later change, taken from the change log, so paging never rescans.
 */
import type { ResourceType } from '../resources';
import type { K8sObject } from '../types';
import { lowerBound } from './sortedKeys';
import type { ObjectStore } from './objectStore';

interface Overlay {
  rt: ResourceType;
  /** Key → the object at the snapshot, or null where it did not exist then. */
  states: Map<string, K8sObject | null>;
  scannedTo: number;
  sorted: string[] | undefined;
}

export interface PageRequest {
  rt: ResourceType;
  namespace?: string;
  snapshotRV: number;
  /** Start after this key (exclusive). */
  after?: string;
  /** 0: no limit. */
  limit: number;
  filter?: (obj: K8sObject) => boolean;
}

export interface Page {
  items: K8sObject[];
  /** The last key read, for the continue token; set when more keys follow. */
  lastKey?: string;
  /** Keys left after the page at the snapshot (before filtering); 0 when the page ends the list. */
  remaining: number;
}

const MAX_CACHED = 16;

export class SnapshotReader {
  private cache = new Map<string, Overlay>();
  private epoch = -1;

  constructor(private store: ObjectStore) {}

  readPage(req: PageRequest): Page {
    const { rt, namespace } = req;
    const prefix = rt.namespaced && namespace !== undefined ? `${namespace}/` : '';
    const rangeEnd = prefix ? `${namespace}0` : undefined; // '0' sorts right after '/'
    const cur = this.store.sortedKeys(rt);
    const overlay = req.snapshotRV < this.store.resourceVersion ? this.overlay(rt, req.snapshotRV) : undefined;
    const ov = overlay ? this.sortedOverlay(overlay) : [];
    const from = req.after !== undefined ? `${req.after}\u0000` : prefix;
    const curEnd = rangeEnd === undefined ? cur.length : lowerBound(cur, rangeEnd);
    const ovEnd = rangeEnd === undefined ? ov.length : lowerBound(ov, rangeEnd);
    let i = lowerBound(cur, from);
    let j = lowerBound(ov, from);
    const items: K8sObject[] = [];
    let lastKey: string | undefined;
    const table = this.store.table(rt).objects;
    while (i < curEnd || j < ovEnd) {
      const a = i < curEnd ? (cur[i] as string) : undefined;
      const b = j < ovEnd ? (ov[j] as string) : undefined;
      let key: string;
      let obj: K8sObject | null | undefined;
      if (b !== undefined && (a === undefined || b <= a)) {
        key = b;
        obj = overlay?.states.get(b);
        j++;
        if (a === b) i++;
      } else {
        key = a as string;
        obj = table.get(key);
        i++;
      }
      if (!obj) continue;
      lastKey = key;
      if (req.filter && !req.filter(obj)) continue;
      items.push(obj);
      if (req.limit > 0 && items.length >= req.limit) break;
    }
    const remaining = lastKey === undefined ? 0 : this.countAfter(cur, curEnd, overlay, ov, ovEnd, lastKey);
    return remaining > 0 ? { items, lastKey, remaining } : { items, remaining: 0 };
  }

  /** Keys after `key` (within the range) that existed at the snapshot. */
  private countAfter(cur: readonly string[], curEnd: number, overlay: Overlay | undefined, ov: string[], ovEnd: number, key: string): number {
    const from = `${key}\u0000`;
    let n = Math.max(0, curEnd - lowerBound(cur, from));
    if (!overlay) return n;
    for (let j = lowerBound(ov, from); j < ovEnd; j++) {
      const k = ov[j] as string;
      const nowPresent = this.store.get(overlay.rt, k) !== undefined;
      const thenPresent = overlay.states.get(k) !== null;
      if (nowPresent && !thenPresent) n--;
      else if (!nowPresent && thenPresent) n++;
    }
    return n;
  }

  private overlay(rt: ResourceType, rv: number): Overlay {
    if (this.epoch !== this.store.epoch) {
      this.cache.clear();
      this.epoch = this.store.epoch;
    }
    const id = `${rt.id}@${rv}`;
    let overlay = this.cache.get(id);
    if (!overlay) {
      overlay = { rt, states: new Map(), scannedTo: rv, sorted: undefined };
      this.cache.set(id, overlay);
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    }
    const log = this.store.log;
    for (let i = log.indexAfter(overlay.scannedTo); i < log.length; i++) {
      const change = log.at(i);
      overlay.scannedTo = change.rv;
      if (change.resource !== rt || overlay.states.has(change.key)) continue;
      overlay.states.set(change.key, change.type === 'ADDED' ? null : (change.prev ?? null));
      overlay.sorted = undefined;
    }
    return overlay;
  }

  private sortedOverlay(overlay: Overlay): string[] {
    overlay.sorted ??= [...overlay.states.keys()].sort();
    return overlay.sorted;
  }
}
