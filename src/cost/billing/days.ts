/** UTC calendar days as YYYY-MM-DD strings. */
const DAY_MS = 86_400_000;

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromMs(toMs(day) + n * DAY_MS);

/** Days from a to b, counting both (a ≤ b gives ≥ 1). */
export const daysInclusive = (a: string, b: string): number => Math.round((toMs(b) - toMs(a)) / DAY_MS) + 1;

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

export function monthEnd(day: string): string {
  const d = new Date(toMs(monthStart(day)));
  return fromMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

/** The first day of the month `months` away from day's month. */
export function shiftMonth(day: string, months: number): string {
  const d = new Date(toMs(day));
  return fromMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** Every day from a to b, both included. */
export function dayRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let ms = toMs(a), end = toMs(b); ms <= end; ms += DAY_MS) out.push(fromMs(ms));
  return out;
}

export const today = (now = Date.now()): string => fromMs(now);
