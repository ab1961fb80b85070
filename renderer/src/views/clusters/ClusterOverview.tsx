import { POD_PHASES } from '@contract/types';
import type { K8sLaggingDeployment, K8sOverview } from '@contract';
import { Tile } from '../../components/Tile';
import { formatBytes } from '../../format/bytes';

const cores = (millis: number) => `${Number((millis / 1000).toFixed(1))} cores`;

/** Kinds still being listed or that the user may not list, said plainly above the figures. */
function KindNotes({ overview }: { overview: K8sOverview }) {
  const notes = overview.kinds.filter((k) => k.state !== 'synced');
  if (notes.length === 0) return null;
  return (
    <ul className="kind-notes">
      {notes.map((k) => (
        <li key={k.kind} data-kind={k.kind} data-state={k.state}>
          {k.state === 'syncing' ? `Listing ${k.kind}…` : `Cannot watch ${k.kind}: ${k.message ?? k.state}`}
          {k.state === 'failed' && k.count > 0 && ` (showing the last ${k.count} known)`}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  overview: K8sOverview;
  onScale(deployment: K8sLaggingDeployment): void;
}

export function ClusterOverview({ overview, onScale }: Props) {
  const { nodes, pods, deployments, namespaces } = overview;
  const phases = POD_PHASES.filter((p) => pods.byPhase[p] > 0);
  return (
    <section className="cluster-overview" aria-label={`${overview.context} overview`}>
      <KindNotes overview={overview} />
      <div className="tiles">
        <Tile
          label="Nodes ready"
          className={nodes.notReady > 0 ? 'tile--critical' : nodes.total > 0 ? 'tile--ok' : ''}
          data-testid="tile-nodes"
          value={`${nodes.ready} / ${nodes.total}`}
          detail={nodes.total === 0 ? 'no nodes visible' : `${nodes.notReady} not ready · ${nodes.unschedulable} cordoned`}
        >
          {nodes.total > 0 && (
            <div className="tile__detail">
              {cores(nodes.allocatableCpuMillis)} · {formatBytes(nodes.allocatableMemoryBytes)} allocatable
            </div>
          )}
        </Tile>
        <Tile label="Pods" data-testid="tile-pods" data-total={pods.total} value={pods.total.toLocaleString()}>
          <ul className="phase-list">
            {phases.map((p) => (
              <li key={p} className={`phase phase--${p.toLowerCase()}`}>
                {pods.byPhase[p].toLocaleString()} {p.toLowerCase()}
              </li>
            ))}
          </ul>
        </Tile>
        <Tile label="Container restarts" data-testid="tile-restarts" value={pods.restarts.toLocaleString()} detail="since each container started" />
        <Tile
          label="Deployments not at desired"
          className={deployments.notAtDesired > 0 ? 'tile--warn' : deployments.total > 0 ? 'tile--ok' : ''}
          data-testid="tile-deployments"
          value={`${deployments.notAtDesired} / ${deployments.total}`}
        >
          {deployments.lagging.length > 0 && (
            <ul className="lagging-list">
              {deployments.lagging.slice(0, 4).map((d) => (
                <li key={`${d.namespace}/${d.name}`} className="mono">
                  {d.namespace}/{d.name} {d.ready}/{d.desired}{' '}
                  <button type="button" className="button button--ghost" aria-label={`Scale deployment ${d.namespace}/${d.name}`} onClick={() => onScale(d)}>
                    Scale…
                  </button>
                </li>
              ))}
              {deployments.notAtDesired > 4 && <li className="muted">and {deployments.notAtDesired - 4} more</li>}
            </ul>
          )}
        </Tile>
        <Tile label="Namespaces" data-testid="tile-namespaces" value={namespaces.total.toLocaleString()} />
      </div>
    </section>
  );
}
