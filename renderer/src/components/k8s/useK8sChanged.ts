import type { K8sKind } from '@contract';
import { useEffect, useRef } from 'react';
import { useHostEvent } from '../../state/useHostEvent';

/** Changes in a burst (a rollout touches many objects) lead to one refetch. */
const SETTLE_MS = 250;

/**
 * Calls `fn` after `k8s.changed` events naming one of `kinds` in `context` (any context when
 * null): at most once per SETTLE_MS, after the first event of a burst, so a cluster that
 * never stops changing still gets fresh data.
 */
export function useK8sChanged(context: string | null, kinds: readonly K8sKind[], fn: () => void): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useHostEvent('k8s.changed', (change) => {
    if ((context !== null && change.context !== context) || !change.kinds.some((k) => kinds.includes(k)) || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, SETTLE_MS);
  });
}
