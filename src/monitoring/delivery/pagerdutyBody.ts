import { createHash } from 'node:crypto';
import { common, firingOf, resolvedOf, statusOf, titleOf, type GroupMessage } from './groupMessage';

const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);

/** The same key for a group's trigger and its resolve, as Alertmanager derives it: SHA-256 of the group key. */
export const dedupKey = (groupKey: string) => createHash('sha256').update(groupKey).digest('hex');

/** An Events API v2 event without its routing_key (a secret, added when sending): trigger while any alert fires, else resolve. */
export function pagerdutyBody(m: GroupMessage, config: Record<string, unknown>) {
  const text = (key: string) => (typeof config[key] === 'string' ? (config[key] as string) : undefined);
  const labels = common(m.alerts.map((a) => a.labels));
  const severity = text('severity') ?? labels.severity ?? 'error';
  const action = statusOf(m) === 'firing' ? 'trigger' : 'resolve';
  return {
    event_action: action,
    dedup_key: dedupKey(m.groupKey),
    ...(action === 'trigger'
      ? {
          payload: {
            summary: (text('description') ?? titleOf(m)).slice(0, 1024),
            source: text('source') ?? text('client') ?? 'Opsdeck',
            severity: SEVERITIES.has(severity) ? severity : 'error',
            ...(text('class') ? { class: text('class') } : {}),
            ...(text('component') ? { component: text('component') } : {}),
            ...(text('group') ? { group: text('group') } : {}),
            custom_details: { firing: firingOf(m).map((a) => a.labels), resolved: resolvedOf(m).map((a) => a.labels), num_firing: firingOf(m).length, num_resolved: resolvedOf(m).length },
          },
        }
      : {}),
    client: text('client') ?? 'Opsdeck',
    ...(text('client_url') ? { client_url: text('client_url') } : {}),
  };
}
