import type { CostTrend } from '@contract';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from './costFormat';

type Day = CostTrend['days'][number];

const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };
/** Distinct hues that hold up in light and dark themes. */
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Daily cost stacked by the top values of the chosen dimension. */
export function TrendChart({ trend }: { trend: CostTrend }) {
  return (
    <figure className="chart" data-testid="cost-trend" data-series={trend.keys.length} data-points={trend.days.length}>
      <figcaption className="chart__title">Daily cost by {trend.dimension === 'tag' ? `tag ${trend.tagKey}` : trend.dimension}</figcaption>
      {trend.keys.length === 0 ? (
        <p className="chart__note">No billing rows in this range.</p>
      ) : (
        <BarChart responsive style={{ width: '100%', height: 240 }} data={trend.days} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="day" tick={axisTick} stroke="var(--border)" minTickGap={32} />
          <YAxis tick={axisTick} stroke="var(--border)" width={64} />
          <Tooltip formatter={(v) => formatMoney(Number(v), trend.currency)} isAnimationActive={false} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {trend.keys.map((k, i) => (
            <Bar key={k} name={k} dataKey={(d: Day) => d.values[k] ?? 0} stackId="cost" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </figure>
  );
}
