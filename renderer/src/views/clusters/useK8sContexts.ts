import type { K8sContexts } from '@contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, failed, LOADING, ready, type Resource } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';
import { useOnReconnect } from '../../state/useOnReconnect';

/** The kubeconfig's contexts with their live state, kept current by the host's events, and a way to enable one. */
export function useK8sContexts() {
  const client = useApp((s) => s.client);
  const [resource, setResource] = useState<Resource<K8sContexts>>(LOADING);
  const [toggleError, setToggleError] = useState<string | null>(null);
  // Switches the user flipped whose answer is still on its way: they show the new position at once.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  // Bumped by every answer and event, so a slow answer never replaces a newer event.
  const latest = useRef(0);

  const load = useCallback(() => {
    const id = ++latest.current;
    client.call('k8s.contexts', {}).then(
      (data) => id === latest.current && setResource(ready(data)),
      (err: unknown) => id === latest.current && setResource(failed(err)),
    );
  }, [client]);

  useEffect(load, [load]);
  useOnReconnect(load);
  useHostEvent('k8s.contextsChanged', (data) => {
    latest.current++;
    setResource(ready(data));
  });

  const setEnabled = useCallback(
    async (context: string, enabled: boolean) => {
      setToggleError(null);
      setPending((p) => ({ ...p, [context]: enabled }));
      const id = ++latest.current;
      try {
        const data = await client.call('k8s.setEnabled', { context, enabled });
        if (id === latest.current) setResource(ready(data));
      } catch (err) {
        setToggleError(errorMessage(err));
      } finally {
        setPending(({ [context]: _done, ...rest }) => rest);
      }
    },
    [client],
  );

  const shown = useMemo(() => {
    if (resource.status !== 'ready' || Object.keys(pending).length === 0) return resource;
    const contexts = resource.data.contexts.map((c) => (c.name in pending ? { ...c, enabled: pending[c.name]! } : c));
    return ready({ ...resource.data, contexts });
  }, [resource, pending]);

  return { resource: shown, retry: load, setEnabled, toggleError };
}
