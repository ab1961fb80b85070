import type { K8sColumn, K8sObjectRow } from '@contract';
import { MAX_OBJECT_PAGE } from '@contract/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useK8sChanged } from '../../components/k8s/useK8sChanged';
import { useEvery } from '../../components/useEvery';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useOnReconnect } from '../../state/useOnReconnect';

/** Asking again this often keeps the tables fresh even when no change event arrives. */
const REFRESH_MS = 30_000;
/** A context with more deployments than this is shown in part, and says so. */
const MAX_PAGES = 20;

export interface DeploymentRow extends K8sObjectRow {
  context: string;
}

export interface ContextDeployments {
  context: string;
  rows: DeploymentRow[];
  columns: K8sColumn[];
  matched: number;
  synced: boolean;
  error: string | null;
}

/**
 * The deployments of every given context whose names contain `text`, read page by page from
 * the host's cache and read again when a context says its deployments changed.
 */
export function useAllDeployments(contexts: string[], text: string): { byContext: ContextDeployments[]; loading: boolean } {
  const client = useApp((s) => s.client);
  const [byContext, setByContext] = useState<Record<string, ContextDeployments>>({});
  const latest = useRef(new Map<string, number>());
  const contextsKey = JSON.stringify(contexts);

  const load = useCallback(
    async (context: string) => {
      const id = (latest.current.get(context) ?? 0) + 1;
      latest.current.set(context, id);
      let next: ContextDeployments;
      try {
        const rows: DeploymentRow[] = [];
        const read = () => client.call('k8s.objects', { context, kind: 'deployments', ...(text ? { text } : {}), offset: rows.length, limit: MAX_OBJECT_PAGE });
        let page = await read();
        for (let n = 1; ; n++) {
          rows.push(...page.rows.map((r) => ({ ...r, context })));
          if (rows.length >= page.matched || page.rows.length === 0 || n >= MAX_PAGES) break;
          page = await read();
        }
        next = { context, rows, columns: page.columns, matched: page.matched, synced: page.synced, error: page.state === 'forbidden' || page.state === 'failed' ? page.message ?? page.state : null };
      } catch (err) {
        next = { context, rows: [], columns: [], matched: 0, synced: true, error: errorMessage(err) };
      }
      if (latest.current.get(context) === id) setByContext((all) => ({ ...all, [context]: next }));
    },
    [client, text],
  );

  const loadAll = useCallback(() => (JSON.parse(contextsKey) as string[]).forEach((c) => void load(c)), [contextsKey, load]);
  useEffect(loadAll, [loadAll]);
  useK8sChanged(null, ['deployments'], loadAll);
  useEvery(REFRESH_MS, loadAll);
  useOnReconnect(loadAll);

  const shown = contexts.flatMap((c) => (byContext[c] ? [byContext[c]] : []));
  return { byContext: shown, loading: shown.length < contexts.length };
}
