import type { OpsdeckClient } from '@contract/bridge';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';

/** A followed log's output as its chunk event carries it. */
export interface LogChunk<Line> {
  streamId: string;
  lines: Line[];
  ended: boolean;
  error: string | null;
}

/**
 * The host channels one kind of log is read through. `Target` names the log; `Facts` is what
 * the host says about it besides its lines (such as whether it has a TTY).
 */
export interface LogChannels<Target, Line, Facts> {
  /** The most lines kept while following: the newest. */
  maxLines: number;
  read(client: OpsdeckClient, target: Target & { tailLines: number }): Promise<{ lines: Line[]; truncated: boolean; facts: Facts }>;
  follow(client: OpsdeckClient, target: Target & { tailLines: number }): Promise<{ streamId: string; facts: Facts }>;
  stop(client: OpsdeckClient, streamId: string): Promise<unknown>;
  onChunk(client: OpsdeckClient, listener: (chunk: LogChunk<Line>) => void): () => void;
}

export interface LogReadOptions {
  tailLines: number;
  follow: boolean;
  /** Bumped to read the log again after a failure. */
  attempt: number;
}

export interface FollowedLog<Line, Facts> {
  /** Grows in place as a followed stream sends lines; `version` says when. */
  lines: Line[];
  version: number;
  loading: boolean;
  error: string | null;
  /** The host returned fewer lines than the log holds (or the oldest were let go while following). */
  truncated: boolean;
  /** A followed stream is over; the reason when it failed. */
  ended: { error: string | null } | null;
  /** What the host said about the log; null until it answered. */
  facts: Facts | null;
}

type LogState<Line, Facts> = Omit<FollowedLog<Line, Facts>, 'lines'>;

const start = <Facts>(version: number): LogState<never, Facts> => ({ version, loading: true, error: null, truncated: false, ended: null, facts: null });

/**
 * One log, read once or followed: the stream's chunk events are listened to before the
 * follow call, and chunks that arrive before the answer naming their stream are held until
 * it does. A stream is stopped whenever the options change or the view goes away, including
 * when that happens before its id arrives. At most `channels.maxLines` are kept, the newest.
 * `channels` must not change between renders (a module constant).
 */
export function useFollowedLog<Target extends object, Line, Facts>(channels: LogChannels<Target, Line, Facts>, options: Target & LogReadOptions): FollowedLog<Line, Facts> {
  const client = useApp((s) => s.client);
  const held = useRef<Line[]>([]);
  const [state, setState] = useState<LogState<Line, Facts>>(() => start(0));
  const key = JSON.stringify(options);

  useEffect(() => {
    const { follow, attempt: _attempt, ...target } = JSON.parse(key) as Target & LogReadOptions;
    let live = true;
    held.current = [];
    setState((s) => start(s.version + 1));
    const fail = (err: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(err) }));

    if (!follow) {
      channels.read(client, target as Target & { tailLines: number }).then((read) => {
        if (!live) return;
        held.current = read.lines;
        setState((s) => ({ ...s, version: s.version + 1, loading: false, truncated: read.truncated, facts: read.facts }));
      }, fail);
      return () => {
        live = false;
      };
    }

    let streamId: string | null = null;
    let ended = false;
    // Chunks can arrive before the answer that names their stream.
    const early: LogChunk<Line>[] = [];
    const take = (chunk: LogChunk<Line>) => {
      const lines = held.current;
      for (const line of chunk.lines) lines.push(line);
      const over = lines.length - channels.maxLines;
      if (over > 0) lines.splice(0, over);
      ended ||= chunk.ended;
      setState((s) => ({ ...s, version: s.version + 1, loading: false, truncated: s.truncated || over > 0, ended: chunk.ended ? { error: chunk.error } : s.ended }));
    };
    const off = channels.onChunk(client, (chunk) => {
      if (!live) return;
      if (streamId === null) early.push(chunk);
      else if (chunk.streamId === streamId) take(chunk);
    });
    channels.follow(client, target as Target & { tailLines: number }).then((answer) => {
      if (!live) {
        void channels.stop(client, answer.streamId).catch(() => undefined);
        return;
      }
      streamId = answer.streamId;
      setState((s) => ({ ...s, loading: false, facts: answer.facts }));
      early.splice(0).filter((c) => c.streamId === answer.streamId).forEach(take);
    }, fail);
    return () => {
      live = false;
      off();
      if (streamId !== null && !ended) void channels.stop(client, streamId).catch(() => undefined);
    };
  }, [client, channels, key]);

  return { lines: held.current, ...state };
}
