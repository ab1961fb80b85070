import { useHostEvent } from '../../state/useHostEvent';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import type { RunbooksRoute } from './runbooksRoute';

/** The search answer for the route's query and filters, asked again when the library changes on disk. */
export function useRunbookSearch(route: RunbooksRoute) {
  const call = useRefreshingCall('runbooks.search', {
    text: route.text,
    ...(route.category && { category: route.category }),
    ...(route.severity && { severity: route.severity }),
    ...(route.tag && { tag: route.tag }),
    limit: 100,
  });
  useHostEvent('runbooks.changed', call.refresh);
  return call;
}
