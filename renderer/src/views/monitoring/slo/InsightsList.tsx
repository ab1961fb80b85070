import { ResourceView } from '../../../components/ResourceView';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { formatTimestamp } from '../../../format/time';
import { useHostEvent } from '../../../state/useHostEvent';

/** Forecasts that cross their threshold within a week and anomalies of the last hour, as the host found them. */
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
              <p className="muted">No forecast crosses its threshold within a week, and no anomaly was found in the last hour.</p>
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
                      <td>{i.kind}</td>
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
