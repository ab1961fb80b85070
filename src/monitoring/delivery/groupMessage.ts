import type { Labels } from '../routing/routeMatch';

/** An alert as receivers are told about it. */
export interface MessageAlert {
  status: 'firing' | 'resolved';
  labels: Labels;
  annotations: Labels;
  startsAt: number;
  /** When it resolved; null while it fires. */
  endsAt: number | null;
  generatorURL: string;
}

/** What one notification of one group says, before each integration shapes it. */
export interface GroupMessage {
  receiver: string;
  groupKey: string;
  groupLabels: Labels;
  /** Firing alerts first, then resolved ones. */
  alerts: MessageAlert[];
}

export const firingOf = (m: GroupMessage) => m.alerts.filter((a) => a.status === 'firing');
export const resolvedOf = (m: GroupMessage) => m.alerts.filter((a) => a.status === 'resolved');
export const statusOf = (m: GroupMessage): 'firing' | 'resolved' => (firingOf(m).length ? 'firing' : 'resolved');

/** The label pairs (or annotation pairs) every alert of the group has. */
export function common(sets: Labels[]): Labels {
  const [first, ...rest] = sets;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((s) => s[k] === v)));
}

/** Alertmanager's one-line title: [FIRING:2] group label values. */
export function titleOf(m: GroupMessage): string {
  const firing = firingOf(m).length;
  const head = firing ? `[FIRING:${firing}]` : '[RESOLVED]';
  return [head, ...Object.values(m.groupLabels)].join(' ');
}
