import type { DockerChangeKind } from '@contract';
import { useBatched } from '../../components/useBatched';
import { useHostEvent } from '../../state/useHostEvent';

/** Stats arrive every couple of seconds per engine; one refetch per burst is plenty. */
const SETTLE_MS = 300;

/** Calls `fn` once per burst of docker.changed events naming one of `kinds` on `engine` (any engine when null). */
export function useDockerChanged(engine: string | null, kinds: readonly DockerChangeKind[], fn: () => void): void {
  const trigger = useBatched(SETTLE_MS, fn);
  useHostEvent('docker.changed', (change) => {
    if ((engine === null || change.engine === engine) && change.kinds.some((k) => kinds.includes(k))) trigger();
  });
}
