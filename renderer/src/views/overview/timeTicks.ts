const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Tick spacings a reader expects on a clock axis. */
const INTERVALS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR];

/**
 * Evenly spaced ticks on round local times (every 2 min, 1 h, 1 day…), at most
 * `max` of them, across [from, to]. Aligned with the local offset at `from`,
 * so a daylight-saving change inside a week shifts ticks by an hour; harmless on a chart.
 */
export function timeTicks(from: number, to: number, max = 6): number[] {
  if (!(to > from)) return [];
  const span = to - from;
  const interval = INTERVALS.find((i) => span / i <= max) ?? Math.ceil(span / max / (24 * HOUR)) * 24 * HOUR;
  const shift = -new Date(from).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let t = Math.ceil((from + shift) / interval) * interval - shift; t <= to; t += interval) ticks.push(t);
  return ticks;
}
