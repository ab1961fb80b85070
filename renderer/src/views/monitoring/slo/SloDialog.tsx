import type { ChannelInput, SloList, SloStatus } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useApp } from '../../../state/StoreProvider';
import { useCall } from '../../../state/useCall';
import { keepEnter } from '../keepEnter';

type SloInput = ChannelInput<'slo.save'>;
const SLO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface Props {
  /** null: a new SLO. */
  slo: SloStatus | null;
  onSaved(list: SloList): void;
  onClose(): void;
}

interface Draft {
  name: string;
  source: string;
  type: 'ratio' | 'latency';
  good: string;
  total: string;
  metric: string;
  selector: string;
  threshold: string;
  target: string;
  window: string;
  description: string;
}

function draftOf(slo: SloStatus | null): Draft {
  const d = slo?.definition;
  const spec = d?.spec;
  return {
    name: d?.name ?? '',
    source: d ? String(d.source) : '',
    type: spec?.type ?? 'ratio',
    good: spec?.type === 'ratio' ? spec.good : '',
    total: spec?.type === 'ratio' ? spec.total : '',
    metric: spec?.type === 'latency' ? spec.metric : '',
    selector: spec?.type === 'latency' ? spec.selector : '',
    threshold: spec?.type === 'latency' ? String(spec.thresholdSeconds) : '',
    target: d ? String(d.target) : '99.9',
    window: d?.window ?? '30d',
    description: d?.description ?? '',
  };
}

/** The save input, or null while a field is missing; the host checks the expressions on the source. */
function inputOf(d: Draft): SloInput | null {
  const target = Number(d.target);
  const source = Number(d.source);
  if (!SLO_NAME.test(d.name) || !source || !(target > 0 && target < 100) || !d.window.trim()) return null;
  const base = { name: d.name, source, target, window: d.window.trim(), description: d.description.trim() };
  if (d.type === 'ratio') return d.good.trim() && d.total.trim() ? { ...base, spec: { type: 'ratio', good: d.good.trim(), total: d.total.trim() } } : null;
  const threshold = Number(d.threshold);
  return d.metric.trim() && threshold > 0
    ? { ...base, spec: { type: 'latency', metric: d.metric.trim(), selector: d.selector.trim(), thresholdSeconds: threshold } }
    : null;
}

function Field({ label, value, onChange, mono = false, multiline = false }: { label: string; value: string; onChange(v: string): void; mono?: boolean; multiline?: boolean }) {
  return (
    <label className="form-field">
      {label}
      {multiline ? (
        <textarea className={mono ? 'mono' : undefined} rows={2} spellCheck={false} value={value} onKeyDown={keepEnter} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className={mono ? 'mono' : undefined} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

/** Creates or replaces an SLO: a ratio of two PromQL expressions, or a latency threshold on a histogram. */
export function SloDialog({ slo, onSaved, onClose }: Props) {
  const client = useApp((s) => s.client);
  const sources = useCall('prom.sources', {});
  const [draft, setDraft] = useState(() => draftOf(slo));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const input = inputOf(draft);
  const options = sources.resource.status === 'ready' ? sources.resource.data.sources : [];

  return (
    <ConfirmDialog
      title={slo ? `Edit SLO ${slo.definition.name}` : 'New SLO'}
      statement="Opsdeck checks the expressions on the source, computes the error budget and writes burn-rate alert rules for it."
      confirmLabel="Save SLO"
      confirmDisabled={input === null}
      onClose={onClose}
      onConfirm={async () => onSaved(await client.call('slo.save', input!))}
    >
      {!slo && <Field label="Name" value={draft.name} onChange={(name) => set({ name })} mono />}
      <label className="form-field">
        Prometheus source
        <select value={draft.source} onChange={(e) => set({ source: e.target.value })}>
          <option value="">Choose a source</option>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="form-field">
        Kind
        <select value={draft.type} onChange={(e) => set({ type: e.target.value as Draft['type'] })}>
          <option value="ratio">Ratio of good to total events</option>
          <option value="latency">Latency under a threshold (histogram)</option>
        </select>
      </label>
      {draft.type === 'ratio' ? (
        <>
          <Field label="Good events ($window for the range)" value={draft.good} onChange={(good) => set({ good })} mono multiline />
          <Field label="Total events ($window for the range)" value={draft.total} onChange={(total) => set({ total })} mono multiline />
        </>
      ) : (
        <>
          <Field label="Histogram metric" value={draft.metric} onChange={(metric) => set({ metric })} mono />
          <Field label="Label matchers (without braces)" value={draft.selector} onChange={(selector) => set({ selector })} mono />
          <Field label="Threshold in seconds (a bucket bound)" value={draft.threshold} onChange={(threshold) => set({ threshold })} mono />
        </>
      )}
      <Field label="Target (%)" value={draft.target} onChange={(target) => set({ target })} mono />
      <Field label="Window (e.g. 30d)" value={draft.window} onChange={(window) => set({ window })} mono />
      <Field label="Description" value={draft.description} onChange={(description) => set({ description })} multiline />
    </ConfirmDialog>
  );
}
