import { ResourceView } from '../../../components/ResourceView';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { useHostEvent } from '../../../state/useHostEvent';
import type { MonitoringRoute } from '../monitoringRoute';
import { PromExplorer } from './PromExplorer';
import { SourceList } from './SourceList';

interface Props {
  route: MonitoringRoute;
  onRoute(patch: Partial<MonitoringRoute>): void;
}

/** Prometheus sources (add, edit, test, remove) and the PromQL explorer on one of them. */
export function PrometheusSection({ route, onRoute }: Props) {
  const sources = useNewestAnswer('prom.sources', {});
  useHostEvent('prom.sourcesChanged', sources.receive);
  return (
    <section aria-label="Prometheus">
      <ResourceView resource={sources.resource} onRetry={sources.load} loadingLabel="Loading Prometheus sources…" errorTitle="Could not list Prometheus sources">
        {(data) => (
          <>
            <SourceList data={data} onChanged={sources.receive} />
            {data.sources.length > 0 && <PromExplorer sources={data.sources} route={route} onRoute={onRoute} />}
          </>
        )}
      </ResourceView>
    </section>
  );
}
