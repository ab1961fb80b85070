import type { Recommendation, RecommendationList } from '@contract';
import { ResourceView } from '../../../components/ResourceView';
import type { Resource } from '../../../state/resource';
import { money } from './format';
import { TabLink } from './TabLink';

const SHOWN = 25;
const RISK_BADGE = { critical: 'critical', high: 'critical', medium: 'warning', low: 'info' } as const;

function Item({ r }: { r: Recommendation }) {
  return (
    <li className="recommendation" data-recommendation={r.id} data-engine={r.engine}>
      <div className="recommendation__head">
        {r.effect.risk && <span className={`badge badge--${RISK_BADGE[r.effect.risk]}`}>{r.effect.risk}</span>}
        <span className="muted">{r.engine}</span>
        <strong>{r.title}</strong>
        {r.link && (
          <span className="recommendation__act">
            <TabLink target={r.link}>Act</TabLink>
          </span>
        )}
      </div>
      <p className="recommendation__reason">{r.reason}</p>
      <p className="recommendation__effect muted">
        {r.effect.monthlySaving !== undefined && r.effect.currency && <strong>Saves {money(r.effect.monthlySaving, r.effect.currency)} a month. </strong>}
        {r.effect.text}
      </p>
      {r.evidence.length > 0 && (
        <details>
          <summary>Evidence</summary>
          <ul>
            {r.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** One prioritized list of what to do, from every engine. */
export function RecommendationsList({ list, onRetry }: { list: Resource<RecommendationList>; onRetry(): void }) {
  return (
    <section aria-label="Recommendations">
      <div className="section-head">
        <h2>Recommendations</h2>
        {list.status === 'ready' && <span className="muted">{list.data.items.length} in all</span>}
      </div>
      <ResourceView resource={list} onRetry={onRetry} loadingLabel="Gathering recommendations…" errorTitle="Could not gather recommendations">
        {(l) => (
          <>
            {l.failures.map((f) => (
              <p key={f.engine} className="banner banner--error">
                The {f.engine} engine gave no recommendations: {f.message}
              </p>
            ))}
            {l.items.length === 0 ?
              <p className="muted" data-testid="recommendations-empty">
                Nothing to recommend now. Findings appear here as engines find them: readiness of cluster workloads, forecasts and anomalies, cost savings, backup objectives.
              </p>
            : <ol className="recommendations" data-testid="recommendations">
                {l.items.slice(0, SHOWN).map((r) => (
                  <Item key={r.id} r={r} />
                ))}
              </ol>
            }
          </>
        )}
      </ResourceView>
    </section>
  );
}
