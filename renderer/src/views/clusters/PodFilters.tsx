import type { K8sNamespaceRow, PodPhase } from '@contract';
import { POD_PHASES } from '@contract/types';
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { ClusterRoute } from './clusterRoute';

/** Typing settles for this long before the host is asked again. */
const TYPING_MS = 300;

interface Props {
  route: ClusterRoute;
  namespaces: K8sNamespaceRow[];
  /** The host's reason when the label selector does not parse. */
  selectorError: string | null;
  onChange(patch: Partial<ClusterRoute>): void;
}

/** A text field that reports its value once typing pauses (or at once on Enter). */
function useSettledInput(value: string, onSettle: (v: string) => void) {
  const [draft, setDraft] = useState(value);
  // The latest callback, so a re-render while typing does not restart the wait.
  const settle = useRef(onSettle);
  useEffect(() => {
    settle.current = onSettle;
  });
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => settle.current(draft), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return {
    value: draft,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft(e.target.value),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') settle.current(draft);
    },
  };
}

export function PodFilters({ route, namespaces, selectorError, onChange }: Props) {
  const text = useSettledInput(route.text, (v) => onChange({ text: v }));
  const selector = useSettledInput(route.labelSelector, (v) => onChange({ labelSelector: v }));
  const knownNamespace = route.namespace === null || namespaces.some((n) => n.name === route.namespace);

  return (
    <div className="pod-filters" role="search" aria-label="Filter pods">
      <label className="pod-filters__field">
        <span>Namespace</span>
        <select value={route.namespace ?? ''} onChange={(e) => onChange({ namespace: e.target.value || null })}>
          <option value="">All namespaces</option>
          {!knownNamespace && <option value={route.namespace!}>{route.namespace} (not found)</option>}
          {namespaces.map((n) => (
            <option key={n.name} value={n.name}>
              {n.name} ({n.pods.toLocaleString()})
            </option>
          ))}
        </select>
      </label>
      <label className="pod-filters__field pod-filters__field--wide">
        <span>Name contains</span>
        <input type="search" placeholder="pod name" spellCheck={false} {...text} />
      </label>
      <label className="pod-filters__field pod-filters__field--wide">
        <span>Label selector</span>
        <input
          type="text"
          placeholder="app=web,tier in (frontend)"
          spellCheck={false}
          aria-invalid={selectorError !== null}
          aria-describedby={selectorError ? 'label-selector-error' : undefined}
          className="mono"
          {...selector}
        />
        {selectorError && (
          <span id="label-selector-error" className="pod-filters__error" role="alert">
            {selectorError.replace(/^Label selector: /, '')}
          </span>
        )}
      </label>
      <label className="pod-filters__field">
        <span>Phase</span>
        <select value={route.phase ?? ''} onChange={(e) => onChange({ phase: (e.target.value || null) as PodPhase | null })}>
          <option value="">Any phase</option>
          {POD_PHASES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
