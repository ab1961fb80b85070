/** JSON merge patch (RFC 7386): maps merge, null removes a key, anything else replaces. */
import { clone, isPlainObject } from '../json';

/** Returns a new value; `target` is not changed (unchanged branches are shared with it). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
