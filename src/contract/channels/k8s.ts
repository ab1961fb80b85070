import { z } from 'zod';
import type { ActionResult, K8sChange, K8sContexts, K8sNamespaceRow, K8sOverview, K8sPodPage } from '../types';
import { MAX_POD_PAGE, POD_PHASES, POD_SORTS } from '../types';
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
  'k8s.action': { input: k8sAction, output: returns<ActionResult>() },
} as const;

export const k8sEvents = {
  'k8s.contextsChanged': returns<K8sContexts>(),
  /** At most every 250 ms per context, naming the kinds that changed. */
  'k8s.changed': returns<K8sChange>(),
} as const;
