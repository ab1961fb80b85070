import { memo } from 'react';

interface Props {
  values: readonly number[];
  /** The top of the scale; the largest value when not given. */
  max?: number;
  color: string;
  label: string;
}

const WIDTH = 64;
const HEIGHT = 18;

/** The polyline's points: oldest at the left, zero at the bottom, `top` at the top. */
export function sparkPoints(values: readonly number[], top: number): string {
  const scale = top > 0 ? (HEIGHT - 2) / top : 0;
  const step = WIDTH / Math.max(1, values.length - 1);
  return values.map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - Math.min(v, top) * scale).toFixed(1)}`).join(' ');
}

const sameValues = (a: Props, b: Props) =>
  a.color === b.color && a.max === b.max && a.label === b.label && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);

/**
 * A tiny line of recent readings for a table cell, drawn as one SVG polyline and redrawn only
 * when its numbers change: hundreds of rows stay cheap where a charting library's chart per cell would not.
 */
export const Sparkline = memo(function Sparkline({ values, max, color, label }: Props) {
  if (values.length < 2) return null;
  const top = max ?? Math.max(...values);
  return (
    <svg className="sparkline" role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <polyline points={sparkPoints(values, top)} fill="none" stroke={color} strokeWidth={1.25} strokeLinejoin="round" />
    </svg>
  );
}, sameValues);
