const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as people say it: 40 min, 9 h, 3 d. */
export function humanSpan(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** A value in its unit, with three significant digits at most. */
export function humanValue(value: number, unit: string): string {
  if (unit === 'B/s') {
    const units = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return `${Number(v.toPrecision(3))} ${units[i]}`;
  }
  const text = String(Number(value.toPrecision(3)));
  return unit ? `${text} ${unit}` : text;
}
