/** Notification delivery: one outbox row per receiver integration and notification. Times are epoch milliseconds. */

/** pending: not tried yet; failed: the last attempt failed and another is due at nextAttemptAt; dead: given up. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** desktop: a receiver without integrations, shown by Opsdeck's own notifications. */
export type IntegrationKind = 'desktop' | 'webhook' | 'slack' | 'pagerduty' | 'email';

export interface NotificationDelivery {
  id: number;
  receiver: string;
  integration: IntegrationKind;
  groupKey: string;
  /** The body sent, without secrets (PagerDuty's routing_key is added when sending). */
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface NotificationPage {
  items: NotificationDelivery[];
  total: number;
}

export const MAX_NOTIFICATION_PAGE = 500;

export type IncidentStatus = 'open' | 'resolved';
export type IncidentEventKind = 'opened' | 'alert_added' | 'acknowledged' | 'resolved' | 'notified';

/** A notification group's alerts while they fire; a group that fires again within the window reopens it. */
export interface Incident {
  id: number;
  groupKey: string;
  title: string;
  groupLabels: Record<string, string>;
  /** Distinct alerts (label sets) seen; repeats are folded. */
  alertCount: number;
  status: IncidentStatus;
  openedAt: number;
  resolvedAt: number | null;
}

export interface IncidentEvent {
  at: number;
  kind: IncidentEventKind;
  detail: string;
}

export interface IncidentDetail extends Incident {
  timeline: IncidentEvent[];
}

export interface IncidentPage {
  items: Incident[];
  total: number;
}
