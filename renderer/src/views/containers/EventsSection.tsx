import { ResourceView } from '../../components/ResourceView';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import type { ContainersRoute } from './containersRoute';
import { EventTimeline } from './EventTimeline';
import { FilterSelect } from './FilterSelect';
import { useDockerChanged } from './useDockerChanged';

const TYPES = ['container', 'image', 'volume', 'network'];
const ACTIONS = ['create', 'start', 'stop', 'die', 'kill', 'oom', 'restart', 'pause', 'unpause', 'destroy', 'health_status'];

interface Props {
  route: ContainersRoute;
  onRoute(patch: Partial<ContainersRoute>): void;
}

/** The engines' event stream as a time line, filtered by object type and action. */
export function EventsSection({ route, onRoute }: Props) {
  const query = {
    ...(route.engine ? { engine: route.engine } : {}),
    ...(route.eventType ? { type: route.eventType } : {}),
    ...(route.eventAction ? { action: route.eventAction } : {}),
    limit: 500,
  };
  const { resource, refresh } = useRefreshingCall('docker.events', query);
  useDockerChanged(route.engine, ['events'], refresh);
  return (
    <section aria-labelledby="events-title">
      <div className="section-head">
        <h2 id="events-title">Events</h2>
      </div>
      <div className="pod-filters" role="search" aria-label="Filter events">
        <FilterSelect label="Type" value={route.eventType} anyLabel="Any type" options={TYPES} onChange={(eventType) => onRoute({ eventType })} />
        <FilterSelect label="Action" value={route.eventAction} anyLabel="Any action" options={ACTIONS} onChange={(eventAction) => onRoute({ eventAction })} />
      </div>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading events…" errorTitle="Could not read the events">
        {(events) => <EventTimeline events={events} showEngine={route.engine === null} />}
      </ResourceView>
    </section>
  );
}
