import type { K8sLaggingWorkload, K8sOverview } from '@contract';
import { POD_PHASES } from '@contract/types';
import { EventsTable } from '../../components/k8s/EventsTable';
import { cores } from '../../components/k8s/figures';
import { Tile } from '../../components/Tile';
import { formatBytes } from '../../format/bytes';
import { percentOf } from '../../format/number';
import { CapacityBars } from './CapacityBars';

/** Kinds still being listed or that the user may not list, said plainly above the figures. */
function KindNotes({ overview }: { overview: K8sOverview }) {
  const notes = overview.kinds.filter((k) => k.state !== 'synced' && k.state !== 'idle');
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

const SINGULAR: Record<K8sLaggingWorkload['kind'], string> = { deployments: 'deployment', statefulsets: 'statefulset', daemonsets: 'daemonset' };

interface Props {
  overview: K8sOverview;
  onScale(workload: K8sLaggingWorkload): void;
  /** Opens an object (a warning's subject, a lagging workload) in the resource browser. */
  onOpen(apiKind: string, namespace: string | null, name: string): void;
}

export function ClusterOverview({ overview, onScale, onOpen }: Props) {
  const { nodes, pods, workloads, namespaces, metrics } = overview;
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
          label="Workloads not at desired"
          className={workloads.notAtDesired > 0 ? 'tile--warn' : workloads.total > 0 ? 'tile--ok' : ''}
          data-testid="tile-workloads"
          value={`${workloads.notAtDesired} / ${workloads.total}`}
          detail="deployments, statefulsets and daemonsets"
        />
        <Tile label="Namespaces" data-testid="tile-namespaces" value={namespaces.total.toLocaleString()} />
      </div>

      <div className="overview-panels">
        <section className="overview-panel" aria-labelledby="capacity-title">
          <h3 id="capacity-title" className="section-title">
            Capacity, requests and usage
          </h3>
          <CapacityBars
            label="CPU"
            testId="capacity-cpu"
            allocatable={nodes.allocatableCpuMillis}
            requested={nodes.requested.cpuMillis}
            used={nodes.usage?.cpuMillis ?? null}
            format={cores}
          />
          <CapacityBars
            label="Memory"
            testId="capacity-memory"
            allocatable={nodes.allocatableMemoryBytes}
            requested={nodes.requested.memoryBytes}
            used={nodes.usage?.memoryBytes ?? null}
            format={formatBytes}
          />
          {!metrics.available && (
            <p className="note metrics-note" data-testid="metrics-note">
              No usage figures: {metrics.note ?? 'the cluster does not serve metrics.k8s.io.'} Install metrics-server to see CPU and memory use.
            </p>
          )}
        </section>

        {workloads.lagging.length > 0 && (
          <section className="overview-panel" aria-labelledby="lagging-title">
            <h3 id="lagging-title" className="section-title">
              Not at desired ({workloads.notAtDesired})
            </h3>
            <div className="overview-panel__scroll">
            <table className="table detail-table" aria-label="Workloads not at desired" data-testid="lagging-workloads">
              <tbody>
                {workloads.lagging.map((w) => (
                  <tr key={`${w.kind}/${w.namespace}/${w.name}`} data-workload={`${w.kind}/${w.namespace}/${w.name}`}>
                    <td className="mono">
                      <button type="button" className="link-button" onClick={() => onOpen(w.kind === 'deployments' ? 'Deployment' : w.kind === 'statefulsets' ? 'StatefulSet' : 'DaemonSet', w.namespace, w.name)}>
                        {SINGULAR[w.kind]} {w.namespace}/{w.name}
                      </button>
                    </td>
                    <td className="num" title={`${w.ready} ready of ${w.desired} desired`}>
                      {w.ready}/{w.desired}
                      <span className="muted"> ({Math.round(percentOf(w.ready, w.desired))}%)</span>
                    </td>
                    <td>
                      {w.kind !== 'daemonsets' && (
                        <button type="button" className="button button--small" aria-label={`Scale ${SINGULAR[w.kind]} ${w.namespace}/${w.name}`} onClick={() => onScale(w)}>
                          Scale…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </section>
        )}
      </div>

      <section className="overview-panel" aria-labelledby="warnings-title" data-testid="recent-warnings">
        <h3 id="warnings-title" className="section-title">
          Recent warnings
        </h3>
        {overview.warnings.length === 0 ? (
          <p className="note">No Warning events in this cluster right now.</p>
        ) : (
          <div className="overview-panel__scroll">
            <EventsTable events={overview.warnings} label="Recent warnings" showObject onOpen={onOpen} />
          </div>
        )}
      </section>
    </section>
  );
}
