import type { ChannelInput, ChannelOutput, K8sKind } from '@contract';
import { ContractCallError } from '@contract/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useK8sChanged } from '../../components/k8s/useK8sChanged';
import { useEvery } from '../../components/useEvery';
import { pagesInRange } from '../../components/virtualRange';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useOnReconnect } from '../../state/useOnReconnect';

/** Rows per request: a screenful or two, so scrolling asks for little at a time. */
const PAGE_ROWS = 100;
/**
 * The host stops watching a kind nobody has asked for in a while; asking again this often
 * keeps the kind on screen watched (and its rows fresh) even when nothing changes.
 */
const KEEP_WATCHED_MS = 30_000;

export type WindowChannel = 'k8s.pods' | 'k8s.objects';
export type WindowQuery<K extends WindowChannel> = Omit<ChannelInput<K>, 'offset' | 'limit'>;
type Answer<K extends WindowChannel> = ChannelOutput<K>;
export type WindowRow<K extends WindowChannel> = Answer<K>['rows'][number];
/** Everything a page says besides its rows: counts, columns, sync state, metrics. */
export type WindowMeta<K extends WindowChannel> = Omit<Answer<K>, 'rows' | 'offset'>;

export interface QueryWindow<Row, Meta> {
  /** The latest answer's figures; null until the first answer. */
  meta: Meta | null;
  error: { message: string; selector: boolean } | null;
  rowAt(index: number): Row | undefined;
  /** The rows on screen; the pages that hold them are fetched if missing or out of date. */
  showRows(first: number, last: number): void;
  /** Fetches the rows on screen again. */
  retry(): void;
}

interface Page<Row> {
  generation: number;
  rows: Row[];
}

/**
 * A window onto a query held by the host (`k8s.pods` or `k8s.objects`): pages are fetched by
 * offset as they come into view, and fetched again when the host says the kind changed,
 * showing the previous rows meanwhile. A new sort or filter also keeps the table on screen
 * until it is answered (the header the user just clicked stays put); another context or
 * kind starts from nothing.
 */
export function useQueryWindow<K extends WindowChannel>(channel: K, query: WindowQuery<K>): QueryWindow<WindowRow<K>, WindowMeta<K>> {
  const client = useApp((s) => s.client);
  const queryKey = JSON.stringify(query);
  const [meta, setMeta] = useState<WindowMeta<K> | null>(null);
  const [error, setError] = useState<QueryWindow<unknown, unknown>['error']>(null);
  const [, setRevision] = useState(0);
  const pages = useRef(new Map<number, Page<WindowRow<K>>>());
  // Bumped when the query changes or the kind changes: pages from an older generation are refetched.
  const generation = useRef(0);
  const inFlight = useRef(new Set<string>());
  const range = useRef<[number, number]>([0, PAGE_ROWS - 1]);
  const shown: K8sKind = 'kind' in query ? (query as WindowQuery<'k8s.objects'>).kind : 'pods';
  const scopeKey = `${query.context}/${shown}`;
  const scope = useRef(scopeKey);

  const fetchShown = useCallback(() => {
    const input = JSON.parse(queryKey) as WindowQuery<K>;
    for (const page of pagesInRange(range.current[0], range.current[1], PAGE_ROWS)) {
      const gen = generation.current;
      const held = pages.current.get(page);
      const id = `${gen}:${page}`;
      if ((held && held.generation === gen) || inFlight.current.has(id)) continue;
      inFlight.current.add(id);
      client.call(channel, { ...input, offset: page * PAGE_ROWS, limit: PAGE_ROWS } as ChannelInput<K>).then(
        (answer) => {
          inFlight.current.delete(id);
          if (gen !== generation.current) return;
          const { rows, offset: _offset, ...figures } = answer as Answer<K>;
          pages.current.set(page, { generation: gen, rows: rows as WindowRow<K>[] });
          setMeta(figures as WindowMeta<K>);
          setError(null);
          setRevision((r) => r + 1);
        },
        (err: unknown) => {
          inFlight.current.delete(id);
          if (gen !== generation.current) return;
          const selector = err instanceof ContractCallError && err.code === 'BAD_REQUEST' && err.message.startsWith('Label selector:');
          setError({ message: errorMessage(err), selector });
        },
      );
    }
  }, [client, channel, queryKey]);

  const refresh = useCallback(() => {
    generation.current++;
    fetchShown();
  }, [fetchShown]);

  useEffect(() => {
    generation.current++;
    range.current = [0, PAGE_ROWS - 1];
    if (scope.current !== scopeKey) {
      scope.current = scopeKey;
      pages.current = new Map();
      setMeta(null);
    }
    setError(null);
    fetchShown();
  }, [fetchShown, scopeKey]);

  useK8sChanged(query.context, [shown], refresh);
  useEvery(KEEP_WATCHED_MS, refresh);
  useOnReconnect(refresh);

  const showRows = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      fetchShown();
    },
    [fetchShown],
  );

  const rowAt = (index: number) => pages.current.get(Math.floor(index / PAGE_ROWS))?.rows[index % PAGE_ROWS];
  return { meta, error, rowAt, showRows, retry: refresh };
}
