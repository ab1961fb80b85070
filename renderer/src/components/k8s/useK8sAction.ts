import type { ActionResult, K8sAction } from '@contract';
import { useCallback } from 'react';
import { useApp } from '../../state/StoreProvider';

/** Sends a cluster action; a failure rejects with the host's message (the API server's own words). */
export function useK8sAction(): (action: K8sAction) => Promise<ActionResult> {
  const client = useApp((s) => s.client);
  return useCallback((action) => client.call('k8s.action', action), [client]);
}
