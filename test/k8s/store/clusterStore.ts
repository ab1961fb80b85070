/**
 * The store as tests use it: typed reads and writes that follow the API's rules (as a trusted
 * writer), pod logs, metrics, bulk seeding and churn, log compaction, and waiting for the
 * controllers to settle. Reads return copies; the stored objects themselves never change.
 */
import { type DeleteOptions, Operations, type WriteOptions } from '../api/operations';
import { ControllerManager, type ControllerOptions } from '../controllers/manager';
import { errors } from '../errors';
import { clone, isPlainObject } from '../json';
import { type PatchType } from '../patch';
import { resourceForKind, resourceNamed, type ResourceType } from '../resources';
import { fieldMatcher, parseFieldSelector } from '../selectors/fields';
import { labelMatcher, parseLabelSelector } from '../selectors/labels';
import { Churn, type ChurnOptions } from '../sim/churn';
import { MetricsSource } from '../sim/metrics';
import { PodLogs } from '../sim/podLogs';
import { seedStore, type SeedOptions, type SeedResult } from '../sim/seed';
import { type Clock, systemClock } from '../time';
import type { K8sObject } from '../types';
import type { Change, ChangeType } from './changeLog';
import { keyOf, ObjectStore } from './objectStore';
import { SnapshotReader } from './snapshot';

export interface ClusterStoreOptions {
  /** How many changes the log keeps; watches and continue tokens older than that get 410 (default 10,000). */
  logWindow?: number;
  controllers?: ControllerOptions;
  clock?: Clock;
  /** Create default, kube-system, kube-public and kube-node-lease (default true). */
  bootstrap?: boolean;
  /** Lines kept per container log (default 10,000). */
  maxLogLines?: number;
}

export type ResourceName = string | ResourceType;

