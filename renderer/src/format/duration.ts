/** A compact two-unit duration, e.g. "3d 4h", "5h 12m", "12m 3s", "42s". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** A sampling interval, which may be under a second in tests or tuned setups. */
export const formatInterval = (ms: number): string => (ms < 1000 ? `${ms} ms` : formatDuration(ms / 1000));
