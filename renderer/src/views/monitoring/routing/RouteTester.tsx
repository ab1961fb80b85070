import type { MatchedRoute } from '@contract';
import { useState } from 'react';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { groupByText, matchersText } from './RouteTree';

type Pair = { name: string; value: string };

interface Props {
  /** The editor's text: the tester answers for what is being edited. */
  text: string;
  onMatched(paths: number[][]): void;
}

/** "Which route would this alert take": label pairs in, the matched routes with receiver and group key out. */
export function RouteTester({ text, onMatched }: Props) {
  const client = useApp((s) => s.client);
  const [pairs, setPairs] = useState<Pair[]>([
    { name: 'alertname', value: '' },
    { name: 'severity', value: '' },
  ]);
  const [routes, setRoutes] = useState<MatchedRoute[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (i: number, patch: Partial<Pair>) => setPairs(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const test = () => {
    setError(null);
    const labels = Object.fromEntries(pairs.filter((p) => p.name.trim()).map((p) => [p.name.trim(), p.value]));
    client.call('routing.test', { labels, text }).then(
      (r) => {
        setRoutes(r.routes);
        onMatched(r.routes.map((m) => m.path));
      },
      (err: unknown) => {
        setRoutes(null);
        onMatched([]);
        setError(errorMessage(err));
      },
    );
  };

  return (
    <section className="route-tester" aria-label="Route tester">
      <h3>Which route would this alert take?</h3>
      {pairs.map((p, i) => (
        <div key={i} className="matcher-editor__row">
          <input aria-label={`Label ${i + 1} name`} className="input mono" spellCheck={false} value={p.name} onChange={(e) => set(i, { name: e.target.value })} />
          <span>=</span>
          <input aria-label={`Label ${i + 1} value`} className="input mono" spellCheck={false} value={p.value} onChange={(e) => set(i, { value: e.target.value })} />
          <button type="button" className="button button--small" aria-label={`Remove label ${i + 1}`} onClick={() => setPairs(pairs.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <div className="route-tester__buttons">
        <button type="button" className="button button--small" onClick={() => setPairs([...pairs, { name: '', value: '' }])}>
          Add label
        </button>
        <button type="button" className="button button--small button--primary" onClick={test}>
          Test routing
        </button>
      </div>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {routes && (
        <ol className="route-tester__result" aria-label="Matched routes">
          {routes.map((r) => (
            <li key={r.path.join('.')} data-testid="matched-route">
              <strong>{r.receiver}</strong> {r.path.length === 0 ? '(root)' : <span className="mono">{`{${matchersText(r.matchers)}}`}</span>} · line {r.line}
              <div className="muted">
                Grouped by {groupByText(r.groupBy)} · group key <span className="mono">{r.groupKey}</span>
                {r.continued && ' · matching continued'}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
