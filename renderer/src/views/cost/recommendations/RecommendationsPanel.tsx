import type { Recommendation } from '@contract';
import { useState } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ResourceView } from '../../../components/ResourceView';
import { useEvery } from '../../../components/useEvery';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { TabLink } from '../../overview/command/TabLink';
import { formatMoney } from '../costFormat';
import { sortRecommendations, type RecommendationSort } from './sortRecommendations';
import './recommendations.css';

/** Recommendations read live sources (Docker, cluster caches); five minutes keeps them fresh without loading them. */
const REFRESH_MS = 5 * 60_000;
const SORTS: [RecommendationSort, string][] = [
  ['priority', 'Priority'],
  ['saving', 'Monthly saving'],
  ['kind', 'Kind'],
];
const TAB_NAMES: Record<string, string> = { clusters: 'Clusters', containers: 'Containers', cost: 'Cost' };

/** What can be cut or is at risk, each with its estimated monthly saving and the evidence behind it. */
export function RecommendationsPanel() {
  const recs = useNewestAnswer('cost.recommendations', {});
  useEvery(REFRESH_MS, recs.load);
  const [sort, setSort] = useState<RecommendationSort>('priority');
  const [open, setOpen] = useState<string | null>(null);

  return (
    <section aria-label="Savings recommendations">
      <div className="section-head">
        <h2>Savings recommendations</h2>
        <button type="button" className="button button--small" onClick={recs.load}>
          Refresh
        </button>
      </div>
      <ResourceView resource={recs.resource} onRetry={recs.load} loadingLabel="Looking for savings…" errorTitle="Could not compute the recommendations">
        {(r) => (
          <>
            {r.notes.length > 0 && (
              <ul className="recommendations__notes muted" data-testid="recommendation-notes">
                {r.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            {r.items.length === 0 ? (
              <EmptyState title="Nothing to cut right now">
                Right-sizing and idle workloads need a day to a week of samples; Docker space, volumes and billing movers show as soon as their source has
                something.
              </EmptyState>
            ) : (
              <table className="table" aria-label="Recommendations" data-testid="recommendations-table">
                <thead>
                  <tr>
                    {SORTS.map(([key, label]) => (
                      <th key={key} scope="col" aria-sort={sort === key ? 'descending' : 'none'}>
                        <button type="button" className="link-button" onClick={() => setSort(key)}>
                          {label}
                        </button>
                      </th>
                    ))}
                    <th scope="col">Recommendation</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {sortRecommendations(r.items, sort).map((item) => (
                    <RecommendationRow
                      key={item.id}
                      item={item}
                      open={open === item.id}
                      onToggle={() => setOpen(open === item.id ? null : item.id)}
                    />
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}

interface RowProps {
  item: Recommendation;
  open: boolean;
  onToggle(): void;
}

function RecommendationRow({ item, open, onToggle }: RowProps) {
  const { effect } = item;
  return (
    <tr data-recommendation={item.id} data-kind={item.kind}>
      <td>{item.priority}</td>
      <td>
        {effect.monthlySaving !== undefined && effect.currency ? formatMoney(effect.monthlySaving, effect.currency) : '—'}
        {effect.risk && <span className={`badge badge--${effect.risk === 'low' ? 'info' : 'warning'}`}>{effect.risk} risk</span>}
      </td>
      <td className="mono">{item.kind}</td>
      <td>
        <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
          {item.title}
        </button>
        <div className="muted">{effect.text}</div>
        {open && (
          <div className="recommendations__evidence">
            <p>{item.reason}</p>
            <ul>
              {item.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
      </td>
      <td>
        {item.link && <TabLink target={item.link}>Open {TAB_NAMES[item.link.tab] ?? item.link.tab}</TabLink>}
      </td>
    </tr>
  );
}
