/**
 * The readiness rule set, in the spirit of Polaris and kube-score. Each rule looks at one workload
 * (and, for availability, its namespace's PodDisruptionBudgets and service accounts) and lists what
 * fails; null means the rule does not apply to that workload.
 */
import type { ReadinessRuleInfo } from '../contract/types';
import { listAt, objectAt, stringAt, type Json } from '../kubernetes/kinds/read';
import { selects } from './selector';
import type { RuleContext, Workload } from './workload';

export interface Failure {
  subject: string;
  message: string;
}

export interface ReadinessRule extends ReadinessRuleInfo {
  check(w: Workload, ctx: RuleContext): Failure[] | null;
}

const nameOf = (c: Json): string => stringAt(c.name) ?? '';

/** Each container for which `fails` gives a message. */
function perContainer(containers: readonly Json[], fails: (c: Json) => string | null): Failure[] {
  const out: Failure[] = [];
  for (const c of containers) {
    const message = fails(c);
    if (message) out.push({ subject: nameOf(c), message });
  }
  return out;
}

/** A setting read from the container's securityContext, else the pod's, as the kubelet resolves it. */
function effective(w: Workload, c: Json, field: string): unknown {
  const own = objectAt(c.securityContext)[field];
  return own !== undefined ? own : objectAt(w.pod.securityContext)[field];
}

const allContainers = (w: Workload): Json[] => [...w.initContainers, ...w.containers];

function missingResources(c: Json, kind: 'requests' | 'limits'): string | null {
  const r = objectAt(objectAt(c.resources)[kind]);
  const missing = ['cpu', 'memory'].filter((k) => r[k] === undefined || r[k] === null || r[k] === '');
  return missing.length ? `no ${missing.join(' or ')} ${kind}` : null;
}

