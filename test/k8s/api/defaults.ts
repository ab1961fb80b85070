/** Server-side defaults, applied on create and update as the real API server's defaulting does. */
import { isPlainObject } from '../json';
import type { ResourceType } from '../resources';
import type { K8sObject } from '../types';

type Obj = Record<string, unknown>;

function obj(parent: Obj, key: string): Obj {
  const v = parent[key];
  if (isPlainObject(v)) return v;
  const created: Obj = {};
  parent[key] = created;
  return created;
}

function imagePullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  const afterSlash = image.slice(image.lastIndexOf('/') + 1);
  if (image.includes('@')) return 'IfNotPresent';
  const tag = afterSlash.includes(':') ? afterSlash.slice(afterSlash.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: unknown): void {
  if (!isPlainObject(c)) return;
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.imagePullPolicy ??= imagePullPolicy(c.image);
  c.resources ??= {};
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isPlainObject(p)) p.protocol ??= 'TCP';
}

export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const list of ['containers', 'initContainers']) {
    const cs = spec[list];
    if (Array.isArray(cs)) cs.forEach(defaultContainer);
  }
}

function defaultTemplate(spec: Obj): void {
  const template = spec.template;
  if (!isPlainObject(template)) return;
  template.metadata ??= {};
  if (isPlainObject(template.spec)) defaultPodSpec(template.spec);
}

export interface DefaultsContext {
  /** A fresh ClusterIP for a Service. */
  allocateClusterIP(): string;
}

/** Fills defaults in place on a fresh (unstored) object. */
export function applyDefaults(rt: ResourceType, o: K8sObject, ctx: DefaultsContext): void {
  const spec = (): Obj => obj(o as Obj, 'spec');
  switch (rt.id) {
    case 'pods': {
      const s = spec();
      defaultPodSpec(s);
      s.serviceAccountName ??= 'default';
      s.enableServiceLinks ??= true;
      s.priority ??= 0;
      break;
    }
    case 'deployments.apps': {
      const s = spec();
      s.replicas ??= 1;
      s.revisionHistoryLimit ??= 10;
      s.progressDeadlineSeconds ??= 600;
      const strategy = obj(s, 'strategy');
      strategy.type ??= 'RollingUpdate';
      if (strategy.type === 'RollingUpdate') {
        const ru = obj(strategy, 'rollingUpdate');
        ru.maxUnavailable ??= '25%';
        ru.maxSurge ??= '25%';
      }
      defaultTemplate(s);
      break;
    }
    case 'replicasets.apps': {
      const s = spec();
      s.replicas ??= 1;
      defaultTemplate(s);
      break;
    }
    case 'statefulsets.apps': {
      const s = spec();
      s.replicas ??= 1;
      s.podManagementPolicy ??= 'OrderedReady';
      s.revisionHistoryLimit ??= 10;
      const us = obj(s, 'updateStrategy');
      us.type ??= 'RollingUpdate';
      if (us.type === 'RollingUpdate') obj(us, 'rollingUpdate').partition ??= 0;
      s.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      defaultTemplate(s);
      break;
    }
    case 'daemonsets.apps': {
      const s = spec();
      s.revisionHistoryLimit ??= 10;
      const us = obj(s, 'updateStrategy');
      us.type ??= 'RollingUpdate';
      if (us.type === 'RollingUpdate') {
        const ru = obj(us, 'rollingUpdate');
        ru.maxUnavailable ??= 1;
        ru.maxSurge ??= 0;
      }
      defaultTemplate(s);
      break;
    }
    case 'jobs.batch': {
      const s = spec();
      s.parallelism ??= 1;
      s.completions ??= 1;
      s.backoffLimit ??= 6;
      s.completionMode ??= 'NonIndexed';
      s.suspend ??= false;
      if (!s.selector && s.manualSelector !== true && o.metadata.uid) {
        const uid = o.metadata.uid;
        s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
        const template = obj(s, 'template');
        const meta = obj(template, 'metadata');
        meta.labels = {
          ...(isPlainObject(meta.labels) ? meta.labels : {}),
          'batch.kubernetes.io/controller-uid': uid,
          'batch.kubernetes.io/job-name': o.metadata.name ?? '',
          'controller-uid': uid,
          'job-name': o.metadata.name ?? '',
        };
      }
      defaultTemplate(s);
      break;
    }
    case 'cronjobs.batch': {
      const s = spec();
      s.concurrencyPolicy ??= 'Allow';
      s.suspend ??= false;
      s.successfulJobsHistoryLimit ??= 3;
      s.failedJobsHistoryLimit ??= 1;
      const jobSpec = obj(obj(s, 'jobTemplate'), 'spec');
      defaultTemplate(jobSpec);
      break;
    }
    case 'services': {
      const s = spec();
      s.type ??= 'ClusterIP';
      s.sessionAffinity ??= 'None';
      if (s.type !== 'ExternalName') {
        if (s.clusterIP === undefined || s.clusterIP === '') s.clusterIP = ctx.allocateClusterIP();
        s.clusterIPs ??= [s.clusterIP];
        s.ipFamilies ??= ['IPv4'];
        s.ipFamilyPolicy ??= 'SingleStack';
        s.internalTrafficPolicy ??= 'Cluster';
      }
      if (Array.isArray(s.ports)) {
        for (const p of s.ports) {
          if (!isPlainObject(p)) continue;
          p.protocol ??= 'TCP';
          p.targetPort ??= p.port;
        }
      }
      break;
    }
    case 'namespaces': {
      const s = spec();
      s.finalizers ??= ['kubernetes'];
      o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name ?? '' };
      break;
    }
    case 'secrets':
      (o as Obj).type ??= 'Opaque';
      break;
    case 'persistentvolumeclaims':
      spec().volumeMode ??= 'Filesystem';
      break;
    case 'persistentvolumes': {
      const s = spec();
      s.persistentVolumeReclaimPolicy ??= 'Retain';
      s.volumeMode ??= 'Filesystem';
      break;
    }
    default:
      break;
  }
}

/** The status a newly created object starts with when a client (not the test) creates it. */
export function initialStatus(rt: ResourceType, o: K8sObject): unknown {
  switch (rt.id) {
    case 'pods':
      return { phase: 'Pending', qosClass: qosClass(o) };
    case 'namespaces':
      return { phase: 'Active' };
    case 'services':
    case 'ingresses.networking.k8s.io':
      return { loadBalancer: {} };
    case 'persistentvolumeclaims':
      return { phase: 'Pending' };
    case 'persistentvolumes':
      return { phase: 'Available' };
    case 'nodes':
      return (o as Obj).status;
    case 'deployments.apps':
    case 'replicasets.apps':
    case 'statefulsets.apps':
    case 'daemonsets.apps':
    case 'jobs.batch':
    case 'cronjobs.batch':
      return {};
    default:
      return (o as Obj).status;
  }
}

/** BestEffort without any requests or limits; Guaranteed when every container's limits equal its requests; else Burstable. */
export function qosClass(o: K8sObject): string {
  const spec = (o as Obj).spec;
  const containers = isPlainObject(spec) && Array.isArray(spec.containers) ? spec.containers : [];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = isPlainObject(c) && isPlainObject(c.resources) ? c.resources : {};
    const req = isPlainObject(res.requests) ? res.requests : {};
    const lim = isPlainObject(res.limits) ? res.limits : {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    if (!lim.cpu || !lim.memory || (req.cpu && req.cpu !== lim.cpu) || (req.memory && req.memory !== lim.memory)) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
