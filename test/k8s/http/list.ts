/** LIST: resourceVersion semantics, limit/continue pages from a consistent snapshot, selectors, streamed output. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../errors';
import type { ResourceType } from '../resources';
import type { K8sObject } from '../types';
import type { ServerContext } from './context';
import { baseHeaders, type Rendering, sendJson, writeAll } from './respond';
import { selectionOf } from './selection';
import { includeObjectParam, toTable } from './table';

interface ContinueToken {
  rv: number;
  start: string;
}

export function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` })).toString('base64url');
}

function decodeContinue(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; rv?: unknown; start?: unknown };
    if (parsed.v !== 'meta.k8s.io/v1') throw new Error(`unsupported version ${String(parsed.v)}`);
    if (typeof parsed.rv !== 'number' || typeof parsed.start !== 'string' || !parsed.start.endsWith('\u0000')) throw new Error('malformed');
    return { rv: parsed.rv, start: parsed.start.slice(0, -1) };
  } catch (err) {
    throw errors.badRequest(`continue key is not valid: ${(err as Error).message}`);
  }
}

export function parseLimit(value: string | null): number {
  if (value === null || value === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`invalid limit: ${value}`);
  return n;
}

export function parseRV(value: string): number {
  if (!/^\d+$/.test(value)) throw errors.badRequest(`invalid resource version "${value}"`);
  return Number(value);
}

/** Picks the snapshot a list reads and where it starts. */
function snapshotFor(ctx: ServerContext, q: URLSearchParams, limit: number): { rv: number; after?: string } {
  const log = ctx.store.objects.log;
  const current = ctx.store.objects.resourceVersion;
  const cont = q.get('continue');
  const rvParam = q.get('resourceVersion') ?? '';
  const match = q.get('resourceVersionMatch') ?? '';
  if (cont) {
    if (rvParam !== '' && rvParam !== '0') throw errors.badRequest('specifying resource version is not allowed when using continue');
    const token = decodeContinue(cont);
    if (token.rv === -1) return { rv: current, after: token.start };
    if (token.rv < log.startRV) {
      throw errors.expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue value from the response to get an inconsistent list.',
        { continue: encodeContinue(-1, token.start) },
      );
    }
    return { rv: token.rv, after: token.start };
  }
  if (match !== '' && match !== 'Exact' && match !== 'NotOlderThan') throw errors.badRequest(`unsupported resourceVersionMatch "${match}"`);
  if (match !== '' && rvParam === '') throw errors.badRequest('resourceVersionMatch is forbidden unless resourceVersion is provided');
  if (rvParam === '' || rvParam === '0') {
    if (match === 'Exact' && rvParam === '0') throw errors.badRequest('resourceVersionMatch "Exact" is forbidden for resourceVersion "0"');
    return { rv: current };
  }
  const n = parseRV(rvParam);
  if (n > current) throw errors.timeout(`Too large resource version: ${n}, current: ${current}`);
  const exact = match === 'Exact' || (match === '' && limit > 0);
  if (!exact) return { rv: current };
  if (n < log.startRV) throw errors.expired(`too old resource version: ${n} (${log.startRV})`);
  return { rv: n };
}

function itemJson(obj: K8sObject): string {
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = obj;
  return JSON.stringify(rest);
}

export async function handleList(
  ctx: ServerContext,
  _req: IncomingMessage,
  res: ServerResponse,
  rt: ResourceType,
  namespace: string | undefined,
  q: URLSearchParams,
  rendering: Rendering,
): Promise<void> {
  const selection = selectionOf(rt, q);
  const limit = parseLimit(q.get('limit'));
  const snapshot = snapshotFor(ctx, q, limit);
  const page = ctx.store.snapshots.readPage({
    rt,
    namespace,
    snapshotRV: snapshot.rv,
    after: snapshot.after,
    limit,
    filter: selection.selective ? selection.match : undefined,
  });
  const meta: Record<string, unknown> = { resourceVersion: String(snapshot.rv) };
  if (page.lastKey !== undefined && limit > 0) {
    meta.continue = encodeContinue(snapshot.rv, page.lastKey);
    if (!selection.selective) meta.remainingItemCount = page.remaining;
  }
  if (rendering === 'table') {
    sendJson(res, 200, toTable(rt, page.items, includeObjectParam(q.get('includeObject')), meta));
    return;
  }
  res.writeHead(200, baseHeaders());
  const items = page.items;
  function* chunks(): Generator<string> {
    yield `{"kind":"${rt.listKind}","apiVersion":"${rt.apiVersion}","metadata":${JSON.stringify(meta)},"items":[`;
    for (let i = 0; i < items.length; i += 500) {
      const batch = items.slice(i, i + 500).map(itemJson).join(',');
      yield i === 0 ? batch : `,${batch}`;
    }
    yield ']}';
  }
  await writeAll(res, chunks());
  res.end();
}
