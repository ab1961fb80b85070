import type { MatchedRoute } from '../../contract';
import { matchesAll } from '../rules/matchers';
import { sortedLabels } from '../rules/labels';
import type { Route } from './routeConfig';

export type Labels = Record<string, string>;

/** A route an alert takes and whether matching went on past it. */
export interface RouteMatch {
  route: Route;
  continued: boolean;
}

/**
 * The routes an alert takes, as Alertmanager walks the tree: depth first; a route that matches
 * and has no matching child is taken itself; the first matching child ends the walk of its siblings
 * unless it has continue. The root matches every alert.
 */
export function matchRoutes(route: Route, labels: Labels): RouteMatch[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: RouteMatch[] = [];
  for (const child of route.routes) {
    const matched = matchRoutes(child, labels);
    all.push(...matched);
    if (matched.length && !child.continue) break;
  }
  return all.length ? all : [{ route, continued: route.continue }];
}

/** The labels an alert is grouped by on a route: the group_by labels it has, or all of them for '...'. */
export function groupLabels(route: Route, labels: Labels): Labels {
  if (route.groupBy === '...') return sortedLabels(labels);
  return sortedLabels(Object.fromEntries(route.groupBy.filter((name) => Object.hasOwn(labels, name)).map((name) => [name, labels[name]!])));
}

/** Alertmanager's group key: the route's key and the group labels. */
export function groupKey(route: Route, group: Labels): string {
  const text = Object.entries(group)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ');
  return `${route.key}:{${text}}`;
}

/** A matched route as the route tester shows it. */
export function describeMatch({ route, continued }: RouteMatch, labels: Labels): MatchedRoute {
  const group = groupLabels(route, labels);
  return {
    path: route.path,
    line: route.line,
    receiver: route.receiver,
    matchers: route.matchers,
    groupBy: route.groupBy,
    groupLabels: group,
    groupKey: groupKey(route, group),
    groupWaitMs: route.groupWaitMs,
    groupIntervalMs: route.groupIntervalMs,
    repeatIntervalMs: route.repeatIntervalMs,
    continued,
  };
}
