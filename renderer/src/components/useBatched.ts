import { useCallback, useEffect, useRef } from 'react';

/**
 * A trigger that calls `fn` once per burst: the first call starts a wait of `ms` and the calls
 * during it join in, so a steady stream of triggers still calls `fn` at a steady pace.
 */
export function useBatched(ms: number, fn: () => void): () => void {
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
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  }, [ms]);
}
