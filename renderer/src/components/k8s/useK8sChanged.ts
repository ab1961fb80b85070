import type { K8sKind } from '@contract';
import { useHostEvent } from '../../state/useHostEvent';
import { useBatched } from '../useBatched';

/**
 * Changes in a burst (a rollout touches many objects) lead to one refetch. The host already
 * gathers k8s.changed over 100 ms; waiting as long again joins the events of one burst that
 * straddle two of its batches.
 */
const SETTLE_MS = 100;

/**
 * Calls `fn` after `k8s.changed` events naming one of `kinds` in `context` (any context when
 * null): at most once per SETTLE_MS, after the first event of a burst, so a cluster that
 * never stops changing still gets fresh data.
 */
export function useK8sChanged(context: string | null, kinds: readonly K8sKind[], fn: () => void): void {
  const trigger = useBatched(SETTLE_MS, fn);
  useHostEvent('k8s.changed', (change) => {
    if ((context === null || change.context === context) && change.kinds.some((k) => kinds.includes(k))) trigger();
  });
}
