import type { K8sLogChunk } from '@contract';
import { MAX_LOG_LINES } from '@contract/types';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';

export interface LogOptions {
  context: string;
  namespace: string;
  pod: string;
  container: string;
  previous: boolean;
  timestamps: boolean;
  tailLines: number;
  follow: boolean;
  /** Bumped to read the log again after a failure. */
  attempt: number;
}

export interface PodLog {
  /** Grows in place as a followed stream sends lines; `version` says when. */
  lines: string[];
  version: number;
  loading: boolean;
  error: string | null;
  /** The host returned fewer lines than the log holds (or the oldest were let go while following). */
  truncated: boolean;
  /** A followed stream is over; the reason when it failed. */
  ended: { error: string | null } | null;
}

/**
 * The lines of one container's log: read once, or followed (k8s.logs.follow) with the
 * stream's k8s.logChunk events appended as they come. A stream is stopped whenever the
 * options change or the view goes away, including when that happens before its id arrives.
 * At most MAX_LOG_LINES are kept, the newest.
 */
export function usePodLog(options: LogOptions): PodLog {
  const client = useApp((s) => s.client);
  const lines = useRef<string[]>([]);
  const [state, setState] = useState<Omit<PodLog, 'lines'>>({ version: 0, loading: true, error: null, truncated: false, ended: null });
  const key = JSON.stringify(options);

  useEffect(() => {
    const { follow, attempt: _attempt, ...target } = JSON.parse(key) as LogOptions;
    let live = true;
    lines.current = [];
    setState((s) => ({ version: s.version + 1, loading: true, error: null, truncated: false, ended: null }));

    if (!follow) {
      client.call('k8s.logs', target).then(
        (read) => {
          if (!live) return;
          lines.current = read.lines;
          setState((s) => ({ ...s, version: s.version + 1, loading: false, truncated: read.truncated }));
        },
        (err: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(err) })),
      );
      return () => {
        live = false;
      };
    }

    let streamId: string | null = null;
    let ended = false;
    // Chunks can arrive before the answer that names their stream.
    const early: K8sLogChunk[] = [];
    const take = (chunk: K8sLogChunk) => {
      const held = lines.current;
      for (const line of chunk.lines) held.push(line);
      const over = held.length - MAX_LOG_LINES;
      if (over > 0) held.splice(0, over);
      if (chunk.ended) ended = true;
      setState((s) => ({
        ...s,
        version: s.version + 1,
        loading: false,
        truncated: s.truncated || over > 0,
        ended: chunk.ended ? { error: chunk.error } : s.ended,
      }));
    };
    const off = client.on('k8s.logChunk', (chunk) => {
      if (!live) return;
      if (streamId === null) early.push(chunk);
      else if (chunk.streamId === streamId) take(chunk);
    });
    client.call('k8s.logs.follow', target).then(
      (answer) => {
        if (!live) {
          void client.call('k8s.logs.stop', answer).catch(() => undefined);
          return;
        }
        streamId = answer.streamId;
        const mine = early.filter((c) => c.streamId === streamId);
        early.length = 0;
        if (mine.length === 0) setState((s) => ({ ...s, loading: false }));
        mine.forEach(take);
      },
      (err: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(err) })),
    );
    return () => {
      live = false;
      off();
      if (streamId !== null && !ended) void client.call('k8s.logs.stop', { streamId }).catch(() => undefined);
    };
  }, [client, key]);

  return { lines: lines.current, ...state };
}
