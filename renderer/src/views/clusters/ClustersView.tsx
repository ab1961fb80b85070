import type { K8sContexts } from '@contract';
import { LoadError } from '../../components/LoadError';
import { ResourceView } from '../../components/ResourceView';
import type { ClusterRoute } from './clusterRoute';
import { ContextDetail } from './ContextDetail';
import { ContextTable } from './ContextTable';
import { KubeconfigProblems } from './KubeconfigProblems';
import { NoContexts } from './NoContexts';
import { RecentActions } from './RecentActions';
import { useClusterRoute } from './useClusterRoute';
import { useK8sContexts } from './useK8sContexts';
import './clusters.css';

/** The context shown below the list: the one in the URL, else the first enabled one, else kubectl's current one. */
function shownContext(contexts: K8sContexts, route: ClusterRoute): string | null {
  const names = contexts.contexts.map((c) => c.name);
  if (route.context && names.includes(route.context)) return route.context;
  return contexts.contexts.find((c) => c.enabled)?.name ?? contexts.currentContext ?? names[0] ?? null;
}

export function ClustersView() {
  const { resource, retry, setEnabled, toggleError } = useK8sContexts();
  const [route, setRoute] = useClusterRoute();

  return (
    <div className="clusters">
      <ResourceView resource={resource} onRetry={retry} loadingLabel="Reading your kubeconfig…" errorTitle="Could not read the kubeconfig">
        {(contexts) => {
          if (contexts.contexts.length === 0) {
            return (
              <>
                <KubeconfigProblems problems={contexts.problems} />
                <NoContexts contexts={contexts} />
              </>
            );
          }
          const selected = shownContext(contexts, route);
          const context = contexts.contexts.find((c) => c.name === selected);
          return (
            <>
              <KubeconfigProblems problems={contexts.problems} />
              <div className="section-head">
                <h2>Contexts</h2>
                <span className="muted">
                  from {contexts.found.join(', ')}
                </span>
              </div>
              <ContextTable
                contexts={contexts.contexts}
                selected={selected}
                onSelect={(name) => setRoute({ context: name, namespace: null, selected: null })}
                onToggle={(name, enabled) => void setEnabled(name, enabled)}
              />
              {toggleError && <LoadError title="Could not change the context" message={toggleError} onRetry={retry} />}
              {context && context.enabled && context.state !== 'invalid' && (
                <ContextDetail key={context.name} context={context} route={route} onRoute={setRoute} />
              )}
              {context && !context.enabled && (
                <p className="note context-hint">
                  Turn on <strong>Watch</strong> for {context.name} to see its nodes, pods and deployments. Opsdeck then keeps a live copy of
                  them, reading with the credentials this context names.
                </p>
              )}
              <RecentActions />
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
