/** Validation behind 422 Invalid answers: metadata, pod specs and the workload rules kubectl users meet. */
import type { FieldError } from '../errors';
import { deepEqual, isPlainObject } from '../json';
import type { ResourceType } from '../resources';
import { labelKeyError, labelValueError, labelMatcher, requirementsOf } from '../selectors/labels';
import type { K8sObject, LabelSelector } from '../types';

type Obj = Record<string, unknown>;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** Kinds whose names must be DNS labels rather than subdomains. */
const LABEL_NAMED = new Set(['namespaces', 'services', 'deployments.apps', 'statefulsets.apps', 'cronjobs.batch']);

function dnsLabelError(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  return DNS_LABEL.test(name) ? undefined : LABEL_MSG;
}

function dnsSubdomainError(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  return DNS_SUBDOMAIN.test(name) ? undefined : SUBDOMAIN_MSG;
}

class Errors {
  readonly list: FieldError[] = [];
  invalid(field: string, value: unknown, detail: string) {
    this.list.push({ type: 'FieldValueInvalid', field, value, detail });
  }
  required(field: string, detail?: string) {
    this.list.push({ type: 'FieldValueRequired', field, ...(detail ? { detail } : {}) });
  }
  forbidden(field: string, detail: string) {
    this.list.push({ type: 'FieldValueForbidden', field, detail });
  }
  unsupported(field: string, value: unknown, supported: string[]) {
    this.list.push({ type: 'FieldValueNotSupported', field, value, detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` });
  }
  duplicate(field: string, value: unknown) {
    this.list.push({ type: 'FieldValueDuplicate', field, value });
  }
}

function validateMeta(rt: ResourceType, o: K8sObject, e: Errors): void {
  const name = o.metadata.name;
  if (!name) e.required('metadata.name', 'name or generateName is required');
  else {
    const err = LABEL_NAMED.has(rt.id) ? dnsLabelError(name) : dnsSubdomainError(name);
    if (err) e.invalid('metadata.name', name, err);
  }
  if (rt.namespaced && !o.metadata.namespace) e.required('metadata.namespace');
  const labels = o.metadata.labels;
  if (labels !== undefined) {
    if (!isPlainObject(labels)) e.invalid('metadata.labels', labels, 'must be a map of strings');
    else
      for (const [k, v] of Object.entries(labels)) {
        const keyErr = labelKeyError(k);
        if (keyErr) e.invalid('metadata.labels', k, keyErr);
        const valueErr = typeof v === 'string' ? labelValueError(v) : 'must be a string';
        if (valueErr) e.invalid('metadata.labels', v, valueErr);
      }
  }
}

function nonNegativeInt(e: Errors, value: unknown, field: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) e.invalid(field, value, 'must be an integer');
  else if (value < 0) e.invalid(field, value, 'must be greater than or equal to 0');
}

function validateContainers(list: unknown, field: string, e: Errors, required: boolean): void {
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    if (required) e.required(field);
    return;
  }
  if (!Array.isArray(list)) return e.invalid(field, list, 'must be a list of containers');
  const names = new Set<string>();
  list.forEach((c, i) => {
    const at = `${field}[${i}]`;
    if (!isPlainObject(c)) return e.invalid(at, c, 'must be a container');
    if (typeof c.name !== 'string' || c.name === '') e.required(`${at}.name`);
    else {
      const err = dnsLabelError(c.name);
      if (err) e.invalid(`${at}.name`, c.name, err);
      if (names.has(c.name)) e.duplicate(`${at}.name`, c.name);
      names.add(c.name);
    }
    if (typeof c.image !== 'string' || c.image.trim() === '') e.required(`${at}.image`);
    if (Array.isArray(c.ports))
      c.ports.forEach((p, j) => {
        const port = isPlainObject(p) ? p.containerPort : undefined;
        if (typeof port !== 'number' || port < 1 || port > 65535) e.invalid(`${at}.ports[${j}].containerPort`, port ?? null, 'must be between 1 and 65535, inclusive');
      });
  });
}

function validatePodSpec(spec: unknown, field: string, e: Errors, restartPolicies: string[]): void {
  if (!isPlainObject(spec)) return e.required(field);
  validateContainers(spec.containers, `${field}.containers`, e, true);
  validateContainers(spec.initContainers, `${field}.initContainers`, e, false);
  const rp = spec.restartPolicy;
  if (rp !== undefined && !restartPolicies.includes(rp as string)) e.unsupported(`${field}.restartPolicy`, rp, restartPolicies);
}

function validateSelectorAndTemplate(spec: Obj, e: Errors, restartPolicies: string[], templateField = 'spec.template'): void {
  const selector = spec.selector as LabelSelector | undefined;
  const reqs = requirementsOf(selector);
  if (!isPlainObject(selector) || reqs.length === 0) e.required('spec.selector');
  const template = spec.template;
  if (!isPlainObject(template)) return e.required(templateField);
  const meta = isPlainObject(template.metadata) ? template.metadata : {};
  const labels = (isPlainObject(meta.labels) ? meta.labels : {}) as Record<string, string>;
  if (reqs.length > 0 && !labelMatcher(reqs)(labels)) {
    e.invalid(`${templateField}.metadata.labels`, labels, '`selector` does not match template `labels`');
  }
  validatePodSpec(template.spec, `${templateField}.spec`, e, restartPolicies);
}

const CRON_FIELD = /^[\d*/,\-?A-Za-z]+$/;

function validateKind(rt: ResourceType, o: K8sObject, old: K8sObject | undefined, e: Errors): void {
  const spec = isPlainObject(o.spec) ? o.spec : {};
  switch (rt.id) {
    case 'pods':
      validatePodSpec(o.spec, 'spec', e, ['Always', 'OnFailure', 'Never']);
      break;
    case 'deployments.apps':
    case 'replicasets.apps':
    case 'statefulsets.apps':
      nonNegativeInt(e, spec.replicas, 'spec.replicas');
      nonNegativeInt(e, spec.revisionHistoryLimit, 'spec.revisionHistoryLimit');
      nonNegativeInt(e, spec.minReadySeconds, 'spec.minReadySeconds');
      validateSelectorAndTemplate(spec, e, ['Always']);
      if (rt.id === 'deployments.apps') {
        const type = isPlainObject(spec.strategy) ? spec.strategy.type : undefined;
        if (type !== undefined && type !== 'RollingUpdate' && type !== 'Recreate') e.unsupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']);
      }
      break;
    case 'daemonsets.apps':
      validateSelectorAndTemplate(spec, e, ['Always']);
      break;
    case 'jobs.batch':
      nonNegativeInt(e, spec.parallelism, 'spec.parallelism');
      nonNegativeInt(e, spec.completions, 'spec.completions');
      nonNegativeInt(e, spec.backoffLimit, 'spec.backoffLimit');
      validateSelectorAndTemplate(spec, e, ['OnFailure', 'Never']);
      break;
    case 'cronjobs.batch': {
      const schedule = spec.schedule;
      if (typeof schedule !== 'string' || schedule === '') e.required('spec.schedule');
      else if (!schedule.startsWith('@') && (schedule.trim().split(/\s+/).length !== 5 || !schedule.trim().split(/\s+/).every((f) => CRON_FIELD.test(f)))) {
        e.invalid('spec.schedule', schedule, `unparseable schedule: expected exactly 5 fields, found ${schedule.trim().split(/\s+/).length}`);
      }
      const jobSpec = isPlainObject(spec.jobTemplate) && isPlainObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
      const template = jobSpec && isPlainObject(jobSpec.template) ? jobSpec.template : undefined;
      if (!template) e.required('spec.jobTemplate.spec.template');
      else validatePodSpec(template.spec, 'spec.jobTemplate.spec.template.spec', e, ['OnFailure', 'Never']);
      break;
    }
    case 'services': {
      const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
      if (spec.type !== undefined && !types.includes(spec.type as string)) e.unsupported('spec.type', spec.type, types);
      if (spec.type === 'ExternalName' && !spec.externalName) e.required('spec.externalName');
      if (Array.isArray(spec.ports))
        spec.ports.forEach((p, i) => {
          const port = isPlainObject(p) ? p.port : undefined;
          if (typeof port !== 'number' || port < 1 || port > 65535) e.invalid(`spec.ports[${i}].port`, port ?? null, 'must be between 1 and 65535, inclusive');
        });
      break;
    }
    case 'configmaps':
    case 'secrets':
      for (const field of ['data', 'binaryData', 'stringData']) {
        const data = (o as Obj)[field];
        if (!isPlainObject(data)) continue;
        for (const key of Object.keys(data)) {
          if (!CONFIG_KEY.test(key) || key.length > 253) {
            e.invalid(`${field}[${key}]`, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
          }
        }
      }
      break;
    default:
      break;
  }
  if (old) validateUpdate(rt, o, old, e);
}

const selectorImmutable = new Set(['deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch']);

function validateUpdate(rt: ResourceType, o: K8sObject, old: K8sObject, e: Errors): void {
  const spec = isPlainObject(o.spec) ? o.spec : {};
  const oldSpec = isPlainObject(old.spec) ? old.spec : {};
  if (selectorImmutable.has(rt.id) && !deepEqual(spec.selector, oldSpec.selector)) {
    e.invalid('spec.selector', spec.selector ?? null, 'field is immutable');
  }
}

/** Pod specs only change in images, tolerations and deadlines once created (checked for client writes). */
export function podUpdateErrors(o: K8sObject, old: K8sObject): FieldError[] {
  const strip = (spec: unknown): unknown => {
    if (!isPlainObject(spec)) return spec;
    const mask = (cs: unknown) => (Array.isArray(cs) ? cs.map((c) => (isPlainObject(c) ? { ...c, image: '' } : c)) : cs);
    const { activeDeadlineSeconds: _a, tolerations: _t, terminationGracePeriodSeconds: _g, ...rest } = spec;
    return { ...rest, containers: mask(rest.containers), initContainers: mask(rest.initContainers) };
  };
  if (deepEqual(strip(o.spec), strip(old.spec))) return [];
  return [
    {
      type: 'FieldValueForbidden',
      field: 'spec',
      detail:
        'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    },
  ];
}

export function validateObject(rt: ResourceType, o: K8sObject, old?: K8sObject): FieldError[] {
  const e = new Errors();
  validateMeta(rt, o, e);
  validateKind(rt, o, old, e);
  return e.list;
}
