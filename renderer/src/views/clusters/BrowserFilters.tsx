import type { K8sNamespaceRow, PodPhase } from '@contract';
import { POD_PHASES } from '@contract/types';
import type { Ref } from 'react';
import { isClusterScoped, KIND_LABELS } from '../../components/k8s/kinds';
import { useSettledInput } from '../../components/useSettledInput';
import type { ClusterRoute } from './clusterRoute';

interface Props {
  route: ClusterRoute;
  namespaces: K8sNamespaceRow[];
  /** The host's reason when the label selector does not parse. */
  selectorError: string | null;
  onChange(patch: Partial<ClusterRoute>): void;
  textInput: Ref<HTMLInputElement>;
}

/** The filters of the resource browser: namespace, name, label selector, and phase (pods) or problems only. */
export function BrowserFilters({ route, namespaces, selectorError, onChange, textInput }: Props) {
  const text = useSettledInput(route.text, (v) => onChange({ text: v }));
  const selector = useSettledInput(route.labelSelector, (v) => onChange({ labelSelector: v }));
  const knownNamespace = route.namespace === null || namespaces.some((n) => n.name === route.namespace);
  const pods = route.kind === 'pods';

  return (
    <div className="pod-filters" role="search" aria-label={`Filter ${KIND_LABELS[route.kind].toLowerCase()}`}>
      {!isClusterScoped(route.kind) && (
        <label className="pod-filters__field">
          <span>Namespace</span>
          <select value={route.namespace ?? ''} onChange={(e) => onChange({ namespace: e.target.value || null })}>
            <option value="">All namespaces</option>
            {!knownNamespace && <option value={route.namespace!}>{route.namespace} (not found)</option>}
            {namespaces.map((n) => (
              <option key={n.name} value={n.name}>
                {pods ? `${n.name} (${n.pods.toLocaleString()})` : n.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="pod-filters__field pod-filters__field--wide">
        <span>Name contains</span>
        <input ref={textInput} type="search" placeholder="name" title="Press / to jump here" spellCheck={false} {...text} />
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
      {pods ? (
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
      ) : (
        <label className="pod-filters__check">
          <input type="checkbox" checked={route.problems} onChange={(e) => onChange({ problems: e.target.checked })} />
          Problems only
        </label>
      )}
    </div>
  );
}
