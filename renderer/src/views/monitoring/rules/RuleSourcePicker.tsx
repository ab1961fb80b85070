import type { RulesList } from '@contract';
import { useState } from 'react';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { useCall } from '../../../state/useCall';

/** Which Prometheus source the rules' PromQL runs against; none chosen means the first connected one. */
export function RuleSourcePicker({ list, onChanged }: { list: RulesList; onChanged(list: RulesList): void }) {
  const client = useApp((s) => s.client);
  const sources = useCall('prom.sources', {});
  const [error, setError] = useState<string | null>(null);
  const options = sources.resource.status === 'ready' ? sources.resource.data.sources : [];

  const choose = (value: string) => {
    setError(null);
    client.call('rules.setSource', { source: value ? Number(value) : null }).then(onChanged, (err: unknown) => setError(errorMessage(err)));
  };

  return (
    <div className="rule-source">
      <label className="pod-filters__field">
        <span>Rules run against</span>
        <select aria-label="Rules source" value={list.source ? String(list.source.id) : ''} onChange={(e) => choose(e.target.value)}>
          <option value="">The first connected source</option>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.state})
            </option>
          ))}
        </select>
      </label>
      {list.hint && <p className="note">{list.hint}</p>}
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
