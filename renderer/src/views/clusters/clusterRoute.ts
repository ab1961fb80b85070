import type { ObjectSort, PodPhase, PodSort, SortDirection } from '@contract';
import { OBJECT_SORTS, POD_PHASES, POD_SORTS } from '@contract/types';
import { directionOf, hashWithQuery, oneOf, splitHash } from '../../components/hashQuery';
import { BROWSER_KINDS, browserKindOf, isClusterScoped, objectKey, type BrowserKind } from '../../components/k8s/kinds';

/** What the Clusters tab shows, kept in the hash query (#/clusters?ctx=…&kind=…) so it survives tab switches and reloads. */
export interface ClusterRoute {
  context: string | null;
  kind: BrowserKind;
  namespace: string | null;
  labelSelector: string;
  text: string;
  /** Only objects whose health is warning or error (not for pods, which filter by phase). */
  problems: boolean;
  phase: PodPhase | null;
  sort: PodSort | ObjectSort;
  dir: SortDirection;
  /** The object open in the detail pane, as objectKey() writes it. */
  selected: string | null;
}

export const DEFAULT_ROUTE: ClusterRoute = {
  context: null,
  kind: 'pods',
  namespace: null,
  labelSelector: '',
  text: '',
  problems: false,
  phase: null,
  sort: 'name',
  dir: 'asc',
  selected: null,
};

const PARAMS: Record<keyof ClusterRoute, string> = {
  context: 'ctx',
  kind: 'kind',
  namespace: 'ns',
  labelSelector: 'sel',
  text: 'q',
  problems: 'problems',
  phase: 'phase',
  sort: 'sort',
  dir: 'dir',
  selected: 'obj',
};

/** The sorts the host offers for a kind. */
export const sortsOf = (kind: BrowserKind): readonly (PodSort | ObjectSort)[] => (kind === 'pods' ? POD_SORTS : OBJECT_SORTS);

export function routeFromHash(hash: string): ClusterRoute {
  const { params } = splitHash(hash);
  const kind = oneOf(BROWSER_KINDS, params.get(PARAMS.kind)) ?? DEFAULT_ROUTE.kind;
  return {
    context: params.get(PARAMS.context) || null,
    kind,
    namespace: params.get(PARAMS.namespace) || null,
    labelSelector: params.get(PARAMS.labelSelector) ?? '',
    text: params.get(PARAMS.text) ?? '',
    problems: kind !== 'pods' && params.get(PARAMS.problems) === 'true',
    phase: kind === 'pods' ? oneOf(POD_PHASES, params.get(PARAMS.phase)) : null,
    sort: oneOf(sortsOf(kind), params.get(PARAMS.sort)) ?? DEFAULT_ROUTE.sort,
    dir: directionOf(params.get(PARAMS.dir)) ?? DEFAULT_ROUTE.dir,
    selected: params.get(PARAMS.selected) || null,
  };
}

/** The hash with the route written into its query; defaults are left out, other parameters kept. */
export const hashWithRoute = (hash: string, route: ClusterRoute): string => hashWithQuery(hash, PARAMS, route, DEFAULT_ROUTE);

/** Switching kinds keeps the namespace, selector and text; what only one kind understands starts over. */
export const kindPatch = (kind: BrowserKind): Partial<ClusterRoute> => ({ kind, phase: null, problems: false, sort: 'name', dir: 'asc', selected: null });

/** The route that opens an object named by its API kind ("Deployment", "pod"), or null when the browser does not list that kind. */
export function openPatch(apiKind: string, namespace: string | null, name: string): Partial<ClusterRoute> | null {
  const kind = browserKindOf(apiKind);
  return kind && name ? { ...kindPatch(kind), selected: objectKey(isClusterScoped(kind) ? null : namespace, name) } : null;
}
