/**
 * Bulk, deterministic test data: namespaces, nodes, deployments with their ReplicaSets and
 * running pods, services, config maps and secrets. Objects are written straight to the store
 * (no per-object validation) and the controllers leave them alone, so 100,000 pods take about a second.
 */
import { applyDefaults, qosClass } from '../api/defaults';
import type { Operations } from '../api/operations';
import { buildReplicaSet, deploymentStatus } from '../controllers/deployments';
import { nameSuffix, templateHash } from '../controllers/naming';
import { nodeIP } from '../controllers/context';
import { podFromTemplate, podIP, readyConditions } from '../controllers/pods';
import { resourceNamed, type ResourceType } from '../resources';
import { keyOf, type ObjectStore } from '../store/objectStore';
import { rfc3339 } from '../time';
import type { K8sObject, Pod, Workload } from '../types';

export interface SeedOptions {
  namespaces?: number;
  /** Namespace names are `<prefix>-0000`, ... (default "ns"). */
  namespacePrefix?: string;
  deploymentsPerNs?: number;
  /** Spread over the namespace's deployments; bare pods when it has none. */
  podsPerNs?: number;
  nodes?: number;
  servicesPerNs?: number;
  configMapsPerNs?: number;
  secretsPerNs?: number;
  /** Every Nth pod is Pending and not ready (0, the default: all run). */
  notReadyEvery?: number;
}

export interface SeedResult {
  namespaces: string[];
  nodes: number;
  deployments: number;
  replicaSets: number;
  pods: number;
  services: number;
  configMaps: number;
  secrets: number;
  resourceVersion: string;
  elapsedMs: number;
}

const R = {
  namespaces: resourceNamed('namespaces'),
  nodes: resourceNamed('nodes'),
  pods: resourceNamed('pods'),
  deployments: resourceNamed('deployments'),
  replicasets: resourceNamed('replicasets'),
  services: resourceNamed('services'),
  configmaps: resourceNamed('configmaps'),
  secrets: resourceNamed('secrets'),
};

