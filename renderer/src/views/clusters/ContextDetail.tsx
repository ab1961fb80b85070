import type { K8sContextInfo, K8sLaggingDeployment } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { formatTime } from '../../format/time';
import { useHostEvent } from '../../state/useHostEvent';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { ClusterOverview } from './ClusterOverview';
import type { ClusterRoute } from './clusterRoute';
import { PodsSection } from './PodsSection';
import { ScaleDialog } from './ScaleDialog';

interface Props {
  context: K8sContextInfo;
  route: ClusterRoute;
  onRoute(patch: Partial<ClusterRoute>): void;
}

/** Why an enabled context is not (or no longer) connected, in the server's words, and when Opsdeck tries again. */
function ConnectionProblem({ context }: { context: K8sContextInfo }) {
  if (context.state === 'connected' || context.state === 'connecting' || !context.message) return null;
  return (
    <div className="load-error" role="alert">
      <div>
        <strong>
          {context.name} is {context.state}
        </strong>
        <p className="load-error__message">{context.message}</p>
        {context.nextRetryAt !== null && <p className="load-error__message">Opsdeck tries again at {formatTime(context.nextRetryAt)}.</p>}
      </div>
    </div>
  );
}

/** One enabled context: its health in figures and its pods. */
export function ContextDetail({ context, route, onRoute }: Props) {
  const { resource, refresh } = useRefreshingCall('k8s.overview', { context: context.name });
  useHostEvent('k8s.changed', (change) => change.context === context.name && refresh());
  // A state change (connected, unreachable, …) shows in the overview's kind notes too.
  useHostEvent('k8s.contextsChanged', refresh);
  const [scaling, setScaling] = useState<K8sLaggingDeployment | null>(null);

  return (
    <div className="context-detail" data-testid="context-detail" data-context={context.name}>
      <div className="section-head">
        <h2>{context.name}</h2>
        <span className="muted mono">{context.server}</span>
      </div>
      <ConnectionProblem context={context} />
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading the cluster overview…" errorTitle="Could not load the overview">
        {(overview) => <ClusterOverview overview={overview} onScale={setScaling} />}
      </ResourceView>
      {scaling && <ScaleDialog context={context.name} deployment={scaling} onClose={() => setScaling(null)} />}
      <PodsSection context={context.name} route={route} onRoute={onRoute} />
    </div>
  );
}
