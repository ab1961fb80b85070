import { memo } from 'react';
import { Line, LineChart, YAxis } from 'recharts';

interface Props {
  values: readonly number[];
  /** The top of the scale; the largest value when not given. */
  max?: number;
  color: string;
  label: string;
}

const sameValues = (a: Props, b: Props) =>
  a.color === b.color && a.max === b.max && a.label === b.label && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);

/**
 * A tiny line of recent readings for a table cell: no axes, tooltip or animation, and only
 * redrawn when its numbers change, so a table of hundreds of containers stays cheap.
 */
export const Sparkline = memo(function Sparkline({ values, max, color, label }: Props) {
  if (values.length < 2) return null;
  const data = values.map((v) => ({ v }));
  return (
    <span className="sparkline" role="img" aria-label={label}>
      <LineChart width={64} height={18} data={data} margin={{ top: 1, right: 0, bottom: 1, left: 0 }}>
        <YAxis hide domain={[0, max ?? 'dataMax']} />
        <Line dataKey="v" type="linear" stroke={color} strokeWidth={1.25} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}, sameValues);
