import type { K8sAction } from '@contract';
import { useCallback } from 'react';
import { useApp } from '../../state/StoreProvider';

/** Sends a cluster action; a failure rejects with the host's message (the API server's own words). */
export function useK8sAction(): (action: K8sAction) => Promise<void> {
  const client = useApp((s) => s.client);
  return useCallback(async (action) => {
    await client.call('k8s.action', action);
  }, [client]);
}
