import type { BillingStatus, CostDimension, CostMetric } from '@contract';
import { COST_DIMENSIONS, COST_METRICS } from '@contract/types';
import { useEffect, useRef, useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { useCall } from '../../state/useCall';
import { BreakdownTable } from './BreakdownTable';
import { addDays } from './costFormat';
import { ExportButton } from './ExportButton';
import { ForecastChart } from './ForecastChart';
import { ImportsTable } from './ImportsTable';
import { PeriodTiles } from './PeriodTiles';
import { TrendChart } from './TrendChart';

const DIMENSION_LABELS: Record<CostDimension, string> = {
  provider: 'Provider',
  service: 'Service',
  serviceCategory: 'Service category',
  account: 'Account',
  region: 'Region',
  chargeCategory: 'Charge category',
  tag: 'Tag',
};
const METRIC_LABELS: Record<CostMetric, string> = { effective: 'Effective cost', billed: 'Billed cost', list: 'List cost' };

type Range = 'month' | '30d' | '90d' | 'all' | 'custom';

/** The days a preset covers, ending on the latest billing day. */
function rangeOf(range: Range, status: BillingStatus, custom: { from: string; to: string }) {
  const last = status.lastDay!;
  switch (range) {
    case 'month':
      return { from: `${last.slice(0, 7)}-01`, to: last };
    case '30d':
      return { from: addDays(last, -29), to: last };
    case '90d':
      return { from: addDays(last, -89), to: last };
    case 'all':
      return { from: status.firstDay!, to: last };
    case 'custom':
      return custom.from <= custom.to ? custom : { from: custom.to, to: custom.from };
  }
}

/** Spend by day and by dimension, month to date and forecast, and the files it came from. */
export function BillingPanel({ status }: { status: BillingStatus }) {
  const [dimension, setDimension] = useState<CostDimension>('provider');
  const [tagKey, setTagKey] = useState('');
  const [metric, setMetric] = useState<CostMetric>('effective');
  const [range, setRange] = useState<Range>('month');
  const [custom, setCustom] = useState({ from: status.firstDay!, to: status.lastDay! });
  const { from, to } = rangeOf(range, status, custom);
  const tagKeys = useCall('cost.tagKeys', { from, to });
  const keys = tagKeys.resource.status === 'ready' ? tagKeys.resource.data : [];
  useEffect(() => {
    if (dimension === 'tag' && !keys.includes(tagKey) && keys[0]) setTagKey(keys[0]);
  }, [dimension, keys, tagKey]);

  const sliced = dimension === 'tag' ? { from, to, metric, dimension, tagKey } : { from, to, metric, dimension };
  const ready = dimension !== 'tag' || tagKey !== '';
  const period = useCall('cost.period', { metric });
  const trend = useCall('cost.trend', { ...sliced, top: 8 });
  const breakdown = useCall('cost.breakdown', sliced);
  // Data changed (an import or a removal): read everything again.
  const seen = useRef(`${status.rows}/${status.lastDay}`);
  const { retry: retryPeriod } = period;
  const { retry: retryTrend } = trend;
  const { retry: retryBreakdown } = breakdown;
  useEffect(() => {
    const now = `${status.rows}/${status.lastDay}`;
    if (now === seen.current) return;
    seen.current = now;
    retryPeriod();
    retryTrend();
    retryBreakdown();
  }, [status.rows, status.lastDay, retryPeriod, retryTrend, retryBreakdown]);

  return (
    <div className="cost-billing">
      <ResourceView resource={period.resource} onRetry={period.retry} loadingLabel="Reading billing…">
        {(p) =>
          p && (
            <>
              <PeriodTiles period={p} />
              <ForecastChart period={p} />
            </>
          )
        }
      </ResourceView>

      <div className="cost-controls" role="group" aria-label="Breakdown settings">
        <label className="form-field">
          <span>By</span>
          <select data-testid="cost-dimension" value={dimension} onChange={(e) => setDimension(e.target.value as CostDimension)}>
            {COST_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        {dimension === 'tag' && (
          <label className="form-field">
            <span>Tag key</span>
            <select data-testid="cost-tag-key" value={tagKey} onChange={(e) => setTagKey(e.target.value)}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="form-field">
          <span>Cost</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value as CostMetric)}>
            {COST_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>Days</span>
          <select data-testid="cost-range" value={range} onChange={(e) => setRange(e.target.value as Range)}>
            <option value="month">Month to date</option>
            <option value="30d">Last 30 days</option>
            <option value="90d">Last 90 days</option>
            <option value="all">All data</option>
            <option value="custom">Custom</option>
          </select>
        </label>
        {range === 'custom' && (
          <>
            <label className="form-field">
              <span>From</span>
              <input type="date" value={custom.from} onChange={(e) => e.target.value && setCustom((c) => ({ ...c, from: e.target.value }))} />
            </label>
            <label className="form-field">
              <span>To</span>
              <input type="date" value={custom.to} onChange={(e) => e.target.value && setCustom((c) => ({ ...c, to: e.target.value }))} />
            </label>
          </>
        )}
      </div>

      {ready && (
        <>
          <ResourceView resource={trend.resource} onRetry={trend.retry} loadingLabel="Reading the daily trend…">
            {(t) => (
              <>
                <TrendChart trend={t} />
                <div className="cost-export-row">
                  <ExportButton request={{ table: 'trend', query: { ...sliced, top: 8 } }} testId="cost-export-trend" />
                </div>
              </>
            )}
          </ResourceView>
          <ResourceView resource={breakdown.resource} onRetry={breakdown.retry} loadingLabel="Reading the breakdown…">
            {(b) => <BreakdownTable breakdown={b} exportButton={<ExportButton request={{ table: 'breakdown', query: sliced }} testId="cost-export-breakdown" />} />}
          </ResourceView>
        </>
      )}

      <ImportsTable imports={status.imports} />
    </div>
  );
}
