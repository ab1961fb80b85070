import type { CostPeriod } from '@contract';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays, formatMoney } from './costFormat';

const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };

interface Point {
  day: string;
  actual?: number;
  forecast?: number;
  band?: [number, number];
}

/**
 * Cumulative spend this month, then the run-rate forecast to the month's end. The band narrows to
 * the days left: for k days ahead its half-width is the interval's × √(k + k²/n) / √(r + r²/n).
 */
function pointsOf(period: CostPeriod): Point[] {
  let sum = 0;
  const points: Point[] = period.daily.map((d) => ({ day: d.day, actual: (sum += d.cost) }));
  const f = period.forecast;
  if (!f || f.daysRemaining === 0) return points;
  const last = points.at(-1)!;
  last.forecast = sum;
  last.band = [sum, sum];
  const n = f.daysElapsed;
  const full = Math.sqrt(f.daysRemaining + f.daysRemaining ** 2 / n);
  const half = f.high - f.value;
  for (let k = 1; k <= f.daysRemaining; k++) {
    const value = sum + k * f.dailyMean;
    const width = (half * Math.sqrt(k + (k * k) / n)) / full;
    points.push({ day: addDays(period.asOf, k), forecast: value, band: [value - width, value + width] });
  }
  return points;
}

export function ForecastChart({ period }: { period: CostPeriod }) {
  const points = pointsOf(period);
  return (
    <figure className="chart" data-testid="cost-forecast-chart" data-points={points.length}>
      <figcaption className="chart__title">This month, cumulative, with the month-end forecast (95% interval)</figcaption>
      <ComposedChart responsive style={{ width: '100%', height: 200 }} data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="day" tick={axisTick} stroke="var(--border)" minTickGap={32} />
        <YAxis tick={axisTick} stroke="var(--border)" width={64} />
        <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => formatMoney(Number(x), period.currency)).join(' – ') : formatMoney(Number(v), period.currency))} isAnimationActive={false} />
        <Area dataKey="band" name="95% interval" stroke="none" fill="var(--accent)" fillOpacity={0.15} isAnimationActive={false} />
        <Line dataKey="actual" name="Spent" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="forecast" name="Forecast" stroke="var(--accent)" strokeDasharray="4 3" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </figure>
  );
}
