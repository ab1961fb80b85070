import { useEffect, useRef } from 'react';

/** Calls `fn` every `ms` while the component is mounted and the page is visible. */
export function useEvery(ms: number, fn: () => void): void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
