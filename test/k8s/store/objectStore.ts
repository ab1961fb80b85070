/**
 * The low-level store: objects per kind with sorted keys, one global resourceVersion, the
 * change log and change listeners, and an index of dependents by owner uid. It applies no
 * API rules: `api/operations.ts` does that.
 */
import { randomBytes } from 'node:crypto';
import type { ResourceType } from '../resources';
import type { K8sObject } from '../types';
import { type Change, ChangeLog } from './changeLog';
import { SortedKeys } from './sortedKeys';

export interface Table {
  rt: ResourceType;
  objects: Map<string, K8sObject>;
  keys: SortedKeys;
}

export type ChangeListener = (change: Change) => void;

export function keyOf(rt: ResourceType, namespace: string | undefined, name: string): string {
  return rt.namespaced ? `${namespace ?? ''}/${name}` : name;
}

export function objectKey(rt: ResourceType, obj: K8sObject): string {
  return keyOf(rt, obj.metadata.namespace, obj.metadata.name ?? '');
}

export interface DependentRef {
  rt: ResourceType;
  key: string;
}

export class ObjectStore {
  private rv: number;
  private tables = new Map<ResourceType, Table>();
  private listeners = new Set<ChangeListener>();
  private dependents = new Map<string, Map<string, DependentRef>>();
  private uidCount = 0;
  private readonly uidPrefix = randomBytes(4).toString('hex');
  /** Changes whenever the log is compacted or the store cleared, so snapshot caches know to drop. */
  epoch = 0;
  readonly log: ChangeLog;

  constructor(logWindow: number, initialRV = 1) {
    this.rv = initialRV;
    this.log = new ChangeLog(logWindow, initialRV);
  }

  get resourceVersion(): number {
    return this.rv;
  }

  table(rt: ResourceType): Table {
    let t = this.tables.get(rt);
    if (!t) this.tables.set(rt, (t = { rt, objects: new Map(), keys: new SortedKeys() }));
    return t;
  }

  get(rt: ResourceType, key: string): K8sObject | undefined {
    return this.tables.get(rt)?.objects.get(key);
  }

  count(rt: ResourceType): number {
    return this.tables.get(rt)?.objects.size ?? 0;
  }

  sortedKeys(rt: ResourceType): readonly string[] {
    return this.table(rt).keys.sorted();
  }

  /** Every object of a kind (in one namespace if given), unsorted. */
  *objects(rt: ResourceType, namespace?: string): Generator<K8sObject> {
    const t = this.tables.get(rt);
    if (!t) return;
    for (const obj of t.objects.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) yield obj;
    }
  }

  nextUid(): string {
    const n = (++this.uidCount).toString(16).padStart(12, '0');
    return `${this.uidPrefix}-${n.slice(0, 4)}-4${n.slice(4, 7)}-8${n.slice(7, 10)}-${n.slice(10).padStart(12, '0')}`;
  }

  /** Stores `obj` under a new resourceVersion and tells the listeners. Returns the stored object. */
  write(rt: ResourceType, obj: K8sObject, origin: string): K8sObject {
    const t = this.table(rt);
    const key = objectKey(rt, obj);
    const prev = t.objects.get(key);
    const stored: K8sObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } };
    t.objects.set(key, stored);
    if (!prev) t.keys.add(key);
    this.reindexOwners(rt, key, prev, stored);
    this.record({ rv: this.rv, type: prev ? 'MODIFIED' : 'ADDED', resource: rt, key, object: stored, prev, origin });
    return stored;
  }

  /** Removes an object under a new resourceVersion. Returns its last state, or undefined if absent. */
  remove(rt: ResourceType, key: string, origin: string): K8sObject | undefined {
    const t = this.tables.get(rt);
    const prev = t?.objects.get(key);
    if (!t || !prev) return undefined;
    t.objects.delete(key);
    t.keys.remove(key);
    this.reindexOwners(rt, key, prev, undefined);
    const gone: K8sObject = { ...prev, metadata: { ...prev.metadata, resourceVersion: String(++this.rv) } };
    this.record({ rv: this.rv, type: 'DELETED', resource: rt, key, object: gone, prev, origin });
    return gone;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Objects whose ownerReferences name `uid`. */
  dependentsOf(uid: string): DependentRef[] {
    return [...(this.dependents.get(uid)?.values() ?? [])];
  }

  /** Forgets the change log: watches from any earlier resourceVersion get 410. `bump` moves the resourceVersion on first. */
  compact(bump = false): void {
    if (bump) this.rv++;
    this.log.compact(this.rv);
    this.epoch++;
  }

  /** Removes every object without events (the resourceVersion keeps counting up) and compacts the log. */
  clear(): void {
    this.tables.clear();
    this.dependents.clear();
    this.compact(true);
  }

  private record(change: Change): void {
    this.log.push(change);
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        console.error('test API server: a change listener failed', err);
      }
    }
  }

  private reindexOwners(rt: ResourceType, key: string, prev: K8sObject | undefined, next: K8sObject | undefined): void {
    const before = prev?.metadata.ownerReferences ?? [];
    const after = next?.metadata.ownerReferences ?? [];
    if (before.length === 0 && after.length === 0) return;
    const ref = `${rt.id}\u0000${key}`;
    for (const o of before) {
      if (after.some((a) => a.uid === o.uid)) continue;
      const set = this.dependents.get(o.uid);
      set?.delete(ref);
      if (set?.size === 0) this.dependents.delete(o.uid);
    }
    for (const o of after) {
      let set = this.dependents.get(o.uid);
      if (!set) this.dependents.set(o.uid, (set = new Map()));
      set.set(ref, { rt, key });
    }
  }
}
