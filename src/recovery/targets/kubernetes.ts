import { parse, stringify } from 'yaml';
import { OpsdeckError, type RecoveryTargetSpec } from '../../contract';
import type { KubeApi, KubeSession } from '../../kubernetes/kubeApi';
import { KubeApiError } from '../../kubernetes/kubeApiError';
import { isGenerated, NAMESPACED_KINDS, restoreRank, stripServerFields } from './kubernetesResources';
import type { SourceEntry } from '../repository/types';

export type KubernetesSpec = Extract<RecoveryTargetSpec, { kind: 'kubernetes' }>;

const JSON_BODY = 'application/json';
const NAMESPACE_FILE = 'namespace.yaml';

/** Where an object's YAML sits in a snapshot: <namespace>/<resource>/<name>.yaml. */
const entryPath = (namespace: string, resource: string, name: string) => `${namespace}/${resource}/${name}.yaml`;

function items(list: unknown): Record<string, unknown>[] {
  const l = list as { items?: unknown };
  return Array.isArray(l?.items) ? (l.items as Record<string, unknown>[]) : [];
}

const nameOf = (obj: Record<string, unknown>) => String((obj.metadata as { name?: unknown } | undefined)?.name ?? '');

/** Checks every chosen namespace exists and can be read. */
export async function checkNamespaces(api: KubeApi, spec: KubernetesSpec, signal: AbortSignal): Promise<void> {
  const session = await api.session();
  for (const ns of spec.namespaces) {
    await session.getJson(`/api/v1/namespaces/${ns}`, signal).catch((err: Error) => {
      throw new OpsdeckError(err instanceof KubeApiError && err.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', `Namespace ${ns} in ${spec.context}: ${err.message}`);
    });
  }
}

/** Each chosen namespace and its resources as YAML documents, without server-set fields; secrets only when asked. */
export async function* namespaceEntries(api: KubeApi, spec: KubernetesSpec, signal: AbortSignal): AsyncGenerator<SourceEntry> {
  const session = await api.session();
  const now = Date.now();
  for (const ns of spec.namespaces) {
    const namespace = (await session.getJson(`/api/v1/namespaces/${ns}`, signal)) as Record<string, unknown>;
    const nsDoc = stripServerFields('namespaces', { resource: 'namespaces', prefix: '/api/v1', apiVersion: 'v1', kind: 'Namespace' }, namespace);
    delete nsDoc.spec;
    yield { path: `${ns}/${NAMESPACE_FILE}`, mode: 0o600, mtimeMs: now, data: Buffer.from(stringify(nsDoc)) };
    for (const kind of NAMESPACED_KINDS) {
      if (kind.resource === 'secrets' && !spec.includeSecrets) continue;
      const list = await session.getJson(`${kind.prefix}/namespaces/${ns}/${kind.resource}`, signal);
      for (const obj of items(list)) {
        if (isGenerated(kind.resource, obj)) continue;
        const doc = stripServerFields(kind.resource, kind, obj);
        yield { path: entryPath(ns, kind.resource, nameOf(obj)), mode: 0o600, mtimeMs: now, data: Buffer.from(stringify(doc)) };
      }
    }
  }
}

/** A document read back from a snapshot. */
export interface NamespaceDocument {
  path: string;
  text: string;
}

export interface NamespaceRestoreResult {
  /** Namespaces this restore created (a rollback deletes them). */
  createdNamespaces: string[];
  created: number;
  /** Objects that already existed and were left as they are. */
  existing: number;
}

async function create(session: KubeSession, path: string, body: unknown, signal: AbortSignal): Promise<'created' | 'existing'> {
  try {
    await session.requestJson('POST', path, signal, { contentType: JSON_BODY, value: body });
    return 'created';
  } catch (err) {
    if (err instanceof KubeApiError && err.status === 409) return 'existing';
    throw err;
  }
}

/**
 * Creates the snapshot's objects in dependency order (namespaces, service accounts, config maps and
 * secrets, claims, services, then workloads), each namespace renamed through `rename` when given.
 * Objects that already exist are left alone.
 */
export async function restoreNamespaces(api: KubeApi, docs: NamespaceDocument[], rename: Record<string, string>, signal: AbortSignal): Promise<NamespaceRestoreResult> {
  const session = await api.session();
  const parsed = docs.map((d) => {
    const [ns = '', resource = ''] = d.path.replace(/^\//, '').split('/');
    return { ns, resource: d.path.endsWith(`/${NAMESPACE_FILE}`) ? 'namespaces' : resource, obj: parse(d.text) as Record<string, unknown> };
  });
  const rank = (r: string) => (r === 'namespaces' ? -1 : restoreRank(r));
  parsed.sort((a, b) => rank(a.resource) - rank(b.resource));
  const result: NamespaceRestoreResult = { createdNamespaces: [], created: 0, existing: 0 };
  for (const { ns, resource, obj } of parsed) {
    signal.throwIfAborted();
    const into = rename[ns] ?? ns;
    const meta = (obj.metadata ??= {}) as Record<string, unknown>;
    if (resource === 'namespaces') {
      meta.name = into;
      const outcome = await create(session, '/api/v1/namespaces', obj, signal);
      if (outcome === 'created') result.createdNamespaces.push(into);
      continue;
    }
    const kind = NAMESPACED_KINDS.find((k) => k.resource === resource);
    if (!kind) continue;
    meta.namespace = into;
    const outcome = await create(session, `${kind.prefix}/namespaces/${into}/${resource}`, obj, signal);
    result[outcome === 'created' ? 'created' : 'existing'] += 1;
  }
  return result;
}

export async function deleteNamespace(api: KubeApi, namespace: string): Promise<void> {
  const session = await api.session();
  await session.requestJson('DELETE', `/api/v1/namespaces/${namespace}`, AbortSignal.timeout(30_000)).catch((err: unknown) => {
    if (!(err instanceof KubeApiError && err.status === 404)) throw err;
  });
}
