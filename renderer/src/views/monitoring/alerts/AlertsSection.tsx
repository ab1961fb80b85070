import type { AlertInstance } from '@contract';
import { useCallback, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ResourceView } from '../../../components/ResourceView';
import { useEscapeKey } from '../../../components/useEscapeKey';
import { useEvery } from '../../../components/useEvery';
import { useSlashFocus } from '../../../components/useSlashFocus';
import { VirtualTable } from '../../../components/VirtualTable';
import { useApp } from '../../../state/StoreProvider';
import { useHostEvent } from '../../../state/useHostEvent';
import { useRefreshingCall } from '../../../state/useRefreshingCall';
import { sortedBy } from '../../containers/localSort';
import type { MonitoringRoute } from '../monitoringRoute';
import { AlertDetail } from './AlertDetail';
import { ALERT_COLUMNS, ALERT_SORT_KEYS, alertSearchText, type AlertSort } from './alertColumns';
import { AlertHistory } from './AlertHistory';

/** The rule engine evaluates every few seconds; the list follows at about that pace. */
const REFRESH_MS = 5000;

interface Props {
  route: MonitoringRoute;
  onRoute(patch: Partial<MonitoringRoute>): void;
}

/** Pending and firing alerts with their detail and actions, and the history of every alert below. */
export function AlertsSection({ route, onRoute }: Props) {
  const { resource, refresh } = useRefreshingCall('alerts.list', {});
  useHostEvent('alerts.changed', refresh);
  useEvery(REFRESH_MS, refresh);
  const focusAlertId = useApp((s) => s.focusAlertId);
  const [sort, setSort] = useState<{ sort: AlertSort; dir: 'asc' | 'desc' }>({ sort: 'state', dir: 'desc' });
  const filterInput = useRef<HTMLInputElement>(null);
  useSlashFocus(filterInput);
  useEscapeKey(useCallback(() => onRoute({ alert: null }), [onRoute]));
  // A notification names an alert as rule:<id>.
  const focused = focusAlertId?.startsWith('rule:') ? Number(focusAlertId.slice(5)) : null;
  const openId = route.alert ?? focused;
  const alerts = resource.status === 'ready' ? resource.data : [];
  const needle = route.text.trim().toLowerCase();
  const shown = useMemo(
    () => sortedBy(needle ? alerts.filter((a) => alertSearchText(a).toLowerCase().includes(needle)) : alerts, ALERT_SORT_KEYS[sort.sort], sort.dir),
    [alerts, needle, sort],
  );
  const open = alerts.find((a) => a.id === openId) ?? null;

  return (
    <section aria-label="Alerts">
      <div className="section-head">
        <h2>Current alerts</h2>
        <div className="pod-filters" role="search" aria-label="Filter alerts">
          <label className="pod-filters__field pod-filters__field--wide">
            <span>Contains</span>
            <input
              ref={filterInput}
              type="search"
              placeholder="name, label or annotation"
              title="Press / to jump here"
              spellCheck={false}
              value={route.text}
              onChange={(e) => onRoute({ text: e.target.value })}
            />
          </label>
        </div>
      </div>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading alerts…" errorTitle="Could not load alerts">
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="No active alerts">
              No rule is pending or firing. Rules are listed under Rules, with their health and last evaluation.
            </EmptyState>
          ) : (
            <>
              {openId !== null && !open && (
                <p className="banner banner--info" role="status">
                  Alert #{openId} is no longer active; it is in the history below.
                </p>
              )}
              <VirtualTable<AlertInstance, AlertSort>
                label="Current alerts"
                testId="alerts-table"
                columns={ALERT_COLUMNS}
                count={shown.length}
                rowAt={(i) => shown[i]}
                rowKey={(a) => String(a.id)}
                rowData={(a) => ({ 'data-alert': a.alertname, 'data-state': a.state })}
                sort={sort.sort}
                dir={sort.dir}
                firstDir={(s) => (s === 'alertname' ? 'asc' : 'desc')}
                onSort={(s, dir) => setSort({ sort: s, dir })}
                resetKey={needle}
                openKey={open ? String(open.id) : null}
                onOpen={(a) => onRoute({ alert: a.id })}
              />
              {list.length > 0 && shown.length === 0 && <p className="muted">No alert contains “{route.text}”.</p>}
            </>
          )
        }
      </ResourceView>
      {open && <AlertDetail alert={open} onChanged={refresh} onClose={() => onRoute({ alert: null })} />}
      <AlertHistory />
    </section>
  );
}
