/** The labelSelector and fieldSelector of a list or watch request as one predicate. */
import type { ResourceType } from '../resources';
import { fieldMatcher, parseFieldSelector } from '../selectors/fields';
import { labelMatcher, parseLabelSelector } from '../selectors/labels';
import type { K8sObject } from '../types';

export interface Selection {
  match: (obj: K8sObject) => boolean;
  /** Whether any selector was given. */
  selective: boolean;
}

export function selectionOf(rt: ResourceType, q: URLSearchParams, pinnedName?: string): Selection {
  const labelReqs = parseLabelSelector(q.get('labelSelector') ?? '');
  const fieldText = [q.get('fieldSelector') ?? '', pinnedName ? `metadata.name=${pinnedName}` : ''].filter(Boolean).join(',');
  const fieldReqs = parseFieldSelector(fieldText, rt);
  const labels = labelMatcher(labelReqs);
  const fields = fieldMatcher(fieldReqs, rt);
  return { match: (o) => labels(o.metadata.labels) && fields(o), selective: labelReqs.length + fieldReqs.length > 0 };
}
