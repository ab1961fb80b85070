import { NONE, loadBalancerText } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { listAt, metaOf, objectAt, stringAt } from './read';

export type IngressProjection = ObjectProjection & { namespace: string };

export const ingressView: ObjectView<IngressProjection> = {
  columns: columns(['class', 'CLASS'], ['hosts', 'HOSTS'], ['address', 'ADDRESS'], ['ports', 'PORTS']),
  search: ['class', 'hosts', 'address'],
};

const MAX_HOSTS = 3;

/** HOSTS as kubectl's formatHosts: the first three rule hosts, "*" when none names one. */
function hostsOf(rules: readonly unknown[]): string {
  const hosts: string[] = [];
  for (const rule of rules.slice(0, MAX_HOSTS)) {
    const host = stringAt(objectAt(rule).host);
    if (host) hosts.push(host);
  }
  if (!hosts.length) return '*';
  return rules.length > MAX_HOSTS ? `${hosts.join(',')} + ${rules.length - MAX_HOSTS} more...` : hosts.join(',');
}

export function projectIngress(raw: unknown): IngressProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const address = loadBalancerText(objectAt(raw).status);
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    // kubectl has no STATUS column for ingresses: whether a controller has given it an address.
    status: address ? 'Ready' : 'Pending',
    health: address ? 'ok' : 'warning',
    cells: {
      class: stringAt(spec.ingressClassName) ?? NONE,
      hosts: hostsOf(listAt(spec.rules)),
      address,
      ports: listAt(spec.tls).length ? '80, 443' : '80',
    },
  };
}
