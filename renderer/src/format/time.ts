const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time, 24-hour, as "14:05". */
export function formatClock(ts: number): string {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** For spans of several days, where the hour alone is ambiguous: "11-23 14:05". */
export function formatDayClock(ts: number): string {
  const d = new Date(ts);
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(ts)}`;
}

/** Full local time for tooltips and tables: "2025-11-23 14:05:09". */
export function formatTimestamp(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(ts)}:${pad(d.getSeconds())}`;
}

/** Time of day with seconds, for what is due soon: "14:05:09". */
export function formatTime(ts: number): string {
  return `${formatClock(ts)}:${pad(new Date(ts).getSeconds())}`;
}
