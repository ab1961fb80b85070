import { Tile } from '../../../components/Tile';
import { dataOf } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { useCall } from '../../../state/useCall';
import { TabLink } from './TabLink';

/** Firing alerts (kept current by the app store) and open incidents. */
export function AlertsCard() {
  const alerts = dataOf(useApp((s) => s.alerts));
  const incidents = dataOf(useCall('incidents.list', { status: 'open', limit: 5 }).resource);
  const firing = alerts?.firing ?? [];
  const critical = firing.filter((a) => a.severity === 'critical').length;
  return (
    <Tile
      label="Alerts and incidents"
      data-testid="card-alerts"
      value={alerts ? `${firing.length} firing` : '…'}
      detail={
        <>
          {critical > 0 && <span className="badge badge--critical">{critical} critical</span>}{' '}
          {incidents ? `${incidents.total} open incident${incidents.total === 1 ? '' : 's'}` : ''}
        </>
      }
    >
      {firing.length > 0 && (
        <ul className="card-list">
          {firing.slice(0, 3).map((a) => (
            <li key={a.id}>
              <TabLink target={{ tab: 'monitoring', alertId: a.id }}>{a.summary || a.rule}</TabLink>
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}
