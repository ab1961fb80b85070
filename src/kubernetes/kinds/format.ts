/** Text the way kubectl prints it in `kubectl get -o wide`, shared by the kinds' columns. */
import type { K8sHealth } from '../../contract/types';
import { listAt, objectAt, stringAt, type Json } from './read';

export const NONE = '<none>';

/** k8s.io/apimachinery's duration.HumanDuration: "45s", "3m20s", "5h", "12d", "2y30d". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** The age kubectl shows for an instant, or <none> without one. */
export const sinceText = (at: number | null, now: number): string => (at === null ? NONE : humanDuration(now - at));

export const joined = (values: readonly string[], empty = NONE): string => (values.length ? values.join(',') : empty);

/** `k=v,k2=v2` in key order, as labels.FormatLabels prints a node selector. */
export function labelsText(labels: unknown): string {
  const o = objectAt(labels);
  return joined(
    Object.keys(o)
      .sort()
      .map((k) => `${k}=${stringAt(o[k]) ?? ''}`),
  );
}

/** A metav1.LabelSelector as labels.Selector.String() prints it: requirements sorted by key. */
export function selectorText(selector: unknown): string {
  const s = objectAt(selector);
  const parts: [string, string][] = [];
  const labels = objectAt(s.matchLabels);
  for (const k of Object.keys(labels)) parts.push([k, `${k}=${stringAt(labels[k]) ?? ''}`]);
  for (const e of listAt(s.matchExpressions).map(objectAt)) {
    const key = stringAt(e.key) ?? '';
    const values = listAt(e.values).map((v) => stringAt(v) ?? '').sort().join(',');
    const text =
      e.operator === 'In' ? `${key} in (${values})`
      : e.operator === 'NotIn' ? `${key} notin (${values})`
      : e.operator === 'DoesNotExist' ? `!${key}`
      : key;
    parts.push([key, text]);
  }
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return joined(parts.map((p) => p[1]));
}

/** CONTAINERS and IMAGES of a workload's pod template. */
export function templateCells(template: unknown): { containers: string; images: string; imageList: string[] } {
  const containers = listAt(objectAt(objectAt(template).spec).containers).map(objectAt);
  const imageList = containers.map((c) => stringAt(c.image) ?? '');
  return { containers: joined(containers.map((c) => stringAt(c.name) ?? '')), images: joined(imageList), imageList };
}

/** A replicated workload's health: all ready is ok, none available (of some wanted) is an error, else a warning. */
export function replicaHealth(desired: number, ready: number, available: number): K8sHealth {
  if (ready >= desired) return 'ok';
  return available === 0 ? 'error' : 'warning';
}

/** The first condition of a type, if any. */
export const conditionOf = (status: Json, type: string): Json | undefined =>
  listAt(status.conditions)
    .map(objectAt)
    .find((c) => c.type === type);

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** helper.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order. */
export function accessModesText(modes: unknown): string {
  const have = new Set(listAt(modes));
  return ACCESS_MODES.filter(([mode]) => have.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** A load balancer status's ingress points (IP, else hostname), comma-separated. */
export const loadBalancerText = (status: unknown): string =>
  listAt(objectAt(objectAt(status).loadBalancer).ingress)
    .map((i) => stringAt(objectAt(i).ip) || stringAt(objectAt(i).hostname) || '')
    .filter(Boolean)
    .join(',');
