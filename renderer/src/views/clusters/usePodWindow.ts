import type { ChannelInput, K8sPodRow } from '@contract';
import { ContractCallError } from '@contract/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';
import { useOnReconnect } from '../../state/useOnReconnect';

/** Rows per request: a screenful or two, so scrolling asks for little at a time. */
const PAGE_ROWS = 100;

export type PodFilter = Omit<ChannelInput<'k8s.pods'>, 'offset' | 'limit'> & { context: string };

export interface PodWindow {
  /** Pods matching the filter; null until the first answer. */
  matched: number | null;
  total: number | null;
  synced: boolean;
  error: { message: string; selector: boolean } | null;
  rowAt(index: number): K8sPodRow | undefined;
  /** The rows on screen; the pages that hold them are fetched if missing or out of date. */
  showRows(first: number, last: number): void;
  /** Fetches the rows on screen again. */
  retry(): void;
}

interface Page {
  generation: number;
  rows: K8sPodRow[];
}

/**
 * A window onto a pod query held by the host: pages are fetched by offset as they come
 * into view and fetched again when the host says pods changed, showing the previous rows
 * meanwhile. A new filter starts from nothing.
 */
export function usePodWindow(filter: PodFilter): PodWindow {
  const client = useApp((s) => s.client);
  const filterKey = JSON.stringify(filter);
  const [counts, setCounts] = useState<Pick<PodWindow, 'matched' | 'total' | 'synced' | 'error'>>({
    matched: null,
    total: null,
    synced: false,
    error: null,
  });
  const [, setRevision] = useState(0);
  const pages = useRef(new Map<number, Page>());
  // Bumped when the filter changes or pods change: pages from an older generation are refetched.
  const generation = useRef(0);
  const inFlight = useRef(new Set<string>());
  const range = useRef<[number, number]>([0, PAGE_ROWS - 1]);

  const fetchShown = useCallback(() => {
    const input = JSON.parse(filterKey) as PodFilter;
    const [first, last] = range.current;
    for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(last / PAGE_ROWS); page++) {
      const gen = generation.current;
      const held = pages.current.get(page);
      const id = `${gen}:${page}`;
      if ((held && held.generation === gen) || inFlight.current.has(id)) continue;
      inFlight.current.add(id);
      client.call('k8s.pods', { ...input, offset: page * PAGE_ROWS, limit: PAGE_ROWS }).then(
        (answer) => {
          inFlight.current.delete(id);
          if (gen !== generation.current) return;
          pages.current.set(page, { generation: gen, rows: answer.rows });
          setCounts({ matched: answer.matched, total: answer.total, synced: answer.synced, error: null });
          setRevision((r) => r + 1);
        },
        (err: unknown) => {
          inFlight.current.delete(id);
          if (gen !== generation.current) return;
          const selector = err instanceof ContractCallError && err.code === 'BAD_REQUEST' && err.message.startsWith('Label selector:');
          setCounts((c) => ({ ...c, error: { message: errorMessage(err), selector } }));
        },
      );
    }
  }, [client, filterKey]);

  const refresh = useCallback(() => {
    generation.current++;
    fetchShown();
  }, [fetchShown]);

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    range.current = [0, PAGE_ROWS - 1];
    setCounts({ matched: null, total: null, synced: false, error: null });
    fetchShown();
  }, [fetchShown]);

  useHostEvent('k8s.changed', (change) => {
    if (change.context === filter.context && change.kinds.includes('pods')) refresh();
  });
  useOnReconnect(refresh);

  const showRows = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      fetchShown();
    },
    [fetchShown],
  );

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE_ROWS))?.rows[index % PAGE_ROWS];
  return { ...counts, rowAt, showRows, retry: refresh };
}
