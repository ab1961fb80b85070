import { objectAt, type Json } from './kinds/read';

/** The label the deployment controller adds to each ReplicaSet's copy of the pod template. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** JSON with keys in order, so two templates compare equal whatever order the server wrote them in. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Json;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A pod template without the pod-template-hash label. */
export function withoutHash(template: unknown): Json {
  const t = objectAt(template);
  const meta = objectAt(t.metadata);
  const labels = { ...objectAt(meta.labels) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...meta, labels } };
}

/** A template as text that is equal for equal templates, the hash label aside. */
export const templateKey = (template: unknown): string => canonical(withoutHash(template));

/** Whether a ReplicaSet's template is the Deployment's, the hash label aside. */
export const sameTemplate = (a: unknown, b: unknown): boolean => templateKey(a) === templateKey(b);
