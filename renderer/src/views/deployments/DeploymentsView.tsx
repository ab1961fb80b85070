import { useMemo, useRef } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ObjectDetailPane } from '../../components/k8s/ObjectDetailPane';
import { objectKey, parseObjectKey } from '../../components/k8s/kinds';
import { Loading } from '../../components/Loading';
import { ResourceView } from '../../components/ResourceView';
import { useHashQuery } from '../../components/useHashQuery';
import { useSettledInput } from '../../components/useSettledInput';
import { useSlashFocus } from '../../components/useSlashFocus';
import { VirtualTable } from '../../components/VirtualTable';
import { useApp } from '../../state/StoreProvider';
import { useK8sContexts } from '../clusters/useK8sContexts';
import { deploymentColumns, sortDeployments } from './deploymentColumns';
import { ReadinessSection } from './readiness/ReadinessSection';
import { SectionSwitch } from './SectionSwitch';
import { deploymentsRouteFromHash, hashWithDeploymentsRoute, type DeploymentsRoute } from './deploymentsRoute';
import { useAllDeployments, type DeploymentRow } from './useAllDeployments';
import './deployments.css';

/** The key of a row across contexts: context names may hold any character, so they come first and whole. */
const rowKey = (r: { context: string; namespace: string | null; name: string }) => `${r.context}\u0000${objectKey(r.namespace, r.name)}`;

function NoEnabledContext() {
  const selectTab = useApp((s) => s.selectTab);
  return (
    <EmptyState
      title="No cluster is watched"
      source={
        <>
          Turn on <strong>Watch</strong> for a context in the{' '}
          <button type="button" className="link-button" onClick={() => selectTab('clusters')}>
            Clusters tab
          </button>
          ; its deployments then show here, with their rollout history.
        </>
      }
    >
      Deployments of every watched Kubernetes context, in one table, with rollout history, restart, scale and roll back.
    </EmptyState>
  );
}

function DeploymentsTable({ contexts, route, onRoute }: { contexts: string[]; route: DeploymentsRoute; onRoute(patch: Partial<DeploymentsRoute>): void }) {
  const { byContext, loading } = useAllDeployments(contexts, route.text.trim());
  const filterInput = useRef<HTMLInputElement>(null);
  useSlashFocus(filterInput);
  const filter = useSettledInput(route.text, (v) => onRoute({ text: v }));
  const rows = useMemo(() => sortDeployments(byContext.flatMap((c) => c.rows), route.sort, route.dir), [byContext, route.sort, route.dir]);
  const columns = deploymentColumns(byContext.find((c) => c.columns.length > 0)?.columns ?? []);
  const openKey = route.context && route.selected ? `${route.context}\u0000${route.selected}` : null;
  const opened = route.context && route.selected ? { context: route.context, kind: 'deployments' as const, ...parseObjectKey(route.selected) } : null;

  return (
    <div className={`browser ${opened ? 'browser--with-pane' : ''}`}>
      <div className="browser__split">
        <div className="browser__main">
          <div className="section-head">
            <h2>Deployments</h2>
            <span className="muted" data-testid="deployments-count" data-count={rows.length}>
              {rows.length.toLocaleString()} in {contexts.length} {contexts.length === 1 ? 'context' : 'contexts'}
            </span>
          </div>
          <div className="pod-filters" role="search" aria-label="Filter deployments">
            <label className="pod-filters__field pod-filters__field--wide">
              <span>Name contains</span>
              <input ref={filterInput} type="search" placeholder="name" title="Press / to jump here" spellCheck={false} {...filter} />
            </label>
          </div>
          {byContext
            .filter((c) => c.error)
            .map((c) => (
              <p key={c.context} className="note deployments__error" role="alert">
                Could not list deployments in {c.context}: {c.error}
              </p>
            ))}
          {byContext.some((c) => !c.synced) && <p className="note">Listing deployments… the table fills in as each cluster answers.</p>}
          {loading && rows.length === 0 && <Loading label="Loading deployments…" />}
          {!loading && rows.length === 0 && <p className="note">{route.text.trim() ? 'No deployment matches this filter.' : 'The watched clusters have no deployments.'}</p>}
          {rows.length > 0 && (
            <VirtualTable<DeploymentRow, DeploymentsRoute['sort']>
              label="Deployments"
              testId="deployments-scroll"
              columns={columns}
              count={rows.length}
              rowAt={(i) => rows[i]}
              rowKey={rowKey}
              rowData={(r) => ({ 'data-context': r.context, 'data-deployment': objectKey(r.namespace, r.name) })}
              sort={route.sort}
              dir={route.dir}
              onSort={(sort, dir) => onRoute({ sort, dir })}
              resetKey={JSON.stringify([route.text, route.sort, route.dir])}
              openKey={openKey}
              onOpen={(r) => onRoute({ context: r.context, selected: objectKey(r.namespace, r.name) })}
            />
          )}
        </div>
        {opened && (
          <ObjectDetailPane key={rowKey(opened)} object={opened} initialTab="history" onClose={() => onRoute({ context: null, selected: null })} />
        )}
      </div>
    </div>
  );
}

/** Deployments across every watched context, with their rollout history and actions in the same pane as the Clusters tab. */
export function DeploymentsView() {
  const { resource, retry } = useK8sContexts();
  const [route, setRoute] = useHashQuery(deploymentsRouteFromHash, hashWithDeploymentsRoute);
  return (
    <div className="deployments">
      <ResourceView resource={resource} onRetry={retry} loadingLabel="Reading your kubeconfig…" errorTitle="Could not read the kubeconfig">
        {(contexts) => {
          const enabled = contexts.contexts.filter((c) => c.enabled && c.state !== 'invalid').map((c) => c.name);
          if (enabled.length === 0) return <NoEnabledContext />;
          return (
            <>
              <SectionSwitch section={route.section} onPick={(section) => setRoute({ section })} />
              {route.section === 'readiness' ?
                <ReadinessSection contexts={enabled} />
              : <DeploymentsTable contexts={enabled} route={route} onRoute={setRoute} />}
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
