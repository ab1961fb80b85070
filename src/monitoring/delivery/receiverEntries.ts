import type { IntegrationKind } from '../../contract';
import type { Receiver } from '../routing/receivers';
import { emailMessage } from './emailMessage';
import { firingOf, titleOf, type GroupMessage } from './groupMessage';
import type { OutboxEntry } from './outboxStore';
import { pagerdutyBody } from './pagerdutyBody';
import { slackBody } from './slackBody';
import { webhookBody } from './webhookBody';

/** The routing config's integration lists each kind is read from, with Alertmanager's send_resolved default. */
export const INTEGRATIONS: { kind: Exclude<IntegrationKind, 'desktop'>; list: string; sendResolved: boolean }[] = [
  { kind: 'webhook', list: 'webhook_configs', sendResolved: true },
  { kind: 'slack', list: 'slack_configs', sendResolved: false },
  { kind: 'pagerduty', list: 'pagerduty_configs', sendResolved: true },
  { kind: 'email', list: 'email_configs', sendResolved: false },
];

function body(kind: Exclude<IntegrationKind, 'desktop'>, m: GroupMessage, config: Record<string, unknown>, externalURL: string): unknown {
  switch (kind) {
    case 'webhook':
      return webhookBody(m, externalURL, typeof config.max_alerts === 'number' ? config.max_alerts : 0);
    case 'slack':
      return slackBody(m, config);
    case 'pagerduty':
      return pagerdutyBody(m, config);
    case 'email':
      return emailMessage(m, config);
  }
}

/**
 * One outbox entry per integration of the receiver; a receiver without integrations is the desktop's.
 * An integration that does not send resolved alerts gets the firing ones only, and nothing when none fire.
 */
export function receiverEntries(m: GroupMessage, receiver: Receiver, externalURL: string): OutboxEntry[] {
  const base = { receiver: receiver.name, groupKey: m.groupKey };
  const kinds = Object.keys(receiver.integrations).filter((list) => receiver.integrations[list]!.length > 0);
  if (kinds.length === 0) return [{ ...base, integration: 'desktop', index: 0, payload: { title: titleOf(m), firing: firingOf(m).length, alerts: m.alerts.length } }];
  return INTEGRATIONS.flatMap(({ kind, list, sendResolved }) =>
    (receiver.integrations[list] ?? []).flatMap((config, index) => {
      const resolvedToo = typeof config.send_resolved === 'boolean' ? config.send_resolved : sendResolved;
      const message = resolvedToo ? m : { ...m, alerts: firingOf(m) };
      if (message.alerts.length === 0) return [];
      return [{ ...base, integration: kind, index, payload: body(kind, message, config, externalURL) }];
    }),
  );
}
