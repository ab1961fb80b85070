import { z } from 'zod';
import type {
  ActionResult,
  K8sChange,
  K8sContexts,
  K8sLogChunk,
  K8sLogRead,
  K8sNamespaceRow,
  K8sObjectDetail,
  K8sObjectPage,
  K8sOverview,
  K8sPodPage,
  K8sRolloutHistory,
} from '../types';
import { K8S_KINDS, K8S_OBJECT_KINDS, MAX_LOG_LINES, MAX_OBJECT_PAGE, MAX_POD_PAGE, OBJECT_SORTS, POD_PHASES, POD_SORTS } from '../types';
import { empty, returns } from './schema';

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

/** Which container log to read: previous is the instance before the last restart. */
const logTarget = z.object({
  context,
  namespace,
  pod: objectName,
  /** Defaults to the pod's only container; required when it has several. */
  container: z.string().min(1).max(253).optional(),
  previous: z.boolean().default(false),
  timestamps: z.boolean().default(false),
});

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

export const k8sChannels = {
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
  /**
   * One page of any other kind's table. Asking for a kind that is not watched starts its
   * watch; the watch stops when no request has asked for it for a while.
   */
  'k8s.objects': {
    input: z
      .object({
        context,
        kind: z.enum(K8S_OBJECT_KINDS),
        namespace: z.string().min(1).max(253).optional(),
        labelSelector: z.string().max(4096).optional(),
        text: z.string().max(253).optional(),
        /** Only objects whose health is warning or error. */
        problems: z.boolean().default(false),
        sort: z.enum(OBJECT_SORTS).default('name'),
        dir: z.enum(['asc', 'desc']).default('asc'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(MAX_OBJECT_PAGE).default(100),
      })
      .strict(),
    output: returns<K8sObjectPage>(),
  },
  /** One object in full: YAML, conditions, owner chain, events, containers. */
  'k8s.detail': {
    input: z
      .object({
        context,
        kind: z.enum(K8S_KINDS).exclude(['events']),
        namespace: namespace.optional(),
        name: objectName,
      })
      .strict(),
    output: returns<K8sObjectDetail>(),
  },
  /** A Deployment's revisions, newest first, for roll back to a chosen one. */
  'k8s.rolloutHistory': {
    input: z.object({ context, namespace, name: objectName }).strict(),
    output: returns<K8sRolloutHistory>(),
  },
  /** The last lines of a container's log (also used for download). */
  'k8s.logs': {
    input: logTarget.extend({ tailLines: z.number().int().min(1).max(MAX_LOG_LINES).default(1000) }).strict(),
    output: returns<K8sLogRead>(),
  },
  /** Follows a container's log; lines arrive as k8s.logChunk events with the returned stream id. */
  'k8s.logs.follow': {
    input: logTarget.extend({ tailLines: z.number().int().min(0).max(MAX_LOG_LINES).default(1000) }).strict(),
    output: returns<{ streamId: string }>(),
  },
  'k8s.logs.stop': {
    input: z.object({ streamId: z.string().min(1).max(100) }).strict(),
    output: returns<{ stopped: boolean }>(),
  },
  'k8s.action': { input: k8sAction, output: returns<ActionResult>() },
} as const;

export const k8sEvents = {
  'k8s.contextsChanged': returns<K8sContexts>(),
  /** At most every 100 ms per context, naming the kinds that changed. */
  'k8s.changed': returns<K8sChange>(),
  /** Lines of a followed log (see k8s.logs.follow). */
  'k8s.logChunk': returns<K8sLogChunk>(),
} as const;
