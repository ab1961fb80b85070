import { z } from 'zod';
import type {
  AlertSummary,
  AppInfo,
  HostInfo,
  HostSample,
  HostSeries,
  NavigationTarget,
  SecretStoreStatus,
  Settings,
} from './types';
import { SERIES_RANGES } from './types';

/** A phantom marker that carries a result type without a runtime value. */
const returns = <T>() => undefined as unknown as T;

const empty = z.object({}).strict();

/**
 * Every request the renderer can make: name, payload schema, result type.
 * The host implements exactly these; preload, serve mode and renderer are typed from them.
 */
export const channels = {
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
} as const;

/** Every stream the host pushes, with its data type. */
export const events = {
  'host.sample': returns<HostSample>(),
  'alerts.changed': returns<AlertSummary>(),
  'settings.changed': returns<Settings>(),
  'ui.navigate': returns<NavigationTarget>(),
} as const;

export type ChannelName = keyof typeof channels;
export type ChannelInput<K extends ChannelName> = z.input<(typeof channels)[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<(typeof channels)[K]['input']>;
export type ChannelOutput<K extends ChannelName> = (typeof channels)[K]['output'];

export type EventName = keyof typeof events;
export type EventData<K extends EventName> = (typeof events)[K];
export type HostEvent = { [K in EventName]: { name: K; data: EventData<K> } }[EventName];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(channels, name);
