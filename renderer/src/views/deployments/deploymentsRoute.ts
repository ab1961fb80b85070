import type { SortDirection } from '@contract';
import { directionOf, hashWithQuery, oneOf, splitHash } from '../../components/hashQuery';

export const DEPLOYMENT_SORTS = ['context', 'namespace', 'name', 'ready', 'age'] as const;
export type DeploymentSort = (typeof DEPLOYMENT_SORTS)[number];
/** The deployments table, or the readiness findings of the watched clusters' workloads. */
export const DEPLOYMENT_SECTIONS = ['list', 'readiness'] as const;
export type DeploymentSection = (typeof DEPLOYMENT_SECTIONS)[number];

/** What the Deployments tab shows, kept in the hash query so it survives tab switches and reloads. */
export interface DeploymentsRoute {
  section: DeploymentSection;
  text: string;
  sort: DeploymentSort;
  dir: SortDirection;
  /** The open deployment: its context and "namespace/name". */
  context: string | null;
  selected: string | null;
}

export const DEFAULT_DEPLOYMENTS_ROUTE: DeploymentsRoute = { section: 'list', text: '', sort: 'name', dir: 'asc', context: null, selected: null };

const PARAMS: Record<keyof DeploymentsRoute, string> = { section: 'view', text: 'q', sort: 'sort', dir: 'dir', context: 'ctx', selected: 'obj' };

export function deploymentsRouteFromHash(hash: string): DeploymentsRoute {
  const { params } = splitHash(hash);
  const context = params.get(PARAMS.context) || null;
  const selected = params.get(PARAMS.selected) || null;
  return {
    section: oneOf(DEPLOYMENT_SECTIONS, params.get(PARAMS.section)) ?? DEFAULT_DEPLOYMENTS_ROUTE.section,
    text: params.get(PARAMS.text) ?? '',
    sort: oneOf(DEPLOYMENT_SORTS, params.get(PARAMS.sort)) ?? DEFAULT_DEPLOYMENTS_ROUTE.sort,
    dir: directionOf(params.get(PARAMS.dir)) ?? DEFAULT_DEPLOYMENTS_ROUTE.dir,
    // An open deployment needs both halves.
    context: context && selected ? context : null,
    selected: context && selected ? selected : null,
  };
}

export const hashWithDeploymentsRoute = (hash: string, route: DeploymentsRoute): string => hashWithQuery(hash, PARAMS, route, DEFAULT_DEPLOYMENTS_ROUTE);
