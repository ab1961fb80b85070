import type { PromMatrixSeries } from '@contract';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock, formatDayClock, formatTimestamp } from '../../../format/time';

/** Lines a chart stays legible with; the table view holds every series. */
export const MAX_CHART_SERIES = 20;
const COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)'];
const DAY_MS = 24 * 60 * 60 * 1000;
const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };
/** PromQL values span every scale (0.002 req/s, 3e9 bytes): three significant digits keep ticks apart. */
const valueTick = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 3, notation: 'compact' });

type Row = { ts: number } & Record<string, number | null>;

/** One row per timestamp with a column per series (s0, s1, …); a NaN or ±Inf sample stays null, a gap in its line. */
export function chartRows(series: PromMatrixSeries[]): Row[] {
  const rows = new Map<number, Row>();
  series.forEach((s, i) => {
    for (const [ts, value] of s.points) {
      const row = rows.get(ts) ?? { ts };
      row[`s${i}`] = value;
      rows.set(ts, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.ts - b.ts);
}

/** A range query's series as lines, each named in the legend as PromQL spells it. */
export function PromChart({ series }: { series: PromMatrixSeries[] }) {
  const drawn = series.slice(0, MAX_CHART_SERIES);
  const rows = chartRows(drawn);
  const span = rows.length > 1 ? rows.at(-1)!.ts - rows[0]!.ts : 0;
  const points = drawn.reduce((n, s) => n + s.points.length, 0);
  return (
    <figure className="chart prom-chart" data-testid="promql-chart" data-series={drawn.length} data-points={points}>
      {series.length > MAX_CHART_SERIES && (
        <p className="chart__note">
          Showing the first {MAX_CHART_SERIES} of {series.length} series; the table view lists them all.
        </p>
      )}
      {points === 0 ? (
        <p className="chart__note">No samples in this range.</p>
      ) : (
        <LineChart responsive style={{ width: '100%', height: 280 }} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={span > DAY_MS ? formatDayClock : formatClock}
            tick={axisTick}
            stroke="var(--border)"
            minTickGap={48}
          />
          <YAxis tickFormatter={(n: number) => valueTick.format(n)} tick={axisTick} stroke="var(--border)" width={64} />
          <Tooltip
            labelFormatter={(ts) => formatTimestamp(Number(ts))}
            contentStyle={{ background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 4, fontSize: 12 }}
            isAnimationActive={false}
          />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} />
          {drawn.map((s, i) => (
            <Line key={s.name} dataKey={`s${i}`} name={s.name || '{}'} type="linear" stroke={COLORS[i % COLORS.length]} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      )}
    </figure>
  );
}
