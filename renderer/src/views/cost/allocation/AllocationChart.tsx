import type { CostAllocationSeries } from '@contract';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDayClock } from '../../../format/time';
import { formatMoney } from '../costFormat';
import { groupLabel } from './allocationFormat';

const COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)'];
const IDLE_COLOR = 'var(--text-muted)';
const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };

interface Props {
  series: CostAllocationSeries;
  currency: string;
}

/** Cost per bucket, stacked by group, idle on top. */
export function AllocationChart({ series, currency }: Props) {
  const data = series.buckets.map((ts, i) => {
    const point: Record<string, number> = { ts, idle: series.idle[i] ?? 0 };
    series.groups.forEach((g, j) => {
      point[`g${j}`] = g.costs[i] ?? 0;
    });
    return point;
  });
  return (
    <figure className="chart" data-testid="allocation-chart" data-buckets={series.buckets.length} data-groups={series.groups.length}>
      <figcaption className="chart__title">Cost over time</figcaption>
      <BarChart responsive style={{ width: '100%', height: 220 }} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="ts" tickFormatter={(ts) => formatDayClock(Number(ts))} tick={axisTick} stroke="var(--border)" minTickGap={48} />
        <YAxis tickFormatter={(n) => formatMoney(Number(n), currency)} tick={axisTick} stroke="var(--border)" width={72} />
        <Tooltip
          labelFormatter={(ts) => formatDayClock(Number(ts))}
          formatter={(value) => formatMoney(Number(value), currency)}
          contentStyle={{ background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 4, fontSize: 12 }}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {series.groups.map((g, j) => (
          <Bar key={g.key} dataKey={`g${j}`} name={groupLabel(g.key)} stackId="cost" fill={COLORS[j % COLORS.length]} isAnimationActive={false} />
        ))}
        <Bar dataKey="idle" name="Idle" stackId="cost" fill={IDLE_COLOR} fillOpacity={0.4} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
