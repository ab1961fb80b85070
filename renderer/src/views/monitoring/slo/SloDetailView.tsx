import type { PromMatrixSeries, SloSeriesPoint } from '@contract';
import { ResourceView } from '../../../components/ResourceView';
import { formatInterval } from '../../../format/duration';
import { useCall } from '../../../state/useCall';
import { PromChart } from '../prometheus/PromChart';
import { fractionText } from './sloFormat';

const asSeries = (name: string, points: SloSeriesPoint[]): PromMatrixSeries => ({ metric: {}, name, points: points.map((p) => [p.ts, p.value]) });

interface Props {
  name: string;
  onClose(): void;
  /** Opens a query in the PromQL explorer. */
  onExplore(expr: string): void;
}

/** One SLO over the last day: burn rate, SLI and (for latency SLOs) P95/P99, with the PromQL behind them. */
export function SloDetailView({ name, onClose, onExplore }: Props) {
  const { resource, retry } = useCall('slo.get', { name, burnWindow: '1h' });
  return (
    <section className="alert-detail" aria-label={`SLO ${name}`} data-testid="slo-detail">
      <ResourceView resource={resource} onRetry={retry} loadingLabel="Computing the SLO…" errorTitle={`Could not compute ${name}`}>
        {(d) => (
          <>
            <div className="section-head">
              <h3>
                <span className="mono">{name}</span> <span className="muted">{d.definition.description}</span>
              </h3>
              <button type="button" className="button button--small" onClick={onClose} aria-label="Close SLO detail">
                ×
              </button>
            </div>
            <p>
              SLI {fractionText(d.sli)} over {d.definition.window} (target {d.definition.target}%) · budget {formatInterval(d.budget.totalMs)}, left{' '}
              {d.budget.remainingMs === null ? 'unknown' : formatInterval(Math.max(0, d.budget.remainingMs))} · alerts in{' '}
              <span className="mono">{d.alerting.ruleFile}</span>
              {d.alerting.note && ` (${d.alerting.note})`}
            </p>
            {d.burning.length > 0 && (
              <p className="banner banner--error">Burning: {d.burning.map((b) => `${b.alert} (${b.severity}, ${b.factor}× over ${b.longWindow} and ${b.shortWindow})`).join('; ')}</p>
            )}
            <h4>Burn rate over {d.burnWindow}</h4>
            <PromChart series={[asSeries(`burn rate ${d.burnWindow}`, d.burnRate)]} />
            <h4>SLI over {d.burnWindow}</h4>
            <PromChart series={[asSeries(`SLI ${d.burnWindow}`, d.sliSeries)]} />
            {d.latency.p95.length > 0 && (
              <>
                <h4>Latency (seconds)</h4>
                <PromChart series={[asSeries('P95', d.latency.p95), asSeries('P99', d.latency.p99)]} />
              </>
            )}
            <h4>Queries</h4>
            <ul className="slo-queries">
              {Object.entries(d.queries)
                .filter((e): e is [string, string] => e[1] !== null)
                .map(([what, expr]) => (
                  <li key={what}>
                    {what}:{' '}
                    <button type="button" className="link-button mono" onClick={() => onExplore(expr)}>
                      {expr}
                    </button>
                  </li>
                ))}
            </ul>
          </>
        )}
      </ResourceView>
    </section>
  );
}
