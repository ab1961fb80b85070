import { EmptyState } from '../../components/EmptyState';
import { ResourceView } from '../../components/ResourceView';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { AlertsTable } from './AlertsTable';
import './monitoring.css';

export function MonitoringView() {
  const alerts = useApp((s) => s.alerts);
  const load = useApp((s) => s.load);
  const focusAlertId = useApp((s) => s.focusAlertId);

  return (
    <div className="monitoring">
      <div className="section-head">
        <h2>Host alerts</h2>
        {alerts.status === 'ready' && (
          <span className="muted">Updated {formatTimestamp(alerts.data.updatedAt)}</span>
        )}
      </div>
      <p className="note">
        These alerts come from Opsdeck&apos;s built-in checks of this machine&apos;s CPU, memory and disks, evaluated on
        every host sample. Prometheus sources, alert rule files and notification routing are not part of this build yet.
      </p>
      <ResourceView resource={alerts} onRetry={() => void load('alerts')} loadingLabel="Loading alerts…" errorTitle="Could not load alerts">
        {(summary) => {
          const all = [...summary.firing, ...summary.pending];
          const missing = focusAlertId !== null && !all.some((a) => a.id === focusAlertId);
          return (
            <>
              {missing && (
                <p className="banner banner--info" role="status">
                  The alert {focusAlertId} is no longer active.
                </p>
              )}
              {all.length === 0 ? (
                <EmptyState title="All clear">
                  No host alerts: CPU, memory and disk are within their thresholds.
                </EmptyState>
              ) : (
                <AlertsTable alerts={all} focusAlertId={focusAlertId} />
              )}
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
