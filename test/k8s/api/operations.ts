/**
 * The API's write rules, shared by HTTP requests, the controllers and the tests' own store calls:
 * create (defaults, validation, AlreadyExists), update (optimistic concurrency, status kept apart,
 * generation), patch, delete (preconditions, garbage collection, namespace cascade) and scale.
 */
import { errors, successStatus, type Status } from '../errors';
import { clone, deepEqual, isPlainObject, withoutNulls } from '../json';
import { applyPatch, type PatchType } from '../patch';
import { RESOURCES, resourceNamed, type ResourceType } from '../resources';
import { formatLabelSelector } from '../selectors/labels';
import { keyOf, type ObjectStore } from '../store/objectStore';
import { type Clock, rfc3339 } from '../time';
import type { K8sObject, LabelSelector } from '../types';
import { applyDefaults, initialStatus } from './defaults';
import { podUpdateErrors, validateObject } from './validation';

export interface WriteOptions {
  /** Recorded on the change: "api", "controller", "store", ... */
  origin: string;
  /**
   * Trusted writers (the tests' store calls and the controllers) may set status with the object,
   * keep status on create and change pod specs; clients (origin "api") may not.
   */
  trusted: boolean;
  dryRun?: boolean;
  subresource?: 'status';
}

export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

export interface Scale extends K8sObject {
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

const NAMESPACES = resourceNamed('namespaces');
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function gr(rt: ResourceType) {
  return { group: rt.group, resource: rt.resource };
}

function withoutRV(o: K8sObject): K8sObject {
  const { resourceVersion: _rv, ...metadata } = o.metadata;
  return { ...o, metadata };
}

export class Operations {
  private generated = 0;
  private clusterIPs = 0;

  constructor(
    readonly store: ObjectStore,
    private clock: Clock,
  ) {}

  get(rt: ResourceType, namespace: string | undefined, name: string): K8sObject {
    const obj = this.store.get(rt, keyOf(rt, namespace, name));
    if (!obj) throw errors.notFound(gr(rt), name);
    return obj;
  }

  find(rt: ResourceType, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.store.get(rt, keyOf(rt, namespace, name));
  }

