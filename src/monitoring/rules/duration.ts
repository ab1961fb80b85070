/** Prometheus's duration units, largest first, in milliseconds. */
const UNITS: [string, number][] = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Prometheus's duration syntax: units largest first, each at most once (1h30m, 5m, 250ms); "0" alone. */
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or null when text is not a Prometheus duration. */
export function parseDuration(text: string): number | null {
  if (text === '0') return 0;
  const match = DURATION.exec(text);
  if (!match || text === '') return null;
  let ms = 0;
  UNITS.forEach(([, size], i) => {
    if (match[i + 1]) ms += Number(match[i + 1]) * size;
  });
  return Number.isSafeInteger(ms) ? ms : null;
}

