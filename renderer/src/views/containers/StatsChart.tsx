import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytes, formatRate } from '../../format/bytes';
import { formatDecimal, formatPercent } from '../../format/number';
import { formatClock, formatTimestamp } from '../../format/time';
import type { StatsPoint } from './statsSeries';

type StatsKey = Exclude<keyof StatsPoint, 'at'>;
export type StatsUnit = 'percent' | 'bytes' | 'rate';

interface Props {
  id: string;
  title: string;
  points: StatsPoint[];
  lines: { key: StatsKey; name: string; color: string }[];
  unit: StatsUnit;
}

const FORMATS: Record<StatsUnit, (n: number) => string> = { percent: formatPercent, bytes: formatBytes, rate: formatRate };
/** Axis ticks of small percentages need their decimals: 0.05%, not 0.1% twice. */
const TICKS: Record<StatsUnit, (n: number) => string> = { percent: (n) => `${formatDecimal(n)}%`, bytes: formatBytes, rate: formatRate };
const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };

/** One container metric over the host's stats history. */
export function StatsChart({ id, title, points, lines, unit }: Props) {
  const format = FORMATS[unit];
  return (
    <figure className="chart" data-testid={`container-chart-${id}`} data-points={points.length}>
      <figcaption className="chart__title">{title}</figcaption>
      <AreaChart responsive style={{ width: '100%', height: 130 }} data={points} syncId="container-stats" margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} tick={axisTick} stroke="var(--border)" minTickGap={48} />
        <YAxis tickFormatter={TICKS[unit]} tick={axisTick} stroke="var(--border)" width={unit === 'percent' ? 48 : 76} domain={[0, 'auto']} />
        <Tooltip
          labelFormatter={(at) => formatTimestamp(Number(at))}
          formatter={(value) => format(Number(value))}
          contentStyle={{ background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 4, fontSize: 12 }}
          labelStyle={{ color: 'var(--text-muted)' }}
          isAnimationActive={false}
        />
        {lines.length > 1 && <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} />}
        {lines.map((l) => (
          <Area key={l.key} dataKey={l.key} name={l.name} type="linear" stroke={l.color} fill={l.color} fillOpacity={0.12} strokeWidth={1.5} dot={false} isAnimationActive={false} />
        ))}
      </AreaChart>
    </figure>
  );
}
