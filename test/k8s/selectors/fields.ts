/** Field selectors (`metadata.name=web,status.phase!=Running`) with the fields each kind supports. */
import { errors } from '../errors';
import { getPath } from '../json';
import type { ResourceType } from '../resources';
import type { K8sObject } from '../types';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export type FieldMatcher = (obj: K8sObject) => boolean;

type Accessor = (obj: K8sObject) => unknown;

const path =
  (p: string): Accessor =>
  (o) =>
    getPath(o, p);

const common: Record<string, Accessor> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
};

const perResource: Record<string, Record<string, Accessor>> = {
  pods: {
    'spec.nodeName': path('spec.nodeName'),
    'spec.restartPolicy': path('spec.restartPolicy'),
    'spec.schedulerName': path('spec.schedulerName'),
    'spec.serviceAccountName': path('spec.serviceAccountName'),
    'spec.hostNetwork': (o) => getPath(o, 'spec.hostNetwork') ?? false,
    'status.phase': path('status.phase'),
    'status.podIP': path('status.podIP'),
    'status.nominatedNodeName': path('status.nominatedNodeName'),
  },
  events: {
    'involvedObject.kind': path('involvedObject.kind'),
    'involvedObject.namespace': path('involvedObject.namespace'),
    'involvedObject.name': path('involvedObject.name'),
    'involvedObject.uid': path('involvedObject.uid'),
    'involvedObject.apiVersion': path('involvedObject.apiVersion'),
    'involvedObject.resourceVersion': path('involvedObject.resourceVersion'),
    'involvedObject.fieldPath': path('involvedObject.fieldPath'),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source.component'),
    type: path('type'),
  },
  secrets: { type: path('type') },
  nodes: { 'spec.unschedulable': (o) => getPath(o, 'spec.unschedulable') ?? false },
  namespaces: { 'status.phase': path('status.phase') },
  'replicasets.apps': { 'status.replicas': (o) => getPath(o, 'status.replicas') ?? 0 },
  'jobs.batch': { 'status.successful': (o) => getPath(o, 'status.successful') ?? 0 },
};

function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/** Splits on unescaped commas and reads `\,`, `\=` and `\\` escapes in values. */
function splitTerms(input: string): string[] {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (c === '\\' && i + 1 < input.length) {
      cur += c + (input[i + 1] as string);
      i++;
    } else if (c === ',') {
      terms.push(cur);
      cur = '';
    } else cur += c;
  }
  terms.push(cur);
  return terms.filter((t) => t.trim() !== '');
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

export function parseFieldSelector(input: string, rt: ResourceType): FieldRequirement[] {
  const supported = { ...common, ...(perResource[rt.id] ?? {}) };
  return splitTerms(input).map((term) => {
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(term.trim());
    if (!m) throw errors.badRequest(`invalid selector: '${input}'; can't understand '${term}'`);
    const field = m[1] as string;
    if (!Object.hasOwn(supported, field)) throw errors.badRequest(`field label not supported: ${field}`);
    return { field, op: m[2] === '!=' ? '!=' : '=', value: unescape(m[3] as string) };
  });
}

export function fieldMatcher(reqs: FieldRequirement[], rt: ResourceType): FieldMatcher {
  if (reqs.length === 0) return () => true;
  const supported = { ...common, ...(perResource[rt.id] ?? {}) };
  const checks = reqs.map((r) => {
    const get = supported[r.field] as Accessor;
    return (o: K8sObject) => (fieldText(get(o)) === r.value) === (r.op === '=');
  });
  return (obj) => checks.every((c) => c(obj));
}

/** The single name a selector pins (`metadata.name=x`), so a lookup can skip scanning. */
export function pinnedName(reqs: FieldRequirement[]): string | undefined {
  return reqs.find((r) => r.field === 'metadata.name' && r.op === '=')?.value;
}
