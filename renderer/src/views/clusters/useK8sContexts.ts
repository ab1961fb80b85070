import { useCallback, useMemo, useState } from 'react';
import { useNewestAnswer } from '../../components/useNewestAnswer';
import { errorMessage, ready } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';

/** The kubeconfig's contexts with their live state, kept current by the host's events, and a way to enable one. */
export function useK8sContexts() {
  const client = useApp((s) => s.client);
  const { resource, load, receive, claim } = useNewestAnswer('k8s.contexts', {});
  const [toggleError, setToggleError] = useState<string | null>(null);
  // Switches the user flipped whose answer is still on its way: they show the new position at once.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  useHostEvent('k8s.contextsChanged', receive);

  const setEnabled = useCallback(
    async (context: string, enabled: boolean) => {
      setToggleError(null);
      setPending((p) => ({ ...p, [context]: enabled }));
      const show = claim();
      try {
        show(ready(await client.call('k8s.setEnabled', { context, enabled })));
      } catch (err) {
        setToggleError(errorMessage(err));
      } finally {
        setPending(({ [context]: _done, ...rest }) => rest);
      }
    },
    [client, claim],
  );

  const shown = useMemo(() => {
    if (resource.status !== 'ready' || Object.keys(pending).length === 0) return resource;
    const contexts = resource.data.contexts.map((c) => (c.name in pending ? { ...c, enabled: pending[c.name]! } : c));
    return ready({ ...resource.data, contexts });
  }, [resource, pending]);

  return { resource: shown, retry: load, setEnabled, toggleError };
}
