import { K8S_KINDS, type K8sKind, type K8sOwnerRef } from '../contract/types';
import { KIND_SPECS } from './kinds/registry';
import { listAt, objectAt, stringAt, type Json } from './kinds/read';

/** Owner chains are short (Pod, ReplicaSet, Deployment); this bounds a cycle a broken cluster could hold. */
const MAX_DEPTH = 10;

/** apimachinery's UnsafeGuessKindToResource: the lower-case plural the API uses for a kind. */
export function resourceOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The controller reference: the one owner that manages the object. */
export const controllerOf = (object: Json): Json | undefined =>
  listAt(objectAt(object.metadata).ownerReferences)
    .map(objectAt)
    .find((r) => r.controller === true);

/** Where an owner lives: its group-version and resource, in the child's namespace unless the kind is cluster-scoped. */
export function ownerPath(ref: Json, namespace: string | null): string {
  const apiVersion = stringAt(ref.apiVersion) ?? 'v1';
  const resource = resourceOf(stringAt(ref.kind) ?? '');
  const known = (K8S_KINDS as readonly string[]).includes(resource) ? KIND_SPECS[resource as K8sKind] : undefined;
  const namespaced = known ? known.namespaced : namespace !== null;
  const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const ns = namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${resource}/${encodeURIComponent(stringAt(ref.name) ?? '')}`;
}

/**
 * Follows controller references up from an object: each owner is read to find its own
 * controller. An owner that is gone, cannot be read, or has another uid (deleted and made
 * again under the same name) ends the chain with found: false.
 */
export async function ownerChain(object: Json, get: (path: string) => Promise<unknown>): Promise<K8sOwnerRef[]> {
  const chain: K8sOwnerRef[] = [];
  const namespace = stringAt(objectAt(object.metadata).namespace) || null;
  let ref = controllerOf(object);
  while (ref && chain.length < MAX_DEPTH) {
    const entry: K8sOwnerRef = { kind: stringAt(ref.kind) ?? '', name: stringAt(ref.name) ?? '', uid: stringAt(ref.uid) ?? '', found: false };
    chain.push(entry);
    let owner: Json;
    try {
      owner = objectAt(await get(ownerPath(ref, namespace)));
    } catch {
      return chain;
    }
    if (objectAt(owner.metadata).uid !== entry.uid) return chain;
    entry.found = true;
    ref = controllerOf(owner);
  }
  return chain;
}
