import type { SortDirection } from '@contract';

/** Splits "#/tab?a=1" into the path and its query, which views use to keep their state in the URL. */
export function splitHash(hash: string): { path: string; params: URLSearchParams } {
  const q = hash.indexOf('?');
  return q === -1 ? { path: hash, params: new URLSearchParams() } : { path: hash.slice(0, q), params: new URLSearchParams(hash.slice(q + 1)) };
}

/** The value if it is one of `values`, else null: a hand-edited URL cannot put an unknown value in a view's state. */
export const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

const SORT_DIRECTIONS: readonly SortDirection[] = ['asc', 'desc'];

/** The sort direction a URL names, or null when it names none. */
export const directionOf = (v: string | null): SortDirection | null => oneOf(SORT_DIRECTIONS, v);

/**
 * The hash with `values` written into its query under the names in `params`; values equal to
 * their default (or empty) are left out, and parameters this route does not own are kept.
 */
export function hashWithQuery<R extends object>(hash: string, params: Record<keyof R, string>, values: R, defaults: R): string {
  const { path, params: query } = splitHash(hash);
  for (const key of Object.keys(params) as (keyof R)[]) {
    const value = values[key];
    if (value === null || value === '' || value === false || value === defaults[key]) query.delete(params[key]);
    else query.set(params[key], String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
