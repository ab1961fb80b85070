import { z } from 'zod';
import type {
  AlertSummary,
  AppInfo,
  HostInfo,
  HostSample,
  HostSeries,
  K8sChange,
  K8sContexts,
  K8sNamespaceRow,
  K8sOverview,
  K8sPodPage,
  NavigationTarget,
  SecretStoreStatus,
  Settings,
} from './types';
import { MAX_POD_PAGE, POD_PHASES, POD_SORTS, SERIES_RANGES } from './types';

/** A phantom marker that carries a result type without a runtime value. */
const returns = <T>() => undefined as unknown as T;

const empty = z.object({}).strict();

/** A kubeconfig context name: any text kubectl accepts (EKS ones are ARNs). */
const context = z.string().min(1).max(1024);

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
  'k8s.contexts': { input: empty, output: returns<K8sContexts>() },
  'k8s.setEnabled': {
    input: z.object({ context, enabled: z.boolean() }).strict(),
    output: returns<K8sContexts>(),
  },
  'k8s.overview': { input: z.object({ context }).strict(), output: returns<K8sOverview>() },
  'k8s.namespaces': { input: z.object({ context }).strict(), output: returns<K8sNamespaceRow[]>() },
  /** One page of a filtered, sorted pod list; the renderer never receives the whole list. */
  'k8s.pods': {
    input: z
      .object({
        context,
        namespace: z.string().min(1).max(253).optional(),
        labelSelector: z.string().max(4096).optional(),
        text: z.string().max(253).optional(),
        phase: z.enum(POD_PHASES).optional(),
        sort: z.enum(POD_SORTS).default('name'),
        dir: z.enum(['asc', 'desc']).default('asc'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(MAX_POD_PAGE).default(100),
      })
      .strict(),
    output: returns<K8sPodPage>(),
  },
} as const;

/** Every stream the host pushes, with its data type. */
export const events = {
  'host.sample': returns<HostSample>(),
  'alerts.changed': returns<AlertSummary>(),
  'settings.changed': returns<Settings>(),
  'ui.navigate': returns<NavigationTarget>(),
  'k8s.contextsChanged': returns<K8sContexts>(),
  /** At most every 250 ms per context, naming the kinds that changed. */
  'k8s.changed': returns<K8sChange>(),
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
