import type { Readable } from 'node:stream';
import type { K8sLogRead } from '../contract/types';
import { actionError } from './actions';
import type { KubeApi } from './kubeApi';
import { KubeApiError } from './kubeApiError';
import { LogLineSplitter, LogTail } from './logLines';

/** Which container log: previous is the instance before the last restart. */
export interface LogTarget {
  namespace: string;
  pod: string;
  /** Required by the API server when the pod has several containers. */
  container?: string;
  previous: boolean;
  timestamps: boolean;
}

/**
 * The most a read returns. Results are not bound by the serve-mode frame limit (that is on
 * incoming messages), but a view needs no more and the answer stays quick to send and parse.
 */
export const MAX_LOG_READ_BYTES = 4 * 1024 * 1024;
/** The most a read transfers: a ceiling for logs of absurdly long lines (which are cut when kept). */
const TRANSFER_LIMIT_BYTES = 64 * 1024 * 1024;
const READ_TIMEOUT_MS = 60_000;
const IDLE_TIMEOUT_MS = 30_000;

const seg = encodeURIComponent;

export function logPath(target: LogTarget, query: { tailLines: number; follow?: boolean; limitBytes?: number }): string {
  const q = new URLSearchParams();
  if (target.container) q.set('container', target.container);
  if (target.previous) q.set('previous', 'true');
  if (target.timestamps) q.set('timestamps', 'true');
  if (query.follow) q.set('follow', 'true');
  q.set('tailLines', String(query.tailLines));
  if (query.limitBytes !== undefined) q.set('limitBytes', String(query.limitBytes));
  return `/api/v1/namespaces/${seg(target.namespace)}/pods/${seg(target.pod)}/log?${q}`;
}

/** A body that breaks off mid-way, in the same terms as a failed request. */
export function brokenOff(err: unknown): KubeApiError {
  if (err instanceof KubeApiError) return err;
  return new KubeApiError('unreachable', `The log broke off: ${err instanceof Error ? err.message : String(err)}`);
}

async function collect(body: Readable, tail: LogTail): Promise<number> {
  const splitter = new LogLineSplitter();
  let received = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      received += chunk.length;
      for (const line of splitter.push(chunk)) tail.add(line);
    }
  } catch (err) {
    throw brokenOff(err);
  }
  for (const line of splitter.end()) tail.add(line);
  return received;
}

/**
 * The last `tailLines` lines of a container's log, newest kept when they exceed the byte
 * budget. One line more is asked for than returned, so `truncated` says for sure whether
 * the log had more.
 */
export async function readLog(api: KubeApi, target: LogTarget, tailLines: number): Promise<K8sLogRead> {
  const signal = AbortSignal.timeout(READ_TIMEOUT_MS);
  try {
    const session = await api.session();
    const path = logPath(target, { tailLines: tailLines + 1, limitBytes: TRANSFER_LIMIT_BYTES });
    const body = await session.openStream(path, signal, IDLE_TIMEOUT_MS);
    const tail = new LogTail(tailLines, MAX_LOG_READ_BYTES);
    const received = await collect(body, tail);
    const { lines, truncated } = tail.result();
    return { lines, truncated: truncated || received >= TRANSFER_LIMIT_BYTES };
  } catch (err) {
    throw actionError(err);
  }
}
