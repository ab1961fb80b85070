import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { metaOf, objectAt, stringAt } from './read';

export interface NamespaceProjection extends ObjectProjection {
  namespace: null;
}

export const namespaceView: ObjectView<NamespaceProjection> = { columns: columns(['status', 'STATUS']), search: ['status'] };

export function projectNamespace(raw: unknown): NamespaceProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const status = stringAt(objectAt(objectAt(raw).status).phase) ?? (meta.deleting ? 'Terminating' : 'Active');
  return {
    ...objectBase(meta),
    namespace: null,
    status,
    health: status === 'Active' ? 'ok' : 'warning',
    cells: { status },
  };
}
