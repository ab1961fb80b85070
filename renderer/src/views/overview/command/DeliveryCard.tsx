import type { DeliveryMetrics } from '@contract';
import { Tile } from '../../../components/Tile';
import type { Resource } from '../../../state/resource';
import { durationOrDash, percentOrDash } from './format';

/** Delivery metrics of all watched clusters together, 7 and 30 days. */
export function DeliveryCard({ metrics }: { metrics: Resource<DeliveryMetrics> }) {
  if (metrics.status !== 'ready') return <Tile label="Delivery" data-testid="card-delivery" value="…" detail={metrics.status === 'error' ? metrics.message : undefined} />;
  const all = metrics.data.rows[0];
  if (!all || (all.windows[1].deployments === 0 && all.windows[1].incidentsResolved === 0)) {
    return <Tile label="Delivery" data-testid="card-delivery" value="No rollouts" detail="No rollout or resolved incident in the last 30 days of the watched clusters." />;
  }
  return (
    <Tile label="Delivery" data-testid="card-delivery" value={`${all.windows[0].perDay}/day`} detail="deployments, last 7 days">
      <table className="table card-table" aria-label="Delivery metrics">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">7 d</th>
            <th scope="col">30 d</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Deployments</th>
            {all.windows.map((w) => (
              <td key={w.days}>{w.deployments}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Change failure rate</th>
            {all.windows.map((w) => (
              <td key={w.days}>{percentOrDash(w.changeFailureRate)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Time to restore</th>
            {all.windows.map((w) => (
              <td key={w.days}>{durationOrDash(w.timeToRestoreMs)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Lead time</th>
            {all.windows.map((w) => (
              <td key={w.days}>{durationOrDash(w.leadTimeMs)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </Tile>
  );
}
