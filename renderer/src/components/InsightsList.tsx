import { formatTimestamp } from '../format/time';
import { useHostEvent } from '../state/useHostEvent';
import { ResourceView } from './ResourceView';
import { useNewestAnswer } from './useNewestAnswer';

/** Forecasts that cross their threshold within a week and anomalies of the last hour, as the host found them; kept current by insights.changed. */
export function InsightsList() {
  const insights = useNewestAnswer('insights.list', {});
  useHostEvent('insights.changed', insights.receive);
  return (
    <section aria-label="Insights">
      <div className="section-head">
        <h2>Insights</h2>
        {insights.resource.status === 'ready' && insights.resource.data.computedAt !== null && (
          <span className="muted">Computed {formatTimestamp(insights.resource.data.computedAt)}</span>
        )}
      </div>
      <ResourceView resource={insights.resource} onRetry={insights.load} loadingLabel="Loading insights…" errorTitle="Could not load insights">
        {(list) => (
          <>
            {list.errors.map((e) => (
              <p key={e} className="banner banner--error">
                {e}
              </p>
            ))}
            {list.insights.length === 0 ? (
              <p className="muted" data-testid="insights-empty">
                No insights now. Forecasts that cross a threshold within 7 days and anomalies of the last hour appear here.
              </p>
            ) : (
              <table className="table" aria-label="Insights">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Finding</th>
                    <th scope="col">When</th>
                    <th scope="col">Confidence</th>
                  </tr>
                </thead>
                <tbody>
                  {list.insights.map((i) => (
                    <tr key={i.id} data-insight={i.kind}>
                      <td>
                        <span className={`badge badge--${i.kind === 'forecast' ? 'warning' : 'info'}`}>{i.kind}</span>
                      </td>
                      <td>{i.text}</td>
                      <td>{formatTimestamp(i.at)}</td>
                      <td className="mono">{Math.round(i.confidence * 100)}%</td>
                    </tr>
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
