import type { DockerLogChunk, DockerLogLine } from '@contract';
import { MAX_DOCKER_LOG_LINES } from '@contract/types';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';

export interface ContainerLogOptions {
  engine: string;
  id: string;
  timestamps: boolean;
  tailLines: number;
  follow: boolean;
  /** Bumped to read again after a failure. */
  attempt: number;
}

export interface ContainerLog {
  /** Grows in place while following; `version` changes whenever it does. */
  lines: DockerLogLine[];
  version: number;
  loading: boolean;
  error: string | null;
  tty: boolean;
  truncated: boolean;
  /** The followed stream is over, and why when it failed. */
  ended: { error: string | null } | null;
}

const START: Omit<ContainerLog, 'lines' | 'version'> = { loading: true, error: null, tty: false, truncated: false, ended: null };

/**
 * A container's log, read once (docker.logs) or followed (docker.logs.follow, then its
 * docker.logChunk events). The stream is stopped when the options change or the view goes,
 * also when its id only arrives afterwards. The newest MAX_DOCKER_LOG_LINES are kept.
 */
export function useContainerLog(options: ContainerLogOptions): ContainerLog {
  const client = useApp((s) => s.client);
  const held = useRef<DockerLogLine[]>([]);
  const [state, setState] = useState({ ...START, version: 0 });
  const key = JSON.stringify(options);

  useEffect(() => {
    const { follow, attempt: _attempt, ...target } = JSON.parse(key) as ContainerLogOptions;
    let live = true;
    held.current = [];
    setState((s) => ({ ...START, version: s.version + 1 }));
    const fail = (err: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(err) }));

    if (!follow) {
      client.call('docker.logs', { ...target, tailLines: Math.max(1, target.tailLines) }).then((read) => {
        if (!live) return;
        held.current = read.lines;
        setState((s) => ({ ...s, version: s.version + 1, loading: false, tty: read.tty, truncated: read.truncated }));
      }, fail);
      return () => {
        live = false;
      };
    }

    let streamId: string | null = null;
    let ended = false;
    // A chunk can come before the answer that names its stream.
    const early: DockerLogChunk[] = [];
    const take = (chunk: DockerLogChunk) => {
      const lines = held.current;
      for (const line of chunk.lines) lines.push(line);
      const over = lines.length - MAX_DOCKER_LOG_LINES;
      if (over > 0) lines.splice(0, over);
      ended ||= chunk.ended;
      setState((s) => ({ ...s, version: s.version + 1, loading: false, truncated: s.truncated || over > 0, ended: chunk.ended ? { error: chunk.error } : s.ended }));
    };
    const off = client.on('docker.logChunk', (chunk) => {
      if (!live) return;
      if (streamId === null) early.push(chunk);
      else if (chunk.streamId === streamId) take(chunk);
    });
    client.call('docker.logs.follow', target).then((answer) => {
      if (!live) {
        void client.call('docker.logs.stop', { streamId: answer.streamId }).catch(() => undefined);
        return;
      }
      streamId = answer.streamId;
      setState((s) => ({ ...s, loading: false, tty: answer.tty }));
      early.splice(0).filter((c) => c.streamId === answer.streamId).forEach(take);
    }, fail);
    return () => {
      live = false;
      off();
      if (streamId !== null && !ended) void client.call('docker.logs.stop', { streamId }).catch(() => undefined);
    };
  }, [client, key]);

  return { lines: held.current, ...state };
}
