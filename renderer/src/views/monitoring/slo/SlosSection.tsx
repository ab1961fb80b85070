import type { SloStatus } from '@contract';
import { SLO_BURN_WINDOWS } from '@contract/types';
import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ResourceView } from '../../../components/ResourceView';
import { useEscapeKey } from '../../../components/useEscapeKey';
import { useEvery } from '../../../components/useEvery';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { useApp } from '../../../state/StoreProvider';
import type { MonitoringRoute } from '../monitoringRoute';
import { InsightsList } from '../../../components/InsightsList';
import { SloDetailView } from './SloDetailView';
import { SloDialog } from './SloDialog';
import { burnText, fractionText, SLO_STATE_BADGE } from './sloFormat';

/** SLOs are computed on request; a minute keeps their numbers current without loading Prometheus. */
const REFRESH_MS = 60_000;

interface Props {
  route: MonitoringRoute;
  onRoute(patch: Partial<MonitoringRoute>): void;
}

/** Service level objectives with their error budget and burn rates, and the forecasts and anomalies found. */
export function SlosSection({ route, onRoute }: Props) {
  const client = useApp((s) => s.client);
  const slos = useNewestAnswer('slo.list', {});
  useEvery(REFRESH_MS, slos.load);
  const [editing, setEditing] = useState<SloStatus | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  useEscapeKey(useCallback(() => onRoute({ slo: '' }), [onRoute]));

  return (
    <section aria-label="SLOs and insights">
      <div className="section-head">
        <h2>Service level objectives</h2>
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          New SLO…
        </button>
      </div>
      <ResourceView resource={slos.resource} onRetry={slos.load} loadingLabel="Computing SLOs…" errorTitle="Could not compute the SLOs">
        {(list) =>
          list.slos.length === 0 ? (
            <EmptyState title="No SLOs" source={list.hint}>
              An SLO sets a target for good events over a window (99.9% of requests under 300 ms over 30 days) on a Prometheus source; Opsdeck tracks
              its error budget and generates burn-rate alerts. Definitions are kept in {list.path}.
            </EmptyState>
          ) : (
            <table className="table" aria-label="SLOs">
              <thead>
                <tr>
                  <th scope="col">SLO</th>
                  <th scope="col">State</th>
                  <th scope="col">Target</th>
                  <th scope="col">SLI</th>
                  <th scope="col">Budget left</th>
                  {SLO_BURN_WINDOWS.map((w) => (
                    <th key={w} scope="col">
                      Burn {w}
                    </th>
                  ))}
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.slos.map((s) => (
                  <tr key={s.definition.name} data-slo={s.definition.name} data-state={s.state} aria-selected={route.slo === s.definition.name}>
                    <td>
                      <button type="button" className="link-button mono" onClick={() => onRoute({ slo: s.definition.name })}>
                        {s.definition.name}
                      </button>
                      <div className="muted">{s.sourceName ?? `source #${s.definition.source}`}</div>
                    </td>
                    <td>
                      <span className={`badge badge--${SLO_STATE_BADGE[s.state]}`}>{s.state}</span>
                      {s.error && <div className="rule-error">{s.error}</div>}
                    </td>
                    <td>
                      {s.definition.target}% / {s.definition.window}
                    </td>
                    <td className="mono">{fractionText(s.sli)}</td>
                    <td className="mono">{fractionText(s.budget.remainingFraction)}</td>
                    {SLO_BURN_WINDOWS.map((w) => (
                      <td key={w} className="mono">
                        {burnText(s.burnRates[w])}
                      </td>
                    ))}
                    <td className="source-actions">
                      <button type="button" className="button button--small" onClick={() => setEditing(s)}>
                        Edit…
                      </button>
                      <button type="button" className="button button--small" onClick={() => setDeleting(s.definition.name)}>
                        Delete…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ResourceView>
      {route.slo && <SloDetailView key={route.slo} name={route.slo} onClose={() => onRoute({ slo: '' })} onExplore={(expr) => onRoute({ section: 'prometheus', expr })} />}
      <InsightsList />
      {editing && <SloDialog slo={editing === 'new' ? null : editing} onSaved={slos.receive} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete SLO"
          statement={`Delete the SLO ${deleting} and its generated burn-rate alert rules?`}
          confirmLabel="Delete SLO"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            slos.receive(await client.call('slo.delete', { name: deleting }));
            if (route.slo === deleting) onRoute({ slo: '' });
          }}
        />
      )}
    </section>
  );
}
