import type { CostPeriod } from '@contract';
import { Tile } from '../../components/Tile';
import { formatChange, formatMoney } from './costFormat';

/** Month to date against the same days of the month before, and the month-end forecast with its interval. */
export function PeriodTiles({ period }: { period: CostPeriod }) {
  const f = period.forecast;
  return (
    <div className="tiles">
      <Tile label="Month to date" value={formatMoney(period.monthToDate, period.currency)} detail={`${period.monthStart} to ${period.asOf}`} data-testid="cost-mtd" />
      <Tile
        label="Previous period"
        value={formatMoney(period.previousPeriodToDate, period.currency)}
        detail={`${period.previousFrom} to ${period.previousTo} · ${formatChange(period.monthToDate, period.previousPeriodToDate)}`}
        data-testid="cost-previous"
      />
      <Tile
        label="Month-end forecast"
        value={f ? formatMoney(f.value, period.currency) : '—'}
        detail={
          f
            ? `95% interval ${formatMoney(f.low, period.currency)} to ${formatMoney(f.high, period.currency)} · ${f.daysRemaining} days left`
            : 'Needs two days of this month'
        }
        data-testid="cost-forecast"
      />
    </div>
  );
}
