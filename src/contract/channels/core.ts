import { z } from 'zod';
import type {
  AlertSummary,
  AppInfo,
  AuditEntry,
  HostInfo,
  HostSample,
  HostSeries,
  NavigationTarget,
  SecretStoreStatus,
  Settings,
} from '../types';
import { MAX_AUDIT_PAGE, SERIES_RANGES } from '../types';
import { empty, returns } from './schema';

/** The app itself, the host it runs on, settings, secrets and the audit log. */
export const coreChannels = {
  'app.info': { input: empty, output: returns<AppInfo>() },
  'host.info': { input: empty, output: returns<HostInfo>() },
  'host.latest': { input: empty, output: returns<HostSample | null>() },
  'host.series': {
    input: z.object({ range: z.enum(SERIES_RANGES) }).strict(),
    output: returns<HostSeries>(),
  },
  'alerts.summary': { input: empty, output: returns<AlertSummary>() },
  'settings.get': { input: empty, output: returns<Settings>() },
  'settings.update': {
    input: z
      .object({
        theme: z.enum(['system', 'light', 'dark']).optional(),
        notificationsPaused: z.boolean().optional(),
      })
      .strict(),
    output: returns<Settings>(),
  },
  'secrets.status': { input: empty, output: returns<SecretStoreStatus>() },
  /** The audit log, newest first. */
  'audit.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        text: z.string().max(200).optional(),
      })
      .strict(),
    output: returns<AuditEntry[]>(),
  },
} as const;

export const coreEvents = {
  'host.sample': returns<HostSample>(),
  'alerts.changed': returns<AlertSummary>(),
  'settings.changed': returns<Settings>(),
  'ui.navigate': returns<NavigationTarget>(),
  /** Each audit log entry as it is written. */
  'audit.appended': returns<AuditEntry>(),
} as const;
