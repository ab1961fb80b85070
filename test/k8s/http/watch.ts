/**
 * WATCH: a chunked stream of newline-delimited `{"type","object"}` events. From a given
 * resourceVersion the change log is replayed first; an expired one gets an ERROR event with a
 * 410 Status. Selectors apply to both sides of a change, so an object that stops matching is
 * seen as DELETED and one that starts matching as ADDED, as with the real server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type FieldError } from '../errors';
import type { ResourceType } from '../resources';
import type { Change } from '../store/changeLog';
import type { K8sObject, WatchEventType } from '../types';
import { flag, type ServerContext } from './context';
import { parseRV } from './list';
import { baseHeaders, type Rendering, sendError } from './respond';
import { selectionOf } from './selection';
import { includeObjectParam, toTable } from './table';

export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

interface WatchStart {
  initial: boolean;
  replayFrom?: number;
}

function startOf(ctx: ServerContext, q: URLSearchParams): WatchStart | { tooOld: number } {
  const sendInitial = flag(q, 'sendInitialEvents');
  const rvParam = q.get('resourceVersion') ?? '';
  const match = q.get('resourceVersionMatch') ?? '';
  const problems: FieldError[] = [];
  if (sendInitial !== undefined) {
    if (match !== 'NotOlderThan') problems.push({ type: 'FieldValueForbidden', field: 'resourceVersionMatch', detail: 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan' });
    if (sendInitial && flag(q, 'allowWatchBookmarks') !== true) problems.push({ type: 'FieldValueForbidden', field: 'allowWatchBookmarks', detail: 'sendInitialEvents requires setting allowWatchBookmarks to true' });
  } else if (match !== '') {
    problems.push({ type: 'FieldValueForbidden', field: 'resourceVersionMatch', detail: 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided' });
  }
  if (problems.length) throw errors.invalid('ListOptions', 'meta.k8s.io', '', problems);
  if (sendInitial === true) return { initial: true };
  if (rvParam === '' || rvParam === '0') return { initial: sendInitial !== false };
  const n = parseRV(rvParam);
  if (n < ctx.store.objects.log.startRV) return { tooOld: n };
  return { initial: false, replayFrom: n };
}

function eventType(change: Change, match: (o: K8sObject) => boolean): WatchEventType | undefined {
  if (change.type === 'ADDED') return match(change.object) ? 'ADDED' : undefined;
  if (change.type === 'DELETED') return match(change.prev ?? change.object) ? 'DELETED' : undefined;
  const now = match(change.object);
  const before = change.prev ? match(change.prev) : false;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}

export function handleWatch(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  rt: ResourceType,
  namespace: string | undefined,
  q: URLSearchParams,
  rendering: Rendering,
  pinnedName?: string,
): void {
  const selection = selectionOf(rt, q, pinnedName);
  const start = startOf(ctx, q);
  const store = ctx.store.objects;
  if ('tooOld' in start) {
    const err = errors.expired(`too old resource version: ${start.tooOld} (${store.log.startRV})`);
    if (ctx.settings.tooOldWatch === 'status') return sendError(res, err);
    res.writeHead(200, baseHeaders());
    res.end(`${JSON.stringify({ type: 'ERROR', object: err.toStatus() })}\n`);
    return;
  }
  const timeoutParam = q.get('timeoutSeconds');
  const timeoutSeconds = timeoutParam && Number(timeoutParam) > 0 ? Number(timeoutParam) : ctx.settings.defaultWatchTimeoutSeconds;
  const bookmarks = flag(q, 'allowWatchBookmarks') === true;
  const include = includeObjectParam(q.get('includeObject'));

  res.writeHead(200, baseHeaders());
  res.flushHeaders();
  req.socket.setNoDelay(true);

  let closed = false;
  const send = (type: WatchEventType, obj: K8sObject, json?: string) => {
    if (closed) return;
    const body = rendering === 'table' && type !== 'BOOKMARK' ? JSON.stringify(toTable(rt, [obj], include)) : (json ?? JSON.stringify(obj));
    res.write(`{"type":"${type}","object":${body}}\n`);
    if (res.writableLength > ctx.settings.maxWatchBacklogBytes) finish();
  };
  const deliver = (change: Change) => {
    if (change.resource !== rt) return;
    if (start.replayFrom !== undefined && change.rv <= start.replayFrom) return; // a resourceVersion from the future
    if (namespace !== undefined && change.object.metadata.namespace !== namespace) return;
    const type = eventType(change, selection.match);
    if (!type) return;
    change.json ??= JSON.stringify(change.object);
    send(type, change.object, change.json);
  };
  const bookmark = (annotations?: Record<string, string>) =>
    send('BOOKMARK', {
      kind: rt.kind,
      apiVersion: rt.apiVersion,
      metadata: { resourceVersion: String(store.resourceVersion), ...(annotations ? { annotations } : {}) },
    });

  // Everything up to now is written in this same turn of the event loop, so nothing is missed or repeated.
  if (start.initial) {
    const page = ctx.store.snapshots.readPage({ rt, namespace, snapshotRV: store.resourceVersion, limit: 0, filter: selection.match });
    for (const obj of page.items) send('ADDED', obj);
    if (flag(q, 'sendInitialEvents') === true) bookmark({ [INITIAL_EVENTS_END]: 'true' });
  }
  if (start.replayFrom !== undefined) for (const change of store.log.since(start.replayFrom)) deliver(change);
  const unsubscribe = store.subscribe(deliver);
  const ticker = bookmarks ? setInterval(() => bookmark(), ctx.settings.bookmarkIntervalMs) : undefined;
  const timer = setTimeout(() => finish(), timeoutSeconds * 1000);

  function cleanup() {
    closed = true;
    unsubscribe();
    if (ticker) clearInterval(ticker);
    clearTimeout(timer);
  }
  function finish() {
    if (closed) return;
    cleanup();
    res.end();
  }
  res.on('close', cleanup);
}
