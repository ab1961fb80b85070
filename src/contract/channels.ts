import { z } from 'zod';
import type {
  AlertSummary,
  AppInfo,
  AuditEntry,
  HostInfo,
  HostSample,
  HostSeries,
  K8sChange,
  K8sActionResult,
  K8sContexts,
  K8sNamespaceRow,
  K8sOverview,
  K8sPodPage,
  NavigationTarget,
  SecretStoreStatus,
  Settings,
} from './types';
import { MAX_AUDIT_PAGE, MAX_POD_PAGE, POD_PHASES, POD_SORTS, SERIES_RANGES } from './types';

/** A phantom marker that carries a result type without a runtime value. */
const returns = <T>() => undefined as unknown as T;

const empty = z.object({}).strict();

/** A kubeconfig context name: any text kubectl accepts (EKS ones are ARNs). */
const context = z.string().min(1).max(1024);

/** A namespace name: a DNS-1123 label, as the API server requires. */
const namespace = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label (lower-case letters, digits and -)');

/** An object name: a DNS-1123 subdomain (pods, deployments, statefulsets and nodes all use it). */
const objectName = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be a DNS-1123 subdomain (lower-case letters, digits, - and .)',
  );

/** A change to a cluster; each one is confirmed by the user first and recorded in the audit log. */
export const k8sAction = z.discriminatedUnion('action', [
  z
    .object({
      context,
      action: z.literal('scale'),
      kind: z.enum(['deployment', 'statefulset']),
      namespace,
      name: objectName,
      replicas: z.number().int().min(0).max(10_000),
    })
    .strict(),
  z.object({ context, action: z.literal('restart'), namespace, name: objectName }).strict(),
  z
    .object({
      context,
      action: z.literal('rollback'),
      namespace,
      name: objectName,
      revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    })
    .strict(),
  z.object({ context, action: z.literal('deletePod'), namespace, name: objectName }).strict(),
  z.object({ context, action: z.literal('cordon'), name: objectName }).strict(),
  z.object({ context, action: z.literal('uncordon'), name: objectName }).strict(),
]);
export type K8sAction = z.output<typeof k8sAction>;

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
  'k8s.action': { input: k8sAction, output: returns<K8sActionResult>() },
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

/** Every stream the host pushes, with its data type. */
export const events = {
  'host.sample': returns<HostSample>(),
  'alerts.changed': returns<AlertSummary>(),
  'settings.changed': returns<Settings>(),
  'ui.navigate': returns<NavigationTarget>(),
  'k8s.contextsChanged': returns<K8sContexts>(),
  /** At most every 250 ms per context, naming the kinds that changed. */
  'k8s.changed': returns<K8sChange>(),
  /** Each audit log entry as it is written. */
  'audit.appended': returns<AuditEntry>(),
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
