import { useEffect } from 'react';

/** Calls `fn` when Esc is pressed anywhere, unless something nearer (a dialog, a field) already handled it. */
export function useEscapeKey(fn: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) fn();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [fn]);
}