/** The tag of an image reference: null without one (a digest pins it without a tag). */
function imageTag(image: string): string | null | 'digest' {
  if (image.includes('@')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? null : image.slice(colon + 1);
}

export const RULES: readonly ReadinessRule[] = [
  {
    id: 'resources.requests',
    title: 'CPU and memory requests',
    category: 'resources',
    severity: 'high',
    weight: 3,
    description: 'Every container requests CPU and memory, so the scheduler places pods where they fit and the pod gets a QoS class above BestEffort.',
    fix: 'Set resources.requests.cpu and resources.requests.memory on each container, near its usual use.',
    check: (w) => perContainer(allContainers(w), (c) => missingResources(c, 'requests')),
  },
  {
    id: 'resources.limits',
    title: 'Memory and CPU limits',
    category: 'resources',
    severity: 'medium',
    weight: 2,
    description: 'Every container has CPU and memory limits, so one runaway container cannot starve its neighbours on the node.',
    fix: 'Set resources.limits.memory (and cpu) on each container; a memory limit equal to the request avoids surprise OOM kills under pressure.',
    check: (w) => perContainer(allContainers(w), (c) => missingResources(c, 'limits')),
  },
  {
    id: 'probes.liveness',
    title: 'Liveness probe',
    category: 'reliability',
    severity: 'medium',
    weight: 2,
    description: 'Every container has a liveness probe, so the kubelet restarts one that hangs.',
    fix: 'Add livenessProbe (httpGet, tcpSocket, grpc or exec) to each container, checking that the process still answers.',
    check: (w) => perContainer(w.containers, (c) => (c.livenessProbe ? null : 'no liveness probe')),
  },
  {
    id: 'probes.readiness',
    title: 'Readiness probe',
    category: 'reliability',
    severity: 'high',
    weight: 3,
    description: 'Every container has a readiness probe, so a Service sends traffic only to pods that can serve it, also during rollouts.',
    fix: 'Add readinessProbe to each container, checking that it can serve requests (its dependencies reachable).',
    check: (w) => perContainer(w.containers, (c) => (c.readinessProbe ? null : 'no readiness probe')),
  },
  {
    id: 'availability.replicas',
    title: 'Replicas of critical workloads',
    category: 'reliability',
    severity: 'high',
    weight: 3,
    description: 'A critical Deployment or StatefulSet runs at least the namespace\'s minimum replicas (2 by default), so one pod or node lost does not take it down.',
    fix: 'Raise spec.replicas (or the HorizontalPodAutoscaler\'s minReplicas) to the minimum.',
    check: (w, ctx) => {
      if (!ctx.critical || w.replicas === null) return null;
      return w.replicas >= ctx.minReplicas ? [] : [{ subject: '', message: `${w.replicas} replica${w.replicas === 1 ? '' : 's'}; critical workloads need at least ${ctx.minReplicas}` }];
    },
  },
  {
    id: 'availability.pdb',
    title: 'PodDisruptionBudget for critical workloads',
    category: 'reliability',
    severity: 'high',
    weight: 3,
    description: 'A PodDisruptionBudget selects the pods of every critical workload, so node drains and upgrades keep enough of them running.',
    fix: 'Create a policy/v1 PodDisruptionBudget whose selector matches the pod template\'s labels, with minAvailable or maxUnavailable.',
    check: (w, ctx) => {
      if (!ctx.critical) return null;
      const covered = ctx.budgets.some((b) => selects(objectAt(b.spec).selector, w.podLabels));
      return covered ? [] : [{ subject: '', message: 'no PodDisruptionBudget selects its pods' }];
    },
  },
  {
    id: 'images.tag',
    title: 'Pinned image tags',
    category: 'images',
    severity: 'high',
    weight: 2,
    description: 'No image uses the latest tag or no tag at all, so every rollout and every restart runs the same code.',
    fix: 'Use a version tag (registry/app:1.4.2) or a digest (registry/app@sha256:…).',
    check: (w) =>
      perContainer(allContainers(w), (c) => {
        const image = stringAt(c.image) ?? '';
        const tag = imageTag(image);
        if (tag === null) return `image "${image}" has no tag (it means latest)`;
        return tag === 'latest' ? `image "${image}" uses the latest tag` : null;
      }),
  },
  {
    id: 'security.runAsNonRoot',
    title: 'Runs as non-root',
    category: 'security',
    severity: 'high',
    weight: 3,
    description: 'Every container must run as a non-root user (runAsNonRoot true, or a non-zero runAsUser), so an escape from the process does not start as root.',
    fix: 'Set securityContext.runAsNonRoot: true (and runAsUser) on the pod or on each container, and build the image with a non-root USER.',
    check: (w) =>
      perContainer(allContainers(w), (c) => {
        const nonRoot = effective(w, c, 'runAsNonRoot');
        const user = effective(w, c, 'runAsUser');
        if (typeof user === 'number' && user === 0) return 'runs as user 0 (root)';
        return nonRoot === true || (typeof user === 'number' && user > 0) ? null : 'may run as root (runAsNonRoot is not set)';
      }),
  },
  {
    id: 'security.privileged',
    title: 'No privileged containers',
    category: 'security',
    severity: 'critical',
    weight: 5,
    description: 'No container is privileged or allows privilege escalation; a privileged container has every capability of the node.',
    fix: 'Remove securityContext.privileged, set allowPrivilegeEscalation: false, and add only the capabilities the process needs.',
    check: (w) =>
      perContainer(allContainers(w), (c) => {
        const sc = objectAt(c.securityContext);
        if (sc.privileged === true) return 'privileged';
        const added = listAt(objectAt(sc.capabilities).add).map((x) => stringAt(x) ?? '');
        if (added.some((cap) => cap === 'SYS_ADMIN' || cap === 'ALL')) return `adds capability ${added.join(', ')}`;
        return null;
      }),
  },
  {
    id: 'security.hostNamespaces',
    title: 'No host namespaces',
    category: 'security',
    severity: 'critical',
    weight: 5,
    description: 'The pod does not share the node\'s network, process or IPC namespace (hostNetwork, hostPID, hostIPC).',
    fix: 'Remove hostNetwork, hostPID and hostIPC from the pod spec; expose ports through a Service instead.',
    check: (w) => {
      const shared = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => w.pod[f] === true);
      return shared.length ? [{ subject: '', message: `shares the node's ${shared.join(', ')}` }] : [];
    },
  },
  {
    id: 'security.hostPath',
    title: 'No hostPath volumes',
    category: 'security',
    severity: 'high',
    weight: 4,
    description: 'No volume mounts a path of the node\'s filesystem, which gives the pod the node\'s files and outlives the pod.',
    fix: 'Use a PersistentVolumeClaim, an emptyDir, a ConfigMap or a Secret instead of hostPath.',
    check: (w) =>
      listAt(w.pod.volumes)
        .map(objectAt)
        .filter((v) => v.hostPath)
        .map((v) => ({ subject: stringAt(v.name) ?? '', message: `hostPath ${stringAt(objectAt(v.hostPath).path) ?? ''}` })),
  },
  {
    id: 'security.readOnlyRootFilesystem',
    title: 'Read-only root filesystem',
    category: 'security',
    severity: 'medium',
    weight: 2,
    description: 'Every container\'s root filesystem is read-only, so an attacker cannot drop tools into it and writes go to declared volumes.',
    fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write (/tmp, caches).',
    check: (w) => perContainer(allContainers(w), (c) => (objectAt(c.securityContext).readOnlyRootFilesystem === true ? null : 'root filesystem is writable')),
  },
  {
    id: 'security.serviceAccountToken',
    title: 'No unused service account token',
    category: 'security',
    severity: 'medium',
    weight: 2,
    description:
      'A workload that runs as the namespace\'s default service account does not use the API (nothing is bound to it for that workload), so it should not get a token mounted: a stolen token is a foothold. Workloads with their own service account are taken to use it.',
    fix: 'Set automountServiceAccountToken: false on the pod spec (or on the default service account), or give the workload its own service account if it calls the API.',
    check: (w, ctx) => {
      const account = stringAt(w.pod.serviceAccountName) || stringAt(w.pod.serviceAccount) || 'default';
      if (account !== 'default') return null;
      const podSetting = w.pod.automountServiceAccountToken;
      const accountSetting = objectAt(ctx.serviceAccounts.get('default')).automountServiceAccountToken;
      const mounted = typeof podSetting === 'boolean' ? podSetting : accountSetting !== false;
      return mounted ? [{ subject: 'default', message: 'the default service account\'s token is mounted' }] : [];
    },
  },
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** The documented rule set without the code. */
export const ruleInfo = (r: ReadinessRule): ReadinessRuleInfo => ({
  id: r.id,
  title: r.title,
  category: r.category,
  severity: r.severity,
  weight: r.weight,
  description: r.description,
  fix: r.fix,
});
