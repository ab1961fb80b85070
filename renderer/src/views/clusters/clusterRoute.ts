import type { PodPhase, PodSort, SortDirection } from '@contract';
import { POD_PHASES, POD_SORTS } from '@contract/types';

/** What the Clusters tab shows, kept in the hash query (#/clusters?ctx=…&ns=…) so it survives tab switches and reloads. */
export interface ClusterRoute {
  context: string | null;
  namespace: string | null;
  labelSelector: string;
  text: string;
  phase: PodPhase | null;
  sort: PodSort;
  dir: SortDirection;
}

export const DEFAULT_ROUTE: ClusterRoute = {
  context: null,
  namespace: null,
  labelSelector: '',
  text: '',
  phase: null,
  sort: 'name',
  dir: 'asc',
};

const PARAMS = { context: 'ctx', namespace: 'ns', labelSelector: 'sel', text: 'q', phase: 'phase', sort: 'sort', dir: 'dir' } as const;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

function splitHash(hash: string): { path: string; params: URLSearchParams } {
  const q = hash.indexOf('?');
  return q === -1 ? { path: hash, params: new URLSearchParams() } : { path: hash.slice(0, q), params: new URLSearchParams(hash.slice(q + 1)) };
}

export function routeFromHash(hash: string): ClusterRoute {
  const { params } = splitHash(hash);
  return {
    context: params.get(PARAMS.context) || null,
    namespace: params.get(PARAMS.namespace) || null,
    labelSelector: params.get(PARAMS.labelSelector) ?? '',
    text: params.get(PARAMS.text) ?? '',
    phase: oneOf(POD_PHASES, params.get(PARAMS.phase)),
    sort: oneOf(POD_SORTS, params.get(PARAMS.sort)) ?? DEFAULT_ROUTE.sort,
    dir: oneOf(['asc', 'desc'] as const, params.get(PARAMS.dir)) ?? DEFAULT_ROUTE.dir,
  };
}

/** The hash with the route written into its query; defaults are left out, other parameters kept. */
export function hashWithRoute(hash: string, route: ClusterRoute): string {
  const { path, params } = splitHash(hash);
  for (const key of Object.keys(PARAMS) as (keyof ClusterRoute)[]) {
    const value = route[key];
    if (value === null || value === '' || value === DEFAULT_ROUTE[key]) params.delete(PARAMS[key]);
    else params.set(PARAMS[key], value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
