import type { K8sContextState } from '@contract';

const TONES: Record<K8sContextState, string> = {
  disabled: '',
  connecting: 'badge--info',
  connected: 'badge--ok',
  unauthorized: 'badge--critical',
  forbidden: 'badge--warning',
  unreachable: 'badge--critical',
  error: 'badge--critical',
  invalid: 'badge--warning',
};

export function StateBadge({ state }: { state: K8sContextState }) {
  return (
    <span className={`badge ${TONES[state]}`} data-state={state}>
      {state}
    </span>
  );
}
