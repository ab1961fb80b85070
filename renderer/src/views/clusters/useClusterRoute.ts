import { useCallback, useEffect, useRef, useState } from 'react';
import { hashWithRoute, routeFromHash, type ClusterRoute } from './clusterRoute';

/** The Clusters tab's route from the URL hash, and a setter that rewrites the hash without adding history. */
export function useClusterRoute(): [ClusterRoute, (patch: Partial<ClusterRoute>) => void] {
  const [route, setRoute] = useState(() => routeFromHash(location.hash));
  const current = useRef(route);

  useEffect(() => {
    const onHashChange = () => {
      current.current = routeFromHash(location.hash);
      setRoute(current.current);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const update = useCallback((patch: Partial<ClusterRoute>) => {
    const next = { ...current.current, ...patch };
    current.current = next;
    const hash = hashWithRoute(location.hash, next);
    // replaceState: filter changes should not pile up in history or fire hashchange.
    if (hash !== location.hash) history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    setRoute(next);
  }, []);

  return [route, update];
}
