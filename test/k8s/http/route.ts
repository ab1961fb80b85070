/** Parses request paths into what they address. */
import { resourceFor, type ResourceType } from '../resources';

export type Route =
  | { type: 'root' }
  | { type: 'health' }
  | { type: 'version' }
  | { type: 'coreVersions' }
  | { type: 'groups' }
  | { type: 'group'; group: string }
  | { type: 'resourceList'; group: string; version: string }
  | { type: 'resource'; rt: ResourceType; namespace?: string; name?: string; subresource?: string; watchPath: boolean }
  | { type: 'metrics'; resource: string; namespace?: string; name?: string }
  | { type: 'openapiIndex' }
  | { type: 'openapiDoc'; path: string }
  | { type: 'none' };

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';

export function parseRoute(pathname: string, metricsEnabled: boolean): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { type: 'none' };
  }
  const [first, second, third] = parts;
  if (parts.length === 0) return { type: 'root' };
  if (parts.length === 1 && (first === 'healthz' || first === 'livez' || first === 'readyz')) return { type: 'health' };
  if (parts.length === 1 && first === 'version') return { type: 'version' };
  if (first === 'openapi' && second === 'v3') {
    return parts.length === 2 ? { type: 'openapiIndex' } : { type: 'openapiDoc', path: parts.slice(2).join('/') };
  }
  if (first === 'api') {
    if (parts.length === 1) return { type: 'coreVersions' };
    if (second !== 'v1') return { type: 'none' };
    if (parts.length === 2) return { type: 'resourceList', group: '', version: 'v1' };
    return resourceRoute('', 'v1', parts.slice(2));
  }
  if (first === 'apis') {
    if (parts.length === 1) return { type: 'groups' };
    const group = second as string;
    if (group === METRICS_GROUP) {
      if (!metricsEnabled) return { type: 'none' };
      if (parts.length === 2) return { type: 'group', group };
      if (third !== METRICS_VERSION) return { type: 'none' };
      if (parts.length === 3) return { type: 'resourceList', group, version: METRICS_VERSION };
      return metricsRoute(parts.slice(3));
    }
    if (parts.length === 2) return { type: 'group', group };
    const version = third as string;
    if (parts.length === 3) return { type: 'resourceList', group, version };
    return resourceRoute(group, version, parts.slice(3));
  }
  return { type: 'none' };
}

function resourceRoute(group: string, version: string, rest: string[]): Route {
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const candidate = resourceFor(group, version, rest[2] as string);
    if (candidate?.namespaced) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource || extra.length > 0) return { type: 'none' };
  const rt = resourceFor(group, version, resource);
  if (!rt) return { type: 'none' };
  if (rt.namespaced && namespace === undefined && name !== undefined) return { type: 'none' };
  if (subresource !== undefined && !rt.subresources.includes(subresource as never)) return { type: 'none' };
  if (watchPath && subresource !== undefined) return { type: 'none' };
  return { type: 'resource', rt, namespace, name, subresource, watchPath };
}

function metricsRoute(rest: string[]): Route {
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest[2] === 'pods') {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, ...extra] = rest;
  if ((resource !== 'nodes' && resource !== 'pods') || extra.length > 0) return { type: 'none' };
  if (resource === 'nodes' && namespace !== undefined) return { type: 'none' };
  return { type: 'metrics', resource, namespace, name };
}
