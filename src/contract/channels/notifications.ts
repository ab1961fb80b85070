import { z } from 'zod';
import type { IncidentDetail, IncidentPage, NotificationDelivery, NotificationPage } from '../types';
import { DELIVERY_STATUSES, MAX_NOTIFICATION_PAGE } from '../types';
import { returns } from './schema';

/** A secret's name, as `keychain:<name>` refers to it in the routing config. */
const secretName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be letters, digits, ".", "_" and "-"');

export const notificationsChannels = {
  /** Delivered and undelivered notifications, newest first. */
  'notifications.list': {
    input: z
      .object({
        status: z.enum(DELIVERY_STATUSES).optional(),
        receiver: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(MAX_NOTIFICATION_PAGE).default(50),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
    output: returns<NotificationPage>(),
  },
  /** Incidents, newest first. */
  'incidents.list': {
    input: z
      .object({
        status: z.enum(['open', 'resolved']).optional(),
        limit: z.number().int().min(1).max(MAX_NOTIFICATION_PAGE).default(50),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
    output: returns<IncidentPage>(),
  },
  /** One incident with its timeline: opened, alerts added, acknowledged, notifications sent, resolved. */
  'incidents.get': { input: z.object({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict(), output: returns<IncidentDetail>() },
  /** Stores a notification secret in the OS keychain; the routing config names it as `keychain:<name>`. */
  'secrets.set': { input: z.object({ name: secretName, value: z.string().min(1).max(65_536) }).strict(), output: returns<{ name: string }>() },
  /** Removes a notification secret; deleted is false when there was none. */
  'secrets.delete': { input: z.object({ name: secretName }).strict(), output: returns<{ name: string; deleted: boolean }>() },
} as const;

export const notificationsEvents = {
  /** A delivery was queued, sent, failed or given up. */
  'notifications.changed': returns<NotificationDelivery>(),
} as const;
