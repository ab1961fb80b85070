import type { ChannelInput, CostPricing, CostPricingTable } from '@contract';
import { useEffect, useState } from 'react';
import { ResourceView } from '../../../components/ResourceView';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { useApp } from '../../../state/StoreProvider';
import { formatMoney } from '../costFormat';

type PriceKey = 'cpuCoreHour' | 'ramGbHour' | 'gpuHour' | 'storageGbMonth';
const PRICE_FIELDS: [PriceKey, string][] = [
  ['cpuCoreHour', 'CPU per core-hour'],
  ['ramGbHour', 'Memory per GiB-hour'],
  ['gpuHour', 'GPU per GPU-hour'],
  ['storageGbMonth', 'Storage per GiB-month'],
];

interface Props {
  /** The prices changed: reports priced with them are stale. */
  onSaved(): void;
}

/** The unit prices allocation uses (an OpenCost custom pricing sheet), the team label, and the instance rates from billing. */
export function PricingEditor({ onSaved }: Props) {
  const pricing = useNewestAnswer('cost.pricing.get', {});
  return (
    <section className="pricing" aria-label="Pricing">
      <h3>Prices</h3>
      <ResourceView resource={pricing.resource} onRetry={pricing.load} loadingLabel="Reading prices…" errorTitle="Could not read the prices">
        {(p) => (
          <PricingForm
            pricing={p}
            onSaved={(next) => {
              pricing.receive(next);
              onSaved();
            }}
          />
        )}
      </ResourceView>
    </section>
  );
}

function PricingForm({ pricing, onSaved }: { pricing: CostPricing; onSaved(next: CostPricing): void }) {
  const client = useApp((s) => s.client);
  const [draft, setDraft] = useState(() => textOf(pricing.table));
  const [teamLabel, setTeamLabel] = useState(pricing.teamLabel);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDraft(textOf(pricing.table));
    setTeamLabel(pricing.teamLabel);
  }, [pricing]);

  const save = async (payload: ChannelInput<'cost.pricing.set'>) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await client.call('cost.pricing.set', payload));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const table = tableOf(draft);
    if (typeof table === 'string') setError(table);
    else void save({ table, teamLabel: teamLabel.trim() });
  };

  return (
    <form
      className="pricing__form"
      data-testid="pricing-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="muted">
        {pricing.custom ? `Your prices, kept in ${pricing.file} (OpenCost custom pricing format).` : `Default prices: ${pricing.defaultsNote}`}
      </p>
      <div className="pricing__grid">
        {PRICE_FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input className="input" inputMode="decimal" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} name={key} />
          </label>
        ))}
        <label>
          Currency
          <input className="input" value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })} name="currency" maxLength={3} />
        </label>
        <label>
          Team label
          <input className="input" value={teamLabel} onChange={(e) => setTeamLabel(e.target.value)} name="teamLabel" />
        </label>
      </div>
      {error && (
        <p className="rule-error" role="alert">
          {error}
        </p>
      )}
      <div className="pricing__actions">
        <button type="submit" className="button" disabled={busy}>
          Save prices
        </button>
        <button type="button" className="button" disabled={busy || !pricing.custom} onClick={() => void save({ reset: true })}>
          Reset to defaults
        </button>
      </div>
      <h4>Node prices from billing</h4>
      {pricing.instanceRates.length === 0 ? (
        <p className="muted">{pricing.instanceRatesNote}</p>
      ) : (
        <table className="table" aria-label="Instance rates">
          <thead>
            <tr>
              <th scope="col">Instance type</th>
              <th scope="col">Provider</th>
              <th scope="col">Per hour</th>
              <th scope="col">Hours billed</th>
            </tr>
          </thead>
          <tbody>
            {pricing.instanceRates.map((r) => (
              <tr key={r.instanceType}>
                <td className="mono">{r.instanceType}</td>
                <td>{r.provider}</td>
                <td>{formatMoney(r.hourly, pricing.table.currency)}</td>
                <td>{r.hours.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}

type Draft = Record<PriceKey | 'currency' | 'description', string>;

const textOf = (t: CostPricingTable): Draft => ({
  description: t.description,
  currency: t.currency,
  cpuCoreHour: String(t.cpuCoreHour),
  ramGbHour: String(t.ramGbHour),
  gpuHour: String(t.gpuHour),
  storageGbMonth: String(Number(t.storageGbMonth.toPrecision(10))),
});

/** The form's prices as numbers, or what is wrong with one. */
function tableOf(d: Draft): CostPricingTable | string {
  const prices = {} as Record<PriceKey, number>;
  for (const [key, label] of PRICE_FIELDS) {
    const n = Number(d[key]);
    if (d[key].trim() === '' || !Number.isFinite(n) || n < 0) return `${label} must be a number of 0 or more.`;
    prices[key] = n;
  }
  return { description: d.description, currency: d.currency, ...prices };
}
