import type { DrillResult } from '@contract';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTimestamp } from '../../format/time';
import { msText } from './format';

const axisTick = { fill: 'var(--text-muted)', fontSize: 11 };

/** One plan's drills, oldest first: each bar the measured time, green when it met the RTO line, red when not. */
export function DrillChart({ drills, rtoMs }: { drills: DrillResult[]; rtoMs: number }) {
  const points = [...drills].reverse().map((d) => ({ at: d.startedAt, seconds: d.durationMs / 1000, met: d.rtoMet }));
  return (
    <figure className="chart recovery-drill-chart" data-testid="drill-chart" data-points={points.length}>
      <figcaption className="chart__title">Drill time against the RTO ({msText(rtoMs)})</figcaption>
      <BarChart responsive style={{ width: '100%', height: 140 }} data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="at" tickFormatter={(t) => formatTimestamp(Number(t))} tick={axisTick} stroke="var(--border)" minTickGap={48} />
        <YAxis tick={axisTick} stroke="var(--border)" width={44} domain={[0, (max: number) => Math.max(max, rtoMs / 1000) * 1.1]} tickFormatter={(s) => msText(Number(s) * 1000)} />
        <ReferenceLine y={rtoMs / 1000} stroke="var(--critical)" strokeDasharray="4 3" />
        <Tooltip
          labelFormatter={(t) => formatTimestamp(Number(t))}
          formatter={(s) => msText(Number(s) * 1000)}
          contentStyle={{ background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 4, fontSize: 12 }}
          isAnimationActive={false}
        />
        <Bar dataKey="seconds" name="Drill time" isAnimationActive={false}>
          {points.map((p) => (
            <Cell key={p.at} fill={p.met ? 'var(--ok)' : 'var(--critical)'} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  );
}
