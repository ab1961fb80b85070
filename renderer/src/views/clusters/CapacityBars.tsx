import { UsageBar } from '../../components/UsageBar';
import { percentOf } from '../../format/number';

interface Props {
  label: string;
  testId: string;
  allocatable: number;
  requested: number;
  /** null when the cluster does not serve metrics.k8s.io. */
  used: number | null;
  format(value: number): string;
}

/** One resource of the cluster: how much of what the nodes offer the pods ask for, and how much they use. */
export function CapacityBars({ label, testId, allocatable, requested, used, format }: Props) {
  const rows: [string, number | null][] = [
    ['requested', requested],
    ['used', used],
  ];
  return (
    <div className="capacity" data-testid={testId}>
      <div className="capacity__head">
        <strong>{label}</strong> <span className="muted">{format(allocatable)} allocatable</span>
      </div>
      {rows.map(([what, value]) => (
        <div key={what} className="capacity__row" data-what={what}>
          <span className="capacity__label">{what}</span>
          {value === null ? (
            <span className="muted capacity__value">not reported</span>
          ) : (
            <>
              <UsageBar pct={percentOf(value, allocatable)} label={`${label} ${what}`} />
              <span className="capacity__value">
                {format(value)} · {Math.round(percentOf(value, allocatable))}%
              </span>
            </>
          )}
        </div>
      ))}
    </div>
  );
}
