import { UsageBar } from '../../components/UsageBar';
import { formatPercent } from '../../format/number';

/** One thin bar per core, so a single pegged core stands out behind a calm total. */
export function CoreBars({ perCorePct }: { perCorePct: number[] }) {
  return (
    <ul className="core-bars" aria-label="CPU busy per core" data-testid="cpu-cores">
      {perCorePct.map((pct, i) => (
        <li key={i} title={`Core ${i}: ${formatPercent(pct)}`}>
          <span className="core-bars__name">{i}</span>
          <UsageBar pct={pct} label={`Core ${i} busy`} />
          <span className="core-bars__value">{formatPercent(pct)}</span>
        </li>
      ))}
    </ul>
  );
}
