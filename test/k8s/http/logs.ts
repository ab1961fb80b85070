/** GET pods/{name}/log: container, previous, tailLines, sinceSeconds, sinceTime, limitBytes, timestamps and follow. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../errors';
import { resourceNamed } from '../resources';
import { containerNames } from '../store/clusterStore';
import type { LogLine } from '../sim/podLogs';
import { rfc3339Nano } from '../time';
import { flag, type ServerContext } from './context';
import { baseHeaders } from './respond';

const PODS = resourceNamed('pods');

function nonNegative(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`${name}: Invalid value: ${JSON.stringify(v)}: must be greater than or equal to 0`);
  return n;
}

export function handleLog(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, namespace: string, name: string, q: URLSearchParams): void {
  const pod = ctx.store.ops.get(PODS, namespace, name);
  const containers = containerNames(pod);
  let container = q.get('container') ?? undefined;
  if (!container) {
    if (containers.length !== 1) throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`);
    container = containers[0] as string;
  }
  if (!containers.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${name}`);
  const status = pod.status as { phase?: string } | undefined;
  if (status?.phase === 'Pending') throw errors.badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
  const previous = flag(q, 'previous') === true;
  const all = ctx.store.logs.read(namespace, name, container, previous);
  if (!all) throw errors.badRequest(`previous terminated container "${container}" in pod "${name}" not found`);

  const tail = nonNegative(q, 'tailLines');
  const sinceSeconds = nonNegative(q, 'sinceSeconds');
  const sinceTime = q.get('sinceTime');
  let limitBytes = nonNegative(q, 'limitBytes') ?? Infinity;
  const timestamps = flag(q, 'timestamps') === true;
  const since = sinceSeconds !== undefined ? ctx.store.clock().getTime() - sinceSeconds * 1000 : sinceTime ? Date.parse(sinceTime) : -Infinity;
  let lines = all.filter((l) => l.time.getTime() >= since);
  if (tail !== undefined) lines = tail === 0 ? [] : lines.slice(-tail);

  res.writeHead(200, baseHeaders('text/plain'));
  res.flushHeaders();
  const format = (l: LogLine) => `${timestamps ? `${rfc3339Nano(l.time)} ` : ''}${l.text}\n`;
  let ended = false;
  const write = (text: string): boolean => {
    if (ended) return false;
    const bytes = Buffer.byteLength(text);
    if (bytes >= limitBytes) {
      res.write(Buffer.from(text).subarray(0, limitBytes));
      end();
      return false;
    }
    limitBytes -= bytes;
    res.write(text);
    return true;
  };
  let stop: (() => void) | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    stop?.();
    res.end();
  };
  for (const l of lines) if (!write(format(l))) return;
  if (!flag(q, 'follow') || previous) return end();
  req.socket.setNoDelay(true);
  stop = ctx.store.logs.follow(namespace, name, container, { line: (l) => void write(format(l)), end });
  res.on('close', () => {
    ended = true;
    stop?.();
  });
}
