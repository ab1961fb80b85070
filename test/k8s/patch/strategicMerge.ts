/**
 * Strategic merge patch, enough of it for kubectl: maps merge, null removes a key, lists of
 * known kinds merge by key (containers by name, ports by port, ...), `$patch: delete|replace`,
 * `$retainKeys` and `$deleteFromPrimitiveList/`; `$setElementOrder/` is accepted and ignored.
 * Lists without a known merge key are replaced, as for lists with no patch strategy.
 */
import { clone, isPlainObject } from '../json';

const BY_NAME = ['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'env', 'imagePullSecrets', 'resourceClaims', 'schedulingGates'];

/** The merge key for a list field, given one of its elements. */
function mergeKeyFor(field: string, sample: Record<string, unknown>): string | undefined {
  if (BY_NAME.includes(field)) return 'name';
  switch (field) {
    case 'ports':
      return 'containerPort' in sample ? 'containerPort' : 'port';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'hostAliases':
      return 'ip';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    default:
      return undefined;
  }
}

/** Primitive lists merged as sets. */
const SET_LISTS = ['finalizers'];

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(isPlainObject(v) && v.$patch !== undefined && Object.keys(v).length === 1)).map(stripDirectives);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/')) continue;
    if (v === null) continue;
    out[k] = stripDirectives(v);
  }
  return out;
}

function mergeList(field: string, current: unknown, patch: unknown[]): unknown[] {
  if (patch.some((el) => isPlainObject(el) && el.$patch === 'replace')) {
    return stripDirectives(patch.filter((el) => !(isPlainObject(el) && el.$patch === 'replace'))) as unknown[];
  }
  const base = Array.isArray(current) ? current : [];
  if (SET_LISTS.includes(field)) return [...base, ...patch.filter((v) => !base.includes(v))];
  const sample = patch.find(isPlainObject) ?? base.find(isPlainObject);
  const key = sample ? mergeKeyFor(field, sample) : undefined;
  if (!key || !Array.isArray(current)) return stripDirectives(patch) as unknown[];
  const result = [...base];
  for (const el of patch) {
    if (!isPlainObject(el) || el[key] === undefined) {
      result.push(clone(el));
      continue;
    }
    const at = result.findIndex((r) => isPlainObject(r) && r[key] === el[key]);
    if (el.$patch === 'delete') {
      if (at >= 0) result.splice(at, 1);
    } else if (at >= 0) {
      result[at] = applyStrategicMergePatch(result[at], el);
    } else {
      result.push(stripDirectives(el));
    }
  }
  return result;
}

/** Returns a new value; `target` is not changed. `undefined` means "delete this map". */
export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  if (patch.$patch === 'delete') return undefined;
  if (patch.$patch === 'replace') return stripDirectives(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(value) ? value : [];
      const list = result[field];
      if (Array.isArray(list)) result[field] = list.filter((v) => !drop.includes(v));
      continue;
    }
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key], value);
    else if (isPlainObject(value)) {
      const merged = applyStrategicMergePatch(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else result[key] = value;
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}
