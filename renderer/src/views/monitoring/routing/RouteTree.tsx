import type { LabelMatcher, RouteGroupBy, RouteSummary } from '@contract';
import { formatInterval } from '../../../format/duration';

export const matchersText = (matchers: LabelMatcher[]): string => matchers.map((m) => `${m.name}${m.op}"${m.value}"`).join(', ');
export const groupByText = (g: RouteGroupBy): string => (g === '...' ? 'every label (...)' : g.join(', ') || 'nothing');
const pathKey = (path: number[]) => path.join('.');

/** A route and its children as nested lists; routes an alert took (by path) are highlighted. */
export function RouteTree({ route, matched }: { route: RouteSummary; matched: number[][] }) {
  const hit = matched.some((p) => pathKey(p) === pathKey(route.path));
  return (
    <ul className="route-tree__level">
      <li>
        <div className={`route-node${hit ? ' route-node--matched' : ''}`} data-route={pathKey(route.path) || 'root'} data-matched={hit || undefined}>
          <strong>{route.receiver}</strong> <span className="mono">{route.path.length === 0 ? '(root)' : `{${matchersText(route.matchers)}}`}</span>
          <span className="muted">
            {' '}
            group by {groupByText(route.groupBy)} · wait {formatInterval(route.groupWaitMs)} · interval {formatInterval(route.groupIntervalMs)} · repeat{' '}
            {formatInterval(route.repeatIntervalMs)}
            {route.continue && ' · continue'} · line {route.line}
          </span>
        </div>
        {route.routes.map((child) => (
          <RouteTree key={pathKey(child.path)} route={child} matched={matched} />
        ))}
      </li>
    </ul>
  );
}
