import type { DockerContainerSort, DockerContainerState, SortDirection } from '@contract';
import { DOCKER_CONTAINER_SORTS, DOCKER_CONTAINER_STATES } from '@contract/types';
import { directionOf, hashWithQuery, oneOf, splitHash } from '../../components/hashQuery';

export const CONTAINER_SECTIONS = ['containers', 'events', 'images', 'volumes'] as const;
export type ContainerSection = (typeof CONTAINER_SECTIONS)[number];

export const DETAIL_TABS = ['stats', 'logs', 'inspect', 'events'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/** What the Containers tab shows, kept in the hash query (#/containers?engine=…) so it survives tab switches and reloads. */
export interface ContainersRoute {
  /** null: every engine (containers and events); images, volumes and prune use the first connected one. */
  engine: string | null;
  section: ContainerSection;
  text: string;
  state: DockerContainerState | null;
  project: string | null;
  sort: DockerContainerSort;
  dir: SortDirection;
  /** The open container, as containerKey() writes it. */
  selected: string | null;
  detailTab: DetailTab;
  /** The event timeline's filters: an object type and the start of an action. */
  eventType: string;
  eventAction: string;
}

export const DEFAULT_CONTAINERS_ROUTE: ContainersRoute = {
  engine: null,
  section: 'containers',
  text: '',
  state: null,
  project: null,
  sort: 'name',
  dir: 'asc',
  selected: null,
  detailTab: 'stats',
  eventType: '',
  eventAction: '',
};

const PARAMS: Record<keyof ContainersRoute, string> = {
  engine: 'engine',
  section: 'view',
  text: 'q',
  state: 'state',
  project: 'project',
  sort: 'sort',
  dir: 'dir',
  selected: 'c',
  detailTab: 'pane',
  eventType: 'etype',
  eventAction: 'eaction',
};

/** "engine:id": the id is hex, so the last colon splits it even when the engine's name has colons. */
export const containerKey = (engine: string, id: string): string => `${engine}:${id}`;

export function parseContainerKey(key: string): { engine: string; id: string } | null {
  const at = key.lastIndexOf(':');
  const id = key.slice(at + 1);
  if (at <= 0 || !/^[a-f0-9]{12,64}$/.test(id)) return null;
  return { engine: key.slice(0, at), id };
}

export function containersRouteFromHash(hash: string): ContainersRoute {
  const { params } = splitHash(hash);
  const get = (key: keyof ContainersRoute) => params.get(PARAMS[key]);
  const selected = get('selected');
  return {
    engine: get('engine') || null,
    section: oneOf(CONTAINER_SECTIONS, get('section')) ?? DEFAULT_CONTAINERS_ROUTE.section,
    text: get('text') ?? '',
    state: oneOf(DOCKER_CONTAINER_STATES, get('state')),
    project: get('project') || null,
    sort: oneOf(DOCKER_CONTAINER_SORTS, get('sort')) ?? DEFAULT_CONTAINERS_ROUTE.sort,
    dir: directionOf(get('dir')) ?? DEFAULT_CONTAINERS_ROUTE.dir,
    selected: selected && parseContainerKey(selected) ? selected : null,
    detailTab: oneOf(DETAIL_TABS, get('detailTab')) ?? DEFAULT_CONTAINERS_ROUTE.detailTab,
    eventType: get('eventType') ?? '',
    eventAction: get('eventAction') ?? '',
  };
}

export const hashWithContainersRoute = (hash: string, route: ContainersRoute): string => hashWithQuery(hash, PARAMS, route, DEFAULT_CONTAINERS_ROUTE);
