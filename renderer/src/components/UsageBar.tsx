/** Where a usage bar turns amber and red; matches the host's own disk and memory alert level. */
const WARN_PCT = 80;
const CRITICAL_PCT = 90;

function usageLevel(pct: number): 'ok' | 'warn' | 'critical' {
  if (pct >= CRITICAL_PCT) return 'critical';
  if (pct >= WARN_PCT) return 'warn';
  return 'ok';
}

export function UsageBar({ pct, label }: { pct: number; label: string }) {
  const clamped = Math.min(100, Math.max(0, pct));
  return (
    <div
      className={`usage-bar usage-bar--${usageLevel(clamped)}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped)}
    >
      <div className="usage-bar__fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}
