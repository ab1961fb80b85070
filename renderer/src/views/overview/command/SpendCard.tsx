import { Tile } from '../../../components/Tile';
import { UsageBar } from '../../../components/UsageBar';
import { useCall } from '../../../state/useCall';
import { money } from './format';
import { TabLink } from './TabLink';

/** Month-to-date spend against the budgets, from the cost engine's summary. */
export function SpendCard() {
  const { resource } = useCall('cost.summary', {});
  if (resource.status === 'loading') return <Tile label="Spend" data-testid="card-spend" value="…" />;
  if (resource.status === 'error' || !resource.data.connected) {
    return (
      <Tile label="Spend" data-testid="card-spend" value="Not connected" detail={resource.status === 'error' ? resource.message : (resource.data.hint ?? 'Connect a billing export in the Cost tab.')}>
        <TabLink target={{ tab: 'cost' }}>Open Cost</TabLink>
      </Tile>
    );
  }
  const s = resource.data;
  const change = s.previousPeriodToDate > 0 ? Math.round(((s.monthToDate - s.previousPeriodToDate) / s.previousPeriodToDate) * 100) : null;
  return (
    <Tile
      label="Spend this month"
      data-testid="card-spend"
      value={money(s.monthToDate, s.currency)}
      detail={
        <>
          {change !== null && `${change >= 0 ? '+' : ''}${change}% on last month to date`}
          {s.forecastMonthEnd && ` · forecast ${money(s.forecastMonthEnd.value, s.currency)}`}
        </>
      }
    >
      {s.budgets.slice(0, 3).map((b) => (
        <div key={b.id} className="card-budget">
          <span>
            {b.name}: {money(b.actual, s.currency)} of {money(b.amount, s.currency)}
          </span>
          <UsageBar pct={b.amount > 0 ? Math.min(100, (100 * b.actual) / b.amount) : 0} label={`Budget ${b.name} used`} />
        </div>
      ))}
    </Tile>
  );
}
