/**
 * Discovery: /version, /api, /apis and the resource lists, in both the legacy form and the
 * aggregated form (apidiscovery.k8s.io/v2) that kubectl asks for first.
 */
import { createHash } from 'node:crypto';
import { groupVersions, type GroupVersion, type ResourceType } from '../resources';
import { METRICS_GROUP, METRICS_VERSION } from './route';

export const AGGREGATED_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T00:00:00Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

interface SubresourceInfo {
  name: string;
  kind: { group: string; version: string; kind: string };
  verbs: string[];
}

function subresources(rt: ResourceType): SubresourceInfo[] {
  return rt.subresources.map((sub) => {
    if (sub === 'scale') return { name: sub, kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] };
    if (sub === 'log') return { name: sub, kind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] };
    return { name: sub, kind: { group: rt.group, version: rt.version, kind: rt.kind }, verbs: ['get', 'patch', 'update'] };
  });
}

function storageVersionHash(rt: ResourceType): string {
  return createHash('sha256').update(`${rt.apiVersion}/${rt.kind}`).digest('base64').slice(0, 12);
}

/** The metrics.k8s.io group, served only when metrics are on. */
const METRICS_RESOURCES = [
  { resource: 'nodes', singular: '', kind: 'NodeMetrics', namespaced: false },
  { resource: 'pods', singular: '', kind: 'PodMetrics', namespaced: true },
];

export class Discovery {
  private readonly gvs: GroupVersion[] = groupVersions();

  constructor(
    private metricsEnabled: () => boolean,
    private address: () => string,
  ) {}

  coreVersions() {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.address() }] };
  }

  private groupNames(): string[] {
    const names = [...new Set(this.gvs.filter((gv) => gv.group).map((gv) => gv.group))];
    if (this.metricsEnabled()) names.push(METRICS_GROUP);
    return names;
  }

  private groupInfo(name: string) {
    const version = name === METRICS_GROUP ? METRICS_VERSION : (this.gvs.find((gv) => gv.group === name)?.version ?? 'v1');
    const gv = { groupVersion: `${name}/${version}`, version };
    return { name, versions: [gv], preferredVersion: gv };
  }

  groups() {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: this.groupNames().map((g) => this.groupInfo(g)) };
  }

  group(name: string) {
    if (!this.groupNames().includes(name)) return undefined;
    return { kind: 'APIGroup', apiVersion: 'v1', ...this.groupInfo(name) };
  }

  resourceList(group: string, version: string) {
    if (group === METRICS_GROUP && version === METRICS_VERSION && this.metricsEnabled()) {
      return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${group}/${version}`,
        resources: METRICS_RESOURCES.map((r) => ({ name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'list'] })),
      };
    }
    const gv = this.gvs.find((g) => g.group === group && g.version === version);
    if (!gv) return undefined;
    const resources: unknown[] = [];
    for (const rt of gv.resources) {
      resources.push({
        name: rt.resource,
        singularName: rt.singular,
        namespaced: rt.namespaced,
        kind: rt.kind,
        verbs: rt.verbs,
        ...(rt.shortNames.length ? { shortNames: rt.shortNames } : {}),
        ...(rt.categories.length ? { categories: rt.categories } : {}),
        storageVersionHash: storageVersionHash(rt),
      });
      for (const sub of subresources(rt)) {
        const other = sub.kind.group !== rt.group || sub.kind.version !== rt.version;
        resources.push({
          name: `${rt.resource}/${sub.name}`,
          singularName: '',
          namespaced: rt.namespaced,
          ...(other ? { group: sub.kind.group, version: sub.kind.version } : {}),
          kind: sub.kind.kind,
          verbs: sub.verbs,
        });
      }
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
  }

  /** The aggregated list for /api (core) or /apis (every named group). */
  aggregated(core: boolean) {
    const items = core ? [this.aggregatedGroup('')] : this.groupNames().map((g) => this.aggregatedGroup(g));
    return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
  }

  private aggregatedGroup(group: string) {
    if (group === METRICS_GROUP) {
      return {
        metadata: { name: group, creationTimestamp: null },
        versions: [
          {
            version: METRICS_VERSION,
            resources: METRICS_RESOURCES.map((r) => ({
              resource: r.resource,
              responseKind: { group, version: METRICS_VERSION, kind: r.kind },
              scope: r.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: r.resource.replace(/s$/, ''),
              verbs: ['get', 'list'],
            })),
            freshness: 'Current',
          },
        ],
      };
    }
    const versions = this.gvs
      .filter((gv) => gv.group === group)
      .map((gv) => ({
        version: gv.version,
        resources: gv.resources.map((rt) => ({
          resource: rt.resource,
          responseKind: { group: rt.group, version: rt.version, kind: rt.kind },
          scope: rt.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: rt.singular,
          verbs: rt.verbs,
          ...(rt.shortNames.length ? { shortNames: rt.shortNames } : {}),
          ...(rt.categories.length ? { categories: rt.categories } : {}),
          ...(rt.subresources.length
            ? { subresources: subresources(rt).map((s) => ({ subresource: s.name, responseKind: s.kind, verbs: s.verbs })) }
            : {}),
        })),
        freshness: 'Current',
      }));
    return { metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null }, versions };
  }

  /** Paths for GET /. */
  paths(): string[] {
    const out = ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/readyz', '/version'];
    for (const gv of this.gvs) if (gv.group) out.push(`/apis/${gv.group}`, `/apis/${gv.group}/${gv.version}`);
    if (this.metricsEnabled()) out.push(`/apis/${METRICS_GROUP}`, `/apis/${METRICS_GROUP}/${METRICS_VERSION}`);
    return out.sort();
  }
}

/** Whether the Accept header asks for aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && accept.split(',').some((t) => /as=APIGroupDiscoveryList/i.test(t) && /v=v2(;|$|\s)/.test(t) && /g=apidiscovery\.k8s\.io/.test(t));
}