const TIERS = ['frontend', 'backend', 'cache'];
const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const ENVS = ['prod', 'staging', 'dev'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function seedStore(store: ObjectStore, ops: Operations, now: Date, options: SeedOptions): SeedResult {
  const started = performance.now();
  const at = rfc3339(now);
  const result: SeedResult = { namespaces: [], nodes: 0, deployments: 0, replicaSets: 0, pods: 0, services: 0, configMaps: 0, secrets: 0, resourceVersion: '', elapsedMs: 0 };

  const put = (rt: ResourceType, obj: K8sObject): K8sObject | undefined => {
    if (store.get(rt, keyOf(rt, obj.metadata.namespace, obj.metadata.name as string))) return undefined;
    obj.metadata.uid = store.nextUid();
    obj.metadata.creationTimestamp = at;
    if (rt.hasGeneration) obj.metadata.generation = 1;
    return store.write(rt, obj, 'seed');
  };

  const nodeCount = options.nodes ?? 0;
  const nodeWidth = Math.max(4, String(nodeCount).length);
  for (let i = 0; i < nodeCount; i++) {
    const name = `node-${pad(i, nodeWidth)}`;
    if (put(R.nodes, seedNode(name, i, at))) result.nodes++;
  }
  const nodes = [...store.objects(R.nodes)].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));

  const nsCount = options.namespaces ?? 1;
  const nsWidth = Math.max(4, String(nsCount).length);
  const prefix = options.namespacePrefix ?? 'ns';
  const deploys = options.deploymentsPerNs ?? 0;
  const podsPerNs = options.podsPerNs ?? 0;
  const notReadyEvery = options.notReadyEvery ?? 0;
  const sharedConditions = readyConditions(at);
  let podIndex = 0;

  const placement = () => {
    const n = podIndex++;
    const node = nodes.length ? nodes[n % nodes.length] : undefined;
    return { nodeName: node?.metadata.name, hostIP: node ? nodeIP(node) : undefined, podIP: podIP(n + 1) };
  };
  const finishPod = (pod: Pod): Pod => {
    if (notReadyEvery > 0 && podIndex % notReadyEvery === 0) {
      pod.status = {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: at },
          { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: at },
        ],
        qosClass: qosClass(pod),
      };
    } else if (pod.status) {
      pod.status = { ...pod.status, conditions: sharedConditions, qosClass: qosClass(pod) };
    }
    return pod;
  };

  for (let n = 0; n < nsCount; n++) {
    const ns = `${prefix}-${pad(n, nsWidth)}`;
    result.namespaces.push(ns);
    const nsObj: K8sObject = {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: ns, labels: { env: ENVS[n % ENVS.length] as string, team: `team-${n % 7}` } },
      status: { phase: 'Active' },
    };
    applyDefaults(R.namespaces, nsObj, ops);
    put(R.namespaces, nsObj);

    if (deploys === 0) {
      for (let p = 0; p < podsPerNs; p++) {
        const pod = barePod(ns, `pod-${pad(p, 5)}`, p);
        const place = placement();
        pod.spec = { ...pod.spec, ...(place.nodeName ? { nodeName: place.nodeName } : {}) };
        pod.status = { phase: 'Running', podIP: place.podIP, ...(place.hostIP ? { hostIP: place.hostIP } : {}), startTime: at, conditions: sharedConditions };
        if (put(R.pods, finishPod(pod))) result.pods++;
      }
    }
    for (let d = 0; d < deploys; d++) {
      const replicas = Math.floor(podsPerNs / deploys) + (d < podsPerNs % deploys ? 1 : 0);
      const deploy = seedDeployment(ns, `app-${pad(d, 3)}`, d, replicas);
      applyDefaults(R.deployments, deploy, ops);
      const storedDeploy = put(R.deployments, deploy) as Workload | undefined;
      if (!storedDeploy) continue;
      result.deployments++;
      const hash = templateHash(storedDeploy.spec.template);
      const rs = put(R.replicasets, buildReplicaSet(storedDeploy, hash, 1)) as Workload | undefined;
      if (!rs) continue;
      result.replicaSets++;
      const rsUid = rs.metadata.uid as string;
      let ready = 0;
      for (let p = 0; p < replicas; p++) {
        const name = `${rs.metadata.name}-${nameSuffix(rsUid, p)}`;
        const pod = finishPod(podFromTemplate(rs.spec.template, rs, name, placement(), now, {}, `${rs.metadata.name}-`));
        if (pod.status?.phase === 'Running') ready++;
        if (put(R.pods, pod)) result.pods++;
      }
      const rsStatus = {
        replicas,
        ...(replicas ? { fullyLabeledReplicas: replicas } : {}),
        ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
        observedGeneration: 1,
      };
      const rsDone = store.write(R.replicasets, { ...rs, status: rsStatus }, 'seed');
      store.write(
        R.deployments,
        {
          ...storedDeploy,
          metadata: { ...storedDeploy.metadata, annotations: { 'deployment.kubernetes.io/revision': '1' } },
          status: deploymentStatus(storedDeploy, [rsDone], rsDone, now),
        },
        'seed',
      );
    }
    for (let s = 0; s < (options.servicesPerNs ?? 0); s++) {
      const svc: K8sObject = {
        kind: 'Service',
        apiVersion: 'v1',
        metadata: { name: `svc-${pad(s, 3)}`, namespace: ns, labels: { app: `app-${pad(s % Math.max(1, deploys), 3)}` } },
        spec: { selector: { app: `app-${pad(s % Math.max(1, deploys), 3)}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
        status: { loadBalancer: {} },
      };
      applyDefaults(R.services, svc, ops);
      if (put(R.services, svc)) result.services++;
    }
    for (let c = 0; c < (options.configMapsPerNs ?? 0); c++) {
      const cm: K8sObject = {
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: { name: `config-${pad(c, 3)}`, namespace: ns },
        data: { 'app.properties': `index=${c}\nnamespace=${ns}\n`, LOG_LEVEL: c % 2 ? 'debug' : 'info' },
      };
      if (put(R.configmaps, cm)) result.configMaps++;
    }
    for (let c = 0; c < (options.secretsPerNs ?? 0); c++) {
      const secret: K8sObject = {
        kind: 'Secret',
        apiVersion: 'v1',
        metadata: { name: `secret-${pad(c, 3)}`, namespace: ns },
        type: 'Opaque',
        data: { password: Buffer.from(`password-${ns}-${c}`).toString('base64') },
      };
      if (put(R.secrets, secret)) result.secrets++;
    }
  }
  result.resourceVersion = String(store.resourceVersion);
  result.elapsedMs = performance.now() - started;
  return result;
}

function seedNode(name: string, i: number, at: string): K8sObject {
  const ip = `10.0.${(i >> 8) & 255}.${(i & 255) + 1}`;
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'topology.kubernetes.io/zone': ZONES[i % ZONES.length] as string,
        'node-role.kubernetes.io/worker': '',
      },
    },
    spec: { podCIDR: `10.244.${i & 255}.0/24` },
    status: {
      capacity: { cpu: '8', memory: '32869864Ki', pods: '110', 'ephemeral-storage': '102350Mi' },
      allocatable: { cpu: '7800m', memory: '31721192Ki', pods: '110', 'ephemeral-storage': '94326Mi' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: at, lastTransitionTime: at },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: at, lastTransitionTime: at },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: at, lastTransitionTime: at },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at, lastTransitionTime: at },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0',
        containerRuntimeVersion: 'containerd://1.7.22',
        operatingSystem: 'linux',
        architecture: 'amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-25-amd64',
      },
    },
  };
}

function seedDeployment(ns: string, name: string, d: number, replicas: number): Workload {
  const labels = { app: name, tier: TIERS[d % TIERS.length] as string, team: `team-${d % 5}` };
  const containers = [
    {
      name: 'app',
      image: `registry.local/${name}:1.${d % 4}.0`,
      ports: [{ containerPort: 8080, name: 'http' }],
      resources: { requests: { cpu: '100m', memory: '128Mi' } },
    },
  ];
  if (d % 5 === 4) containers.push({ name: 'proxy', image: 'registry.local/proxy:2.1.0', ports: [{ containerPort: 15001, name: 'proxy' }], resources: { requests: { cpu: '10m', memory: '32Mi' } } });
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, namespace: ns, labels },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels }, spec: { containers } } },
  };
}

function barePod(ns: string, name: string, p: number): Pod {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, namespace: ns, labels: { app: 'standalone', tier: TIERS[p % TIERS.length] as string } },
    spec: {
      containers: [{ name: 'app', image: 'registry.local/standalone:1.0.0', imagePullPolicy: 'IfNotPresent', resources: {} }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
    },
  };
}
