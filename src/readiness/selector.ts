import { listAt, objectAt, stringAt } from '../kubernetes/kinds/read';

/**
 * Whether a metav1.LabelSelector (matchLabels and matchExpressions) selects these labels. In
 * policy/v1 an empty selector selects every pod of the namespace; a missing one selects none.
 */
export function selects(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return false;
  const s = objectAt(selector);
  const matchLabels = objectAt(s.matchLabels);
  for (const key of Object.keys(matchLabels)) if (labels[key] !== matchLabels[key]) return false;
  for (const e of listAt(s.matchExpressions).map(objectAt)) {
    const key = stringAt(e.key) ?? '';
    const values = listAt(e.values).map((v) => stringAt(v) ?? '');
    const has = Object.hasOwn(labels, key);
    const ok =
      e.operator === 'In' ? has && values.includes(labels[key]!)
      : e.operator === 'NotIn' ? !has || !values.includes(labels[key]!)
      : e.operator === 'Exists' ? has
      : e.operator === 'DoesNotExist' ? !has
      : false;
    if (!ok) return false;
  }
  return true;
}
