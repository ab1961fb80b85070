import type { Projected } from './projected';
import { keyOf, metaOf, objectAt, stringAt } from './read';

export interface NamespaceProjection extends Projected {
  namespace: null;
  phase: string;
  labels: Readonly<Record<string, string>>;
  createdAt: number | null;
}

export function projectNamespace(raw: unknown): NamespaceProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  return {
    key: keyOf(null, meta.name),
    namespace: null,
    name: meta.name,
    phase: stringAt(objectAt(objectAt(raw).status).phase) ?? (meta.deleting ? 'Terminating' : 'Active'),
    labels: meta.labels,
    createdAt: meta.createdAt,
  };
}
