import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A view's state read from the URL hash, and a setter that rewrites the hash without adding
 * history, so the state survives tab switches and reloads.
 */
export function useHashQuery<R extends object>(read: (hash: string) => R, write: (hash: string, route: R) => string): [R, (patch: Partial<R>) => void] {
  const [route, setRoute] = useState(() => read(location.hash));
  const current = useRef(route);
  const codec = useRef({ read, write });

  useEffect(() => {
    const onHashChange = () => {
      current.current = codec.current.read(location.hash);
      setRoute(current.current);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const update = useCallback((patch: Partial<R>) => {
    const next = { ...current.current, ...patch };
    current.current = next;
    const hash = codec.current.write(location.hash, next);
    // replaceState: filter changes should not pile up in history or fire hashchange.
    if (hash !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    setRoute(next);
  }, []);

  return [route, update];
}
