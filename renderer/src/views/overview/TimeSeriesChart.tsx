import type { SeriesPoint } from '@contract';
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRate } from '../../format/bytes';
import { formatDecimal, formatPercent } from '../../format/number';
import { formatClock, formatDayClock, formatTimestamp } from '../../format/time';
import type { LiveSeries } from './liveSeries';
import { timeTicks } from './timeTicks';

export type ValueKey = Exclude<keyof SeriesPoint, 'ts'>;
export type ChartUnit = 'percent' | 'rate' | 'plain';

export interface ChartLine {
  key: ValueKey;
  name: string;
  /** A CSS colour; theme variables keep the charts legible in light and dark. */
  color: string;
}

const VALUE_FORMATS: Record<ChartUnit, (n: number) => string> = {
  percent: formatPercent,
  rate: formatRate,
  plain: (n) => formatDecimal(n),
};

const TICK_FORMATS: Record<ChartUnit, (n: number) => string> = {
  percent: (n) => `${n}%`,
  rate: formatRate,
  plain: (n) => formatDecimal(n),
};

const DAY_MS = 24 * 60 * 60 * 1000;
const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };

interface Props {
  id: string;
  title: string;
  series: LiveSeries;
  lines: ChartLine[];
  unit: ChartUnit;
  /** Shown instead of the plot when the host cannot measure this on its platform. */
  unavailable?: boolean;
}

/** One host metric over the chosen range; the wrapper's data-* attributes describe what is drawn. */
export function TimeSeriesChart({ id, title, series, lines, unit, unavailable = false }: Props) {
  const timeTick = series.spanMs > DAY_MS ? formatDayClock : formatClock;
  const formatValue = VALUE_FORMATS[unit];
  const drawn = unavailable ? 0 : series.points.length;
  const from = series.to - series.spanMs;

  return (
    <figure
      className="chart"
      data-testid={`chart-${id}`}
      data-points={drawn}
      data-range={series.range}
      data-step-ms={series.stepMs}
    >
      <figcaption className="chart__title">{title}</figcaption>
      {unavailable ? (
        <p className="chart__note">Not available on this platform.</p>
      ) : drawn === 0 ? (
        <p className="chart__note">No samples in this range yet; new ones appear as the host collects them.</p>
      ) : (
        <AreaChart
          responsive
          style={{ width: '100%', height: 150 }}
          data={series.points}
          syncId="host-charts"
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={[from, series.to]}
            ticks={timeTicks(from, series.to)}
            allowDataOverflow
            tickFormatter={timeTick}
            tick={axisTick}
            stroke="var(--border)"
            minTickGap={48}
          />
          <YAxis
            tickFormatter={TICK_FORMATS[unit]}
            tick={axisTick}
            stroke="var(--border)"
            width={unit === 'rate' ? 76 : 44}
            domain={unit === 'percent' ? [0, 100] : [0, 'auto']}
            allowDecimals={unit !== 'rate'}
          />
          <Tooltip
            labelFormatter={(ts) => formatTimestamp(Number(ts))}
            formatter={(value) => formatValue(Number(value))}
            contentStyle={{
              background: 'var(--surface-raised)',
              border: '1px solid var(--border)',
              borderRadius: 4,
              fontSize: 12,
            }}
            labelStyle={{ color: 'var(--text-muted)' }}
            isAnimationActive={false}
          />
          {lines.length > 1 && <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} />}
          {lines.map((line) => (
            <Area
              key={line.key}
              dataKey={line.key}
              name={line.name}
              type="linear"
              stroke={line.color}
              fill={line.color}
              fillOpacity={0.12}
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      )}
    </figure>
  );
}
