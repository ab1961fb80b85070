import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { listAt, metaOf, objectAt } from './read';

export type ServiceAccountProjection = ObjectProjection & { namespace: string };

export const serviceAccountView: ObjectView<ServiceAccountProjection> = {
  columns: columns(['secrets', 'SECRETS', 'numeric'], ['automount', 'AUTOMOUNT TOKEN']),
  search: ['automount'],
};

/** As `kubectl get serviceaccounts`, plus whether pods get its token unless they say otherwise. */
export function projectServiceAccount(raw: unknown): ServiceAccountProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const automount = objectAt(raw).automountServiceAccountToken !== false;
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    status: automount ? 'Token mounted' : 'No token',
    health: 'ok',
    cells: { secrets: listAt(objectAt(raw).secrets).length, automount: automount ? 'yes' : 'no' },
  };
}
