import type { DockerEngineState } from '@contract';

const TONES: Record<DockerEngineState, string> = {
  connecting: 'badge--info',
  connected: 'badge--ok',
  unreachable: 'badge--critical',
  error: 'badge--critical',
};

export function EngineBadge({ state }: { state: DockerEngineState }) {
  return (
    <span className={`badge ${TONES[state]}`} data-state={state}>
      {state}
    </span>
  );
}
