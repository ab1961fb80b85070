import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ResourceView } from '../../components/ResourceView';
import { useApp } from '../../state/StoreProvider';
import { AddEngineDialog } from './AddEngineDialog';
import { EngineContent } from './EngineContent';
import { EngineProblems } from './EngineProblems';
import { EngineTable } from './EngineTable';
import { NoEngines } from './NoEngines';
import { useContainersRoute } from './useContainersRoute';
import { useDockerEngines } from './useDockerEngines';
import '../../components/k8s/k8s.css';
import './containers.css';

/** Docker and Podman engines, their containers with live stats and logs, events, images and volumes. */
export function ContainersView() {
  const client = useApp((s) => s.client);
  const { resource, retry, receive } = useDockerEngines();
  const [route, setRoute] = useContainersRoute();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  return (
    <div className="containers">
      <ResourceView resource={resource} onRetry={retry} loadingLabel="Looking for container engines…" errorTitle="Could not list container engines">
        {(data) => (
          <>
            <EngineProblems problems={data.problems} />
            {data.engines.length === 0 ? (
              <NoEngines engines={data} onAdd={() => setAdding(true)} />
            ) : (
              <>
                <div className="section-head">
                  <h2>Engines</h2>
                  <button type="button" className="button button--small" onClick={() => setAdding(true)}>
                    Add engine…
                  </button>
                </div>
                <EngineTable
                  engines={data.engines}
                  selected={route.engine}
                  onSelect={(engine) => setRoute({ engine, selected: null, project: null })}
                  onRemove={setRemoving}
                />
                <EngineContent engines={data.engines} route={route} onRoute={setRoute} />
              </>
            )}
          </>
        )}
      </ResourceView>
      {adding && <AddEngineDialog onClose={() => setAdding(false)} onAdded={receive} />}
      {removing && (
        <ConfirmDialog
          title="Remove engine"
          statement={`Forget engine ${removing}? Opsdeck disconnects from it and deletes the certificates it keeps for it. The engine itself is not touched.`}
          confirmLabel="Remove engine"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            receive(await client.call('docker.removeEngine', { name: removing }));
            if (route.engine === removing) setRoute({ engine: null, selected: null });
          }}
        />
      )}
    </div>
  );
}