export interface ListFilter {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ChangeSummary {
  type: ChangeType;
  resource: string;
  namespace?: string;
  name: string;
  resourceVersion: string;
  origin: string;
}

const STORE_WRITE: WriteOptions = { origin: 'store', trusted: true };
const BOOT_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export class ClusterStore {
  readonly objects: ObjectStore;
  readonly ops: Operations;
  readonly snapshots: SnapshotReader;
  readonly controllers: ControllerManager;
  readonly logs: PodLogs;
  readonly metrics = new MetricsSource();
  readonly clock: Clock;
  private churns = new Set<Churn>();

  constructor(private options: ClusterStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.objects = new ObjectStore(options.logWindow ?? 10_000);
    this.ops = new Operations(this.objects, this.clock);
    this.snapshots = new SnapshotReader(this.objects);
    this.logs = new PodLogs(options.maxLogLines);
    this.controllers = new ControllerManager(this.ops, this.clock, options.controllers);
    this.objects.subscribe((c) => this.onChange(c));
    this.controllers.start();
    if (options.bootstrap !== false) this.bootstrap();
  }

  /** The current resourceVersion. */
  get resourceVersion(): string {
    return String(this.objects.resourceVersion);
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResourceVersion(): string {
    return String(this.objects.log.startRV);
  }

  get(resource: ResourceName, namespace: string | undefined, name: string): K8sObject | undefined {
    const rt = resourceNamed(resource);
    const obj = this.objects.get(rt, keyOf(rt, namespace, name));
    return obj && clone(obj);
  }

  /** Objects in key order (namespace, then name), optionally filtered as a LIST would be. */
  list(resource: ResourceName, filter: ListFilter = {}): K8sObject[] {
    const rt = resourceNamed(resource);
    const labels = labelMatcher(parseLabelSelector(filter.labelSelector ?? ''));
    const fields = fieldMatcher(parseFieldSelector(filter.fieldSelector ?? '', rt), rt);
    const page = this.snapshots.readPage({
      rt,
      namespace: filter.namespace,
      snapshotRV: this.objects.resourceVersion,
      limit: 0,
      filter: (o) => labels(o.metadata.labels) && fields(o),
    });
    return page.items.map((o) => clone(o));
  }

  count(resource: ResourceName, namespace?: string): number {
    const rt = resourceNamed(resource);
    if (namespace === undefined) return this.objects.count(rt);
    let n = 0;
    for (const _ of this.objects.objects(rt, namespace)) n++;
    return n;
  }

  /** Creates an object; its kind comes from apiVersion and kind. Status given with it is kept. */
  create<T extends K8sObject>(obj: T): T {
    const rt = this.kindOf(obj);
    return clone(this.ops.create(rt, obj.metadata?.namespace, obj, STORE_WRITE)) as T;
  }

  /** Replaces an object (a stale metadata.resourceVersion gives 409, as over HTTP). */
  update<T extends K8sObject>(obj: T): T {
    const rt = this.kindOf(obj);
    return clone(this.ops.update(rt, obj.metadata.namespace, obj.metadata.name ?? '', obj, STORE_WRITE)) as T;
  }

  patch(resource: ResourceName, namespace: string | undefined, name: string, patch: unknown, type: PatchType = 'merge'): K8sObject {
    return clone(this.ops.patch(resourceNamed(resource), namespace, name, type, patch, STORE_WRITE));
  }

  /** Changes an object with a function on a copy of it; returns the stored result. */
  mutate(resource: ResourceName, namespace: string | undefined, name: string, change: (obj: K8sObject) => K8sObject | void): K8sObject {
    const rt = resourceNamed(resource);
    const current = clone(this.ops.get(rt, namespace, name));
    const next = change(current) ?? current;
    return clone(this.ops.update(rt, namespace, name, next, STORE_WRITE));
  }

  delete(resource: ResourceName, namespace: string | undefined, name: string, options: DeleteOptions = {}): K8sObject {
    return clone(this.ops.delete(resourceNamed(resource), namespace, name, options, STORE_WRITE));
  }

  /** Appends lines to a container's log (default: the pod's first container); followers see them at once. */
  appendLog(namespace: string, pod: string, lines: string | string[], opts: { container?: string; previous?: boolean; time?: Date } = {}): void {
    const obj = this.ops.get(resourceNamed('pods'), namespace, pod);
    const containers = containerNames(obj);
    const container = opts.container ?? containers[0];
    if (!container || !containers.includes(container)) throw errors.badRequest(`container ${String(container)} is not valid for pod ${pod}`);
    this.logs.append(namespace, pod, container, typeof lines === 'string' ? [lines] : lines, opts.time ?? this.clock(), opts.previous);
  }

  seed(options: SeedOptions): SeedResult {
    return seedStore(this.objects, this.ops, this.clock(), options);
  }

  /** Starts modifying pods at a steady rate; see `Churn`. */
  churn(options: ChurnOptions): Churn {
    const churn = new Churn(this.objects, options);
    this.churns.add(churn);
    void churn.done.then(() => this.churns.delete(churn));
    return churn;
  }

  stopChurns(): void {
    for (const c of [...this.churns]) c.stop();
  }

  /** Forgets the change log (watches from any earlier resourceVersion get 410); `bump` first moves the resourceVersion on. */
  compact(bump = true): void {
    this.objects.compact(bump);
  }

  /** Removes everything (no events), compacts, and bootstraps the default namespaces again unless told not to. */
  reset(): void {
    this.stopChurns();
    this.objects.clear();
    this.logs.clear();
    this.metrics.clear();
    if (this.options.bootstrap !== false) this.bootstrap();
  }

  /** Changes still in the log after a resourceVersion, oldest first. */
  changesSince(resourceVersion: string | number): ChangeSummary[] {
    const rv = Number(resourceVersion);
    if (rv < this.objects.log.startRV) throw errors.expired(`too old resource version: ${rv} (${this.objects.log.startRV})`);
    return [...this.objects.log.since(rv)].map((c) => ({
      type: c.type,
      resource: c.resource.id,
      ...(c.object.metadata.namespace ? { namespace: c.object.metadata.namespace } : {}),
      name: c.object.metadata.name ?? '',
      resourceVersion: c.object.metadata.resourceVersion ?? '',
      origin: c.origin,
    }));
  }

  /** Resolves once the controllers have acted on every change so far. */
  async settled(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await this.controllers.idle();
      await new Promise((r) => setImmediate(r));
      await this.controllers.idle();
      if (await this.quiet()) return;
    }
  }

  close(): void {
    this.stopChurns();
    this.controllers.stop();
    this.logs.endAll();
  }

  private async quiet(): Promise<boolean> {
    const rv = this.objects.resourceVersion;
    await new Promise((r) => setImmediate(r));
    return rv === this.objects.resourceVersion;
  }

  private kindOf(obj: K8sObject): ResourceType {
    const rt = isPlainObject(obj) ? resourceForKind(String(obj.apiVersion), String(obj.kind)) : undefined;
    if (!rt) throw errors.badRequest(`no kind "${String(obj?.kind)}" is registered for version "${String(obj?.apiVersion)}"`);
    return rt;
  }

  private bootstrap(): void {
    for (const name of BOOT_NAMESPACES) {
      if (!this.get('namespaces', undefined, name)) {
        this.ops.create(resourceNamed('namespaces'), undefined, { metadata: { name }, status: { phase: 'Active' } }, { origin: 'bootstrap', trusted: true });
      }
    }
  }

  private onChange(change: Change): void {
    if (change.type === 'DELETED' && change.resource.id === 'pods') {
      this.logs.endPod(change.object.metadata.namespace ?? '', change.object.metadata.name ?? '');
    }
  }
}

export function containerNames(pod: K8sObject): string[] {
  const spec = pod.spec;
  if (!isPlainObject(spec) || !Array.isArray(spec.containers)) return [];
  return spec.containers.map((c) => (isPlainObject(c) ? String(c.name) : '')).filter(Boolean);
}
