import type { ActionResult, K8sContextInfo, K8sLaggingWorkload } from '@contract';
import { useState } from 'react';
import { ScaleDialog } from '../../components/k8s/ScaleDialog';
import { useK8sChanged } from '../../components/k8s/useK8sChanged';
import { ResourceView } from '../../components/ResourceView';
import { formatTime } from '../../format/time';
import { useHostEvent } from '../../state/useHostEvent';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { ClusterOverview } from './ClusterOverview';
import { openPatch, type ClusterRoute } from './clusterRoute';
import { ResourceBrowser } from './ResourceBrowser';

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

const OVERVIEW_KINDS = ['namespaces', 'nodes', 'pods', 'deployments', 'statefulsets', 'daemonsets', 'events'] as const;

/** One enabled context: its health in figures, and a browser of its objects. */
export function ContextDetail({ context, route, onRoute }: Props) {
  const { resource, refresh } = useRefreshingCall('k8s.overview', { context: context.name });
  useK8sChanged(context.name, OVERVIEW_KINDS, refresh);
  // A state change (connected, unreachable, …) shows in the overview's kind notes too.
  useHostEvent('k8s.contextsChanged', refresh);
  const [scaling, setScaling] = useState<K8sLaggingWorkload | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);

  const open = (apiKind: string, namespace: string | null, name: string) => {
    const patch = openPatch(apiKind, namespace, name);
    if (patch) onRoute(patch);
  };

  return (
    <div className="context-detail" data-testid="context-detail" data-context={context.name}>
      <div className="section-head">
        <h2>{context.name}</h2>
        <span className="muted mono">{context.server}</span>
      </div>
      <ConnectionProblem context={context} />
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading the cluster overview…" errorTitle="Could not load the overview">
        {(overview) => <ClusterOverview overview={overview} onScale={setScaling} onOpen={open} />}
      </ResourceView>
      {result && (
        <p className="note" role="status">
          {result.message}
        </p>
      )}
      {scaling && scaling.kind !== 'daemonsets' && (
        <ScaleDialog
          context={context.name}
          target={{ kind: scaling.kind === 'deployments' ? 'deployment' : 'statefulset', namespace: scaling.namespace, name: scaling.name, desired: scaling.desired, ready: scaling.ready }}
          onClose={() => setScaling(null)}
          onDone={setResult}
        />
      )}
      <ResourceBrowser context={context.name} route={route} onRoute={onRoute} />
    </div>
  );
}
