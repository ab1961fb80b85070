import { NONE, labelsText, loadBalancerText } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { listAt, metaOf, objectAt, stringAt, type Json } from './read';

export type ServiceProjection = ObjectProjection & { namespace: string };

export const serviceView: ObjectView<ServiceProjection> = {
  columns: columns(['type', 'TYPE'], ['clusterIP', 'CLUSTER-IP'], ['externalIP', 'EXTERNAL-IP'], ['ports', 'PORTS'], ['selector', 'SELECTOR']),
  search: ['type', 'clusterIP', 'externalIP', 'ports'],
};

const PENDING = '<pending>';

/** EXTERNAL-IP as kubectl's getServiceExternalIP words it. */
function externalIPOf(type: string, spec: Json, status: unknown): string {
  const external = listAt(spec.externalIPs).map((ip) => stringAt(ip) ?? '');
  if (type === 'ExternalName') return stringAt(spec.externalName) ?? NONE;
  if (type !== 'LoadBalancer') return external.length ? external.join(',') : NONE;
  const balancer = loadBalancerText(status);
  const all = [...(balancer ? balancer.split(',') : []), ...external];
  return all.length ? all.join(',') : PENDING;
}

/** PORTS: port[:nodePort]/protocol, comma-separated. */
function portsOf(spec: Json): string {
  const ports = listAt(spec.ports).map((raw) => {
    const p = objectAt(raw);
    const node = typeof p.nodePort === 'number' && p.nodePort > 0 ? `:${p.nodePort}` : '';
    return `${String(p.port ?? '')}${node}/${stringAt(p.protocol) ?? 'TCP'}`;
  });
  return ports.length ? ports.join(',') : NONE;
}

export function projectService(raw: unknown): ServiceProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const type = stringAt(spec.type) ?? 'ClusterIP';
  const externalIP = externalIPOf(type, spec, objectAt(raw).status);
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    // kubectl has no STATUS column for services: the type, and whether a load balancer is still awaited.
    status: externalIP === PENDING ? `${type} (pending)` : type,
    health: externalIP === PENDING ? 'warning' : 'ok',
    cells: {
      type,
      clusterIP: stringAt(spec.clusterIP) || NONE,
      externalIP,
      ports: portsOf(spec),
      selector: labelsText(spec.selector),
    },
  };
}
