/** What every cached object has: its cache key and where it lives. */
export interface Projected {
  /** "namespace/name", or the name of a cluster-scoped object. */
  key: string;
  namespace: string | null;
  name: string;
}

/** Structural equality of two projections (plain JSON), so a write that changes nothing we show is not a change. */
export function sameProjection(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!sameProjection((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
