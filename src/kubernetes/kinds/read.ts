/** Reading fields of API objects as they come off the wire: untyped JSON, any field may be missing. */

export type Json = Readonly<Record<string, unknown>>;

const EMPTY: Json = Object.freeze({});
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

export const objectAt = (v: unknown): Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : EMPTY;

export const listAt = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

export const stringAt = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const countAt = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

export const timeAt = (v: unknown): number | null => {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
};

/** The object's labels; the parsed object itself when it is well formed, so nothing is copied. */
export function labelsAt(v: unknown): Readonly<Record<string, string>> {
  const labels = objectAt(v);
  let clean = true;
  for (const key in labels) if (typeof labels[key] !== 'string') clean = false;
  if (clean) return Object.keys(labels).length ? (labels as Record<string, string>) : NO_LABELS;
  const copy: Record<string, string> = {};
  for (const key in labels) if (typeof labels[key] === 'string') copy[key] = labels[key] as string;
  return copy;
}

export interface Meta {
  namespace: string | null;
  name: string;
  uid: string;
  labels: Readonly<Record<string, string>>;
  createdAt: number | null;
  deleting: boolean;
}

/** Metadata every projection starts from; null for an object without a name, which the API never sends. */
export function metaOf(raw: unknown): Meta | null {
  const m = objectAt(objectAt(raw).metadata);
  const name = stringAt(m.name);
  if (!name) return null;
  return {
    namespace: stringAt(m.namespace) || null,
    name,
    uid: stringAt(m.uid) ?? '',
    labels: labelsAt(m.labels),
    createdAt: timeAt(m.creationTimestamp),
    deleting: typeof m.deletionTimestamp === 'string',
  };
}

export const resourceVersionOf = (raw: unknown): string | null => stringAt(objectAt(objectAt(raw).metadata).resourceVersion);

export const keyOf = (namespace: string | null, name: string): string => (namespace ? `${namespace}/${name}` : name);