  create(rt: ResourceType, namespace: string | undefined, body: unknown, opts: WriteOptions): K8sObject {
    const obj = this.fromBody(rt, body);
    const meta = obj.metadata;
    this.placeNamespace(rt, obj, namespace);
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${this.suffix()}`;
    if (meta.resourceVersion) {
      if (!opts.trusted) throw errors.internal('resourceVersion should not be set on objects to be created');
      delete meta.resourceVersion;
    }
    meta.uid = this.store.nextUid();
    meta.creationTimestamp = rfc3339(this.clock());
    delete meta.deletionTimestamp;
    if (rt.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    applyDefaults(rt, obj, this);
    if (!opts.trusted) {
      const status = initialStatus(rt, obj);
      if (status === undefined) delete obj.status;
      else obj.status = status;
    }
    this.check(rt, obj);
    if (rt.namespaced) this.checkNamespaceOpen(meta.namespace as string);
    if (this.find(rt, meta.namespace, meta.name as string)) throw errors.alreadyExists(gr(rt), meta.name as string);
    if (opts.dryRun) return obj;
    return this.store.write(rt, obj, opts.origin);
  }

  update(rt: ResourceType, namespace: string | undefined, name: string, body: unknown, opts: WriteOptions): K8sObject {
    const old = this.get(rt, namespace, name);
    const obj = this.fromBody(rt, body);
    const meta = obj.metadata;
    if (meta.name !== undefined && meta.name !== name) throw errors.badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    if (rt.namespaced && meta.namespace !== undefined && meta.namespace !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) throw errors.staleWrite(gr(rt), name);
    if (meta.uid && meta.uid !== old.metadata.uid) {
      throw errors.conflict(gr(rt), name, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    let next: K8sObject;
    if (opts.subresource === 'status') {
      next = { ...clone(old), status: clone(obj.status) };
    } else {
      next = obj;
      const keepsStatus = !opts.trusted && rt.subresources.includes('status');
      if (keepsStatus || !Object.hasOwn(obj, 'status')) {
        if (old.status === undefined) delete next.status;
        else next.status = clone(old.status);
      }
      next.metadata = {
        ...meta,
        name,
        ...(rt.namespaced ? { namespace } : {}),
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
      };
      if (!rt.namespaced) delete next.metadata.namespace;
      if (old.metadata.deletionTimestamp) next.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      else delete next.metadata.deletionTimestamp;
      applyDefaults(rt, next, this);
      if (rt.hasGeneration) {
        const gen = old.metadata.generation ?? 1;
        next.metadata.generation = deepEqual(old.spec, next.spec) ? gen : gen + 1;
      } else delete next.metadata.generation;
    }
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    this.check(rt, next, old, opts);
    if (deepEqual(next, old)) return old;
    if (opts.dryRun) return next;
    return this.store.write(rt, withoutRV(next), opts.origin);
  }

  patch(rt: ResourceType, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions): K8sObject {
    const old = this.get(rt, namespace, name);
    const patched = this.patched(type, old, patch);
    const rv = isPlainObject(patched.metadata) ? patched.metadata.resourceVersion : undefined;
    if (rv !== undefined && rv !== old.metadata.resourceVersion) throw errors.staleWrite(gr(rt), name);
    return this.update(rt, namespace, name, patched, opts);
  }

  /** Deletes one object (a namespace with everything in it; dependents by ownerReferences). Returns its last state. */
  delete(rt: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions, opts: WriteOptions): K8sObject {
    const old = this.get(rt, namespace, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw errors.conflict(gr(rt), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(
        gr(rt),
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
      );
    }
    if (opts.dryRun) return old;
    if (rt === NAMESPACES) return this.deleteNamespace(old, opts);
    const gone = this.store.remove(rt, keyOf(rt, namespace, name), opts.origin) as K8sObject;
    const policy = options.propagationPolicy ?? (options.orphanDependents ? 'Orphan' : 'Background');
    this.collectDependents(gone, policy, opts);
    return gone;
  }

  /** The answer body for a DELETE: the object, or a Success Status for kinds that answer so. */
  deleteAnswer(rt: ResourceType, gone: K8sObject): K8sObject | Status {
    if (rt.deleteReturnsObject) return gone;
    return successStatus({ name: gone.metadata.name, ...(rt.group ? { group: rt.group } : {}), kind: rt.resource, uid: gone.metadata.uid });
  }

  scaleOf(rt: ResourceType, obj: K8sObject): Scale {
    const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
    const status = (obj.status ?? {}) as { replicas?: number };
    const m = obj.metadata;
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
      spec: { replicas: spec.replicas ?? 0 },
      status: { replicas: status.replicas ?? 0, selector: formatLabelSelector(spec.selector) },
    };
  }

  updateScale(rt: ResourceType, namespace: string | undefined, name: string, body: unknown, opts: WriteOptions): Scale {
    const old = this.get(rt, namespace, name);
    if (!isPlainObject(body)) throw errors.badRequest('the body of the request was in an unknown format');
    const meta = isPlainObject(body.metadata) ? body.metadata : {};
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) throw errors.staleWrite(gr(rt), name);
    const replicas = isPlainObject(body.spec) ? body.spec.replicas : undefined;
    if (replicas !== undefined && (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)) {
      throw errors.invalid('Scale', 'autoscaling', name, [
        { type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' },
      ]);
    }
    const next = clone(old);
    next.spec = { ...(next.spec as object), replicas: replicas ?? 0 };
    const updated = this.update(rt, namespace, name, next, { ...opts, trusted: true });
    return this.scaleOf(rt, updated);
  }

  patchScale(rt: ResourceType, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions): Scale {
    const scale = this.scaleOf(rt, this.get(rt, namespace, name));
    return this.updateScale(rt, namespace, name, this.patched(type, scale, patch), opts);
  }

  /** Used by defaulting. */
  allocateClusterIP(): string {
    const n = ++this.clusterIPs;
    return `10.96.${Math.floor(n / 250) % 256}.${(n % 250) + 1}`;
  }

  private patched(type: PatchType, target: K8sObject, patch: unknown): K8sObject {
    const result = applyPatch(type, target, patch);
    if (!isPlainObject(result)) throw errors.patchFailed('the patch did not produce an object');
    if (result.metadata !== undefined && !isPlainObject(result.metadata)) throw errors.patchFailed('metadata must be an object');
    return result as K8sObject;
  }

  private fromBody(rt: ResourceType, body: unknown): K8sObject {
    if (!isPlainObject(body)) throw errors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
    const obj = withoutNulls(body) as K8sObject;
    if (obj.apiVersion !== undefined && obj.apiVersion !== rt.apiVersion) {
      throw errors.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${rt.apiVersion})`);
    }
    if (obj.kind !== undefined && obj.kind !== rt.kind) {
      throw errors.badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${rt.kind})`);
    }
    if (obj.metadata === undefined) obj.metadata = {};
    if (!isPlainObject(obj.metadata)) throw errors.badRequest('metadata must be an object');
    const { apiVersion: _apiVersion, kind: _kind, metadata, ...rest } = obj;
    return { kind: rt.kind, apiVersion: rt.apiVersion, metadata, ...rest };
  }

  private placeNamespace(rt: ResourceType, obj: K8sObject, namespace: string | undefined): void {
    if (!rt.namespaced) {
      delete obj.metadata.namespace;
      return;
    }
    const given = obj.metadata.namespace;
    if (given !== undefined && given !== '' && namespace !== undefined && given !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace ?? given;
  }

  private check(rt: ResourceType, obj: K8sObject, old?: K8sObject, opts?: WriteOptions): void {
    const errs = validateObject(rt, obj, old);
    if (old && rt.id === 'pods' && opts && !opts.trusted && opts.subresource !== 'status') errs.push(...podUpdateErrors(obj, old));
    if (errs.length > 0) throw errors.invalid(rt.kind, rt.group, obj.metadata.name ?? '', errs);
  }

  private checkNamespaceOpen(namespace: string): void {
    const ns = this.store.get(NAMESPACES, namespace);
    if (!ns) throw errors.notFound(gr(NAMESPACES), namespace);
    if (ns.metadata.deletionTimestamp) {
      throw errors.forbidden(`unable to create new content in namespace ${namespace} because it is being terminated`, {
        name: namespace,
        kind: 'namespaces',
      });
    }
  }

  private deleteNamespace(old: K8sObject, opts: WriteOptions): K8sObject {
    const name = old.metadata.name as string;
    const terminating = this.store.write(
      NAMESPACES,
      {
        ...old,
        metadata: { ...old.metadata, deletionTimestamp: old.metadata.deletionTimestamp ?? rfc3339(this.clock()) },
        status: { phase: 'Terminating' },
      },
      opts.origin,
    );
    for (const rt of RESOURCES) {
      if (!rt.namespaced) continue;
      const keys = [...this.store.objects(rt, name)].map((o) => keyOf(rt, name, o.metadata.name as string));
      for (const key of keys) this.store.remove(rt, key, opts.origin);
    }
    this.store.remove(NAMESPACES, name, opts.origin);
    return terminating;
  }

  /** Garbage collection: dependents whose owners are all gone are deleted (or, when orphaned, released). */
  private collectDependents(owner: K8sObject, policy: string, opts: WriteOptions): void {
    const uid = owner.metadata.uid as string;
    for (const dep of this.store.dependentsOf(uid)) {
      const obj = this.store.get(dep.rt, dep.key);
      if (!obj) continue;
      const refs = obj.metadata.ownerReferences ?? [];
      const others = refs.filter((r) => r.uid !== uid);
      const othersAlive = others.some((r) => this.ownerExists(r.apiVersion, r.kind, obj.metadata.namespace, r.name, r.uid));
      if (policy === 'Orphan' || othersAlive) {
        const metadata: K8sObject['metadata'] = { ...obj.metadata, ownerReferences: others };
        if (others.length === 0) delete metadata.ownerReferences;
        this.store.write(dep.rt, { ...obj, metadata }, opts.origin);
        continue;
      }
      const gone = this.store.remove(dep.rt, dep.key, opts.origin);
      if (gone) this.collectDependents(gone, 'Background', opts);
    }
  }

  private ownerExists(apiVersion: string, kind: string, namespace: string | undefined, name: string, uid: string): boolean {
    const rt = RESOURCES.find((r) => r.apiVersion === apiVersion && r.kind === kind);
    if (!rt) return false;
    return this.store.get(rt, keyOf(rt, namespace, name))?.metadata.uid === uid;
  }

  private suffix(): string {
    let n = Math.imul(++this.generated, 2654435761) >>> 0;
    let out = '';
    for (let i = 0; i < 5; i++) {
      out += SUFFIX_ALPHABET[n % SUFFIX_ALPHABET.length];
      n = Math.floor(n / SUFFIX_ALPHABET.length);
    }
    return out;
  }
}
