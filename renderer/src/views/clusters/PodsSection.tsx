import type { K8sPodRow } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useHostEvent } from '../../state/useHostEvent';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import type { ClusterRoute } from './clusterRoute';
import { PodFilters } from './PodFilters';
import { PodsTable } from './PodsTable';
import { useK8sAction } from './useK8sAction';
import { usePodWindow, type PodFilter } from './usePodWindow';

interface Props {
  context: string;
  route: ClusterRoute;
  onRoute(patch: Partial<ClusterRoute>): void;
}

function filterOf(context: string, route: ClusterRoute): PodFilter {
  return {
    context,
    ...(route.namespace ? { namespace: route.namespace } : {}),
    ...(route.labelSelector.trim() ? { labelSelector: route.labelSelector.trim() } : {}),
    ...(route.text.trim() ? { text: route.text.trim() } : {}),
    ...(route.phase ? { phase: route.phase } : {}),
    sort: route.sort,
    dir: route.dir,
  };
}

/** The pods of one context: filters, the count, and the virtualized table. */
export function PodsSection({ context, route, onRoute }: Props) {
  const filter = filterOf(context, route);
  const pods = usePodWindow(filter);
  const namespaces = useRefreshingCall('k8s.namespaces', { context });
  const act = useK8sAction();
  const [deleting, setDeleting] = useState<K8sPodRow | null>(null);
  useHostEvent('k8s.changed', (change) => {
    if (change.context === context && (change.kinds.includes('namespaces') || change.kinds.includes('pods'))) namespaces.refresh();
  });

  const selectorError = pods.error?.selector ? pods.error.message : null;
  const otherError = pods.error && !pods.error.selector ? pods.error.message : null;
  const filtered = Boolean(filter.namespace || filter.labelSelector || filter.text || filter.phase);

  return (
    <section className="pods-section" aria-labelledby="pods-title">
      <div className="section-head">
        <h2 id="pods-title">Pods</h2>
        {pods.matched !== null && pods.total !== null && (
          <span className="muted" data-testid="pods-count" data-matched={pods.matched} data-total={pods.total}>
            {filtered ? `${pods.matched.toLocaleString()} of ${pods.total.toLocaleString()} pods match` : `${pods.total.toLocaleString()} pods`}
          </span>
        )}
      </div>
      <PodFilters
        route={route}
        namespaces={namespaces.resource.status === 'ready' ? namespaces.resource.data : []}
        selectorError={selectorError}
        onChange={onRoute}
      />
      {otherError && <LoadError title="Could not list pods" message={otherError} onRetry={pods.retry} />}
      {pods.matched === null && !pods.error && <Loading label="Loading pods…" />}
      {pods.matched !== null && !pods.synced && <p className="note">Listing the cluster&apos;s pods… the table fills in as soon as the list is complete.</p>}
      {pods.matched === 0 && pods.synced && (
        <p className="note pods-empty">{filtered ? 'No pods match these filters.' : 'This cluster has no pods.'}</p>
      )}
      {pods.matched !== null && pods.matched > 0 && (
        <PodsTable window={pods} sort={route.sort} dir={route.dir} onSort={(sort, dir) => onRoute({ sort, dir })} resetKey={JSON.stringify(filter)} onDelete={setDeleting} />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete pod"
          statement={`Delete pod ${deleting.namespace}/${deleting.name} in context ${context}?`}
          confirmLabel="Delete pod"
          onClose={() => setDeleting(null)}
          onConfirm={() => act({ context, action: 'deletePod', namespace: deleting.namespace, name: deleting.name })}
        />
      )}
    </section>
  );
}
