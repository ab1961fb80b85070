import type { MouseEvent } from 'react';
import { useApp } from '../../state/StoreProvider';
import { Tile } from '../../components/Tile';

/** Counts of the host's own alerts, linking to the full table. */
export function HealthTile() {
  const alerts = useApp((s) => s.alerts);
  const load = useApp((s) => s.load);
  const selectTab = useApp((s) => s.selectTab);

  const openMonitoring = (event: MouseEvent) => {
    event.preventDefault();
    selectTab('monitoring');
  };
  const link = (
    <a href="#/monitoring" onClick={openMonitoring}>
      Open Monitoring &amp; Alerts
    </a>
  );

  if (alerts.status === 'loading') return <Tile label="Host health" value="…" detail={link} />;
  if (alerts.status === 'error') {
    return (
      <Tile label="Host health" value={<span className="muted">Unknown</span>} detail={alerts.message}>
        <button type="button" className="button button--small" onClick={() => void load('alerts')}>
          Retry
        </button>
      </Tile>
    );
  }
  const firing = alerts.data.firing.length;
  const pending = alerts.data.pending.length;
  const level = firing > 0 ? 'critical' : pending > 0 ? 'warn' : 'ok';
  return (
    <Tile
      label="Host health"
      className={`tile--${level}`}
      data-testid="host-health"
      value={firing === 0 && pending === 0 ? 'Healthy' : `${firing} firing · ${pending} pending`}
      detail={link}
    />
  );
}
