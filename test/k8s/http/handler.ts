/** Routes each request: health, discovery, metrics and the resource verbs, behind authentication and deny rules. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeleteOptions, WriteOptions } from '../api/operations';
import { errors } from '../errors';
import { isPlainObject } from '../json';
import { patchTypeOf } from '../patch';
import { keyOf } from '../store/objectStore';
import { flag, type ServerContext } from './context';
import { AGGREGATED_V2, VERSION_INFO, wantsAggregated } from './discovery';
import { handleList } from './list';
import { handleLog } from './logs';
import { handleMetrics } from './metrics';
import { negotiate, readBody, readJson, sendError, sendJson } from './respond';
import { parseRoute, type Route } from './route';
import { selectionOf } from './selection';
import { includeObjectParam, toTable } from './table';
import { handleWatch } from './watch';

type ResourceRoute = Extract<Route, { type: 'resource' }>;

export function createHandler(ctx: ServerContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, req, res).catch((err: unknown) => sendError(res, err));
  };
}

async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const q = url.searchParams;
  const route = parseRoute(url.pathname, ctx.settings.metricsEnabled);
  if (route.type === 'health') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('ok');
    return;
  }
  const user = ctx.auth.authenticate(req);
  const method = req.method ?? 'GET';
  if (route.type === 'resource') return handleResource(ctx, req, res, route, user, q);
  if (route.type === 'none') throw errors.noRoute();
  if (method !== 'GET') throw errors.methodNotAllowed();
  const accept = req.headers.accept;
  const aggregated = ctx.settings.aggregatedDiscovery && wantsAggregated(accept);
  switch (route.type) {
    case 'root':
      return sendJson(res, 200, { paths: ctx.discovery.paths() });
    case 'version':
      return sendJson(res, 200, VERSION_INFO);
    case 'openapiIndex':
      return sendJson(res, 200, ctx.openapi.index());
    case 'openapiDoc': {
      const doc = ctx.openapi.doc(route.path);
      if (doc === undefined) throw errors.noRoute();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(doc) });
      res.end(doc);
      return;
    }
    case 'coreVersions':
      return aggregated ? sendJson(res, 200, ctx.discovery.aggregated(true), AGGREGATED_V2) : sendJson(res, 200, ctx.discovery.coreVersions());
    case 'groups':
      return aggregated ? sendJson(res, 200, ctx.discovery.aggregated(false), AGGREGATED_V2) : sendJson(res, 200, ctx.discovery.groups());
    case 'group': {
      const body = ctx.discovery.group(route.group);
      if (!body) throw errors.noRoute();
      return sendJson(res, 200, body);
    }
    case 'resourceList': {
      const body = ctx.discovery.resourceList(route.group, route.version);
      if (!body) throw errors.noRoute();
      return sendJson(res, 200, body);
    }
    case 'metrics': {
      if (flag(q, 'watch')) throw errors.methodNotAllowed();
      ctx.auth.authorize({ user, verb: route.name ? 'get' : 'list', group: 'metrics.k8s.io', resource: route.resource, namespace: route.namespace, name: route.name });
      return handleMetrics(ctx, res, route.resource, route.namespace, route.name, q);
    }
  }
}

function verbOf(method: string, route: ResourceRoute, q: URLSearchParams): string {
  const { name, subresource, watchPath } = route;
  switch (method) {
    case 'GET':
      if (name !== undefined) return watchPath ? 'watch' : 'get';
      return watchPath || flag(q, 'watch') === true ? 'watch' : 'list';
    case 'POST':
      if (name === undefined && subresource === undefined && !watchPath) return 'create';
      break;
    case 'PUT':
      if (name !== undefined && subresource !== 'log' && !watchPath) return 'update';
      break;
    case 'PATCH':
      if (name !== undefined && subresource !== 'log' && !watchPath) return 'patch';
      break;
    case 'DELETE':
      if (subresource === undefined && !watchPath) return name !== undefined ? 'delete' : 'deletecollection';
      break;
  }
  throw errors.methodNotAllowed();
}

function dryRunOf(q: URLSearchParams): boolean {
  const values = q.getAll('dryRun');
  for (const v of values) if (v !== 'All') throw errors.badRequest(`dryRun: Unsupported value: "${v}": supported values: "All"`);
  return values.length > 0;
}

async function handleResource(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, route: ResourceRoute, user: string, q: URLSearchParams): Promise<void> {
  const { rt, namespace, name, subresource } = route;
  const verb = verbOf(req.method ?? 'GET', route, q);
  ctx.auth.authorize({ user, verb, group: rt.group, resource: rt.resource, subresource, namespace, name });
  const ops = ctx.store.ops;
  const opts: WriteOptions = { origin: 'api', trusted: false, dryRun: dryRunOf(q), ...(subresource === 'status' ? { subresource: 'status' as const } : {}) };
  const needsNamespace = () => {
    if (rt.namespaced && namespace === undefined) throw errors.methodNotAllowed();
  };
  switch (verb) {
    case 'get': {
      if (subresource === 'log') return handleLog(ctx, req, res, namespace as string, name as string, q);
      const obj = ops.get(rt, namespace, name as string);
      if (subresource === 'scale') return sendJson(res, 200, ops.scaleOf(rt, obj));
      const rendering = negotiate(req.headers.accept);
      return sendJson(res, 200, rendering === 'table' ? toTable(rt, [obj], includeObjectParam(q.get('includeObject')), { resourceVersion: obj.metadata.resourceVersion }) : obj);
    }
    case 'list':
      return handleList(ctx, req, res, rt, namespace, q, negotiate(req.headers.accept));
    case 'watch':
      return handleWatch(ctx, req, res, rt, namespace, q, negotiate(req.headers.accept), name);
    case 'create': {
      needsNamespace();
      return sendJson(res, 201, ops.create(rt, namespace, await readJson(req), opts));
    }
    case 'update': {
      const body = await readJson(req);
      if (subresource === 'scale') return sendJson(res, 200, ops.updateScale(rt, namespace, name as string, body, opts));
      return sendJson(res, 200, ops.update(rt, namespace, name as string, body, opts));
    }
    case 'patch': {
      const type = patchTypeOf(req.headers['content-type']);
      let patch: unknown;
      try {
        patch = JSON.parse(await readBody(req));
      } catch (err) {
        throw errors.badRequest(`error decoding patch: ${(err as Error).message}`);
      }
      if (subresource === 'scale') return sendJson(res, 200, ops.patchScale(rt, namespace, name as string, type, patch, opts));
      return sendJson(res, 200, ops.patch(rt, namespace, name as string, type, patch, opts));
    }
    case 'delete': {
      const options = await deleteOptions(req, q);
      const gone = ops.delete(rt, namespace, name as string, options, opts);
      return sendJson(res, 200, ops.deleteAnswer(rt, gone));
    }
    case 'deletecollection': {
      needsNamespace();
      const options = await deleteOptions(req, q);
      const selection = selectionOf(rt, q);
      const page = ctx.store.snapshots.readPage({ rt, namespace, snapshotRV: ctx.store.objects.resourceVersion, limit: 0, filter: selection.match });
      const items = [];
      for (const obj of page.items) {
        if (!ctx.store.objects.get(rt, keyOf(rt, obj.metadata.namespace, obj.metadata.name as string))) continue;
        const { kind: _k, apiVersion: _a, ...rest } = ops.delete(rt, obj.metadata.namespace, obj.metadata.name as string, options, opts);
        items.push(rest);
      }
      return sendJson(res, 200, { kind: rt.listKind, apiVersion: rt.apiVersion, metadata: { resourceVersion: String(ctx.store.objects.resourceVersion) }, items });
    }
  }
}

async function deleteOptions(req: IncomingMessage, q: URLSearchParams): Promise<DeleteOptions> {
  const body = await readJson(req);
  const options: DeleteOptions = isPlainObject(body) ? (body as DeleteOptions) : {};
  const policy = q.get('propagationPolicy');
  if (policy === 'Orphan' || policy === 'Background' || policy === 'Foreground') options.propagationPolicy = policy;
  if (options.propagationPolicy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(options.propagationPolicy)) {
    throw errors.badRequest(`propagationPolicy: Unsupported value: "${String(options.propagationPolicy)}"`);
  }
  return options;
}
