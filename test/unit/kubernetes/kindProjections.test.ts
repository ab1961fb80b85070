import { describe, expect, it } from 'vitest';
import { projectCronJob, cronJobView } from '../../../src/kubernetes/kinds/cronjobs';
import { projectDaemonSet } from '../../../src/kubernetes/kinds/daemonsets';
import { projectEvent, eventView } from '../../../src/kubernetes/kinds/events';
import { humanDuration, selectorText } from '../../../src/kubernetes/kinds/format';
import { projectIngress } from '../../../src/kubernetes/kinds/ingresses';
import { projectJob, jobView } from '../../../src/kubernetes/kinds/jobs';
import { projectReplicaSet } from '../../../src/kubernetes/kinds/replicasets';
import { projectService } from '../../../src/kubernetes/kinds/services';
import { projectStatefulSet } from '../../../src/kubernetes/kinds/statefulsets';
import { projectClaim, projectVolume } from '../../../src/kubernetes/kinds/volumes';

const meta = (over: Record<string, unknown> = {}) => ({ name: 'x', namespace: 'shop', uid: 'u-1', creationTimestamp: '2025-11-20T08:00:00Z', ...over });
const T0 = Date.parse('2025-11-20T08:00:00Z');
const template = { spec: { containers: [{ name: 'app', image: 'registry/app:1' }, { name: 'proxy', image: 'envoy:1.30' }] } };

describe('kubectl durations and selectors', () => {
  it.each([
    [0, '0s'],
    [119_000, '119s'],
    [200_000, '3m20s'],
    [600_000, '10m'],
    [3 * 3600_000 + 5 * 60_000, '3h5m'],
    [30 * 3600_000, '30h'],
    [3 * 86_400_000 + 4 * 3600_000, '3d4h'],
    [40 * 86_400_000, '40d'],
    [(3 * 365 + 10) * 86_400_000, '3y10d'],
  ])('prints %i ms as %s', (ms, text) => expect(humanDuration(ms)).toBe(text));

  it('prints a label selector with its requirements in key order', () => {
    expect(
      selectorText({
        matchLabels: { tier: 'web', app: 'shop' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'Exists' },
        ],
      }),
    ).toBe('app=shop,!canary,env in (dev,prod),tier=web,zone');
    expect(selectorText(undefined)).toBe('<none>');
  });
});

describe('workload projections', () => {
  it('shows a ReplicaSet’s desired, current and ready counts', () => {
    const rs = projectReplicaSet({ metadata: meta(), spec: { replicas: 3, selector: { matchLabels: { app: 'x' } }, template }, status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 } });
    expect(rs).toMatchObject({ status: '2/3', health: 'warning', cells: { desired: 3, current: 3, ready: 2, containers: 'app,proxy', images: 'registry/app:1,envoy:1.30', selector: 'app=x' } });
    expect(projectReplicaSet({ metadata: meta(), spec: { replicas: 0, template } })).toMatchObject({ status: '0/0', health: 'ok' });
  });

  it('shows a StatefulSet’s READY and a DaemonSet’s per-node counts', () => {
    expect(projectStatefulSet({ metadata: meta(), spec: { replicas: 2, template }, status: { readyReplicas: 0 } })).toMatchObject({ status: '0/2', health: 'error', desired: 2, ready: 0 });
    const ds = projectDaemonSet({
      metadata: meta(),
      spec: { template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 2, numberAvailable: 3 },
    });
    expect(ds).toMatchObject({ status: '3/3', health: 'ok', cells: { desired: 3, upToDate: 2, nodeSelector: 'kubernetes.io/os=linux' } });
  });
});

describe('job and cron job projections', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown>, metadata = meta()) => projectJob({ metadata, spec: { template, ...spec }, status })!;

  it.each([
    ['Complete', { conditions: [{ type: 'Complete', status: 'True' }], succeeded: 1 }, 'ok'],
    ['Failed', { conditions: [{ type: 'Failed', status: 'True' }] }, 'error'],
    ['Suspended', { conditions: [{ type: 'Suspended', status: 'True' }] }, 'warning'],
    ['Running', { conditions: [{ type: 'Complete', status: 'False' }], active: 1 }, 'ok'],
  ])('says %s as kubectl does', (text, status, health) => {
    expect(job({ completions: 1 }, status)).toMatchObject({ status: text, health, cells: { status: text } });
  });

  it('says Terminating once deletion has begun, unless it already finished', () => {
    expect(job({}, {}, meta({ deletionTimestamp: '2025-11-20T09:00:00Z' })).status).toBe('Terminating');
  });

  it('counts completions for fixed counts and work queues, and times the run', () => {
    expect(job({ completions: 5 }, { succeeded: 2 }).cells.completions).toBe('2/5');
    expect(job({ parallelism: 3 }, { succeeded: 1 }).cells.completions).toBe('1/1 of 3');
    expect(job({}, {}).cells.completions).toBe('0/1');
    const running = job({}, { startTime: '2025-11-20T08:00:00Z' });
    expect(jobView.live!(running, T0 + 200_000).duration).toBe('3m20s');
    const done = job({}, { startTime: '2025-11-20T08:00:00Z', completionTime: '2025-11-20T08:00:45Z' });
    expect(jobView.live!(done, T0 + 9_999_999).duration).toBe('45s');
    expect(jobView.live!(job({}, {}), T0).duration).toBe('');
  });

  it('shows a cron job’s schedule, suspension, active jobs and last schedule', () => {
    const cj = projectCronJob({
      metadata: meta(),
      spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'a' }], lastScheduleTime: '2025-11-20T08:00:00Z' },
    })!;
    expect(cj).toMatchObject({ status: 'Active', health: 'ok', cells: { schedule: '*/5 * * * *', suspend: 'False', active: 1, timezone: '<none>', images: 'registry/app:1,envoy:1.30' } });
    expect(cronJobView.live!(cj, T0 + 90_000).lastSchedule).toBe('90s');
    const never = projectCronJob({ metadata: meta(), spec: { schedule: '@daily', suspend: true } })!;
    expect(never).toMatchObject({ status: 'Suspended', health: 'warning', cells: { suspend: 'True' } });
    expect(cronJobView.live!(never, T0).lastSchedule).toBe('<none>');
  });
});

describe('service and ingress projections', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => projectService({ metadata: meta(), spec, status })!;

  it('shows ClusterIP, headless and NodePort services as kubectl does', () => {
    expect(svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], selector: { app: 'dns' } }).cells).toEqual({
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      externalIP: '<none>',
      ports: '53/UDP,53/TCP',
      selector: 'app=dns',
    });
    expect(svc({ clusterIP: 'None' }).cells).toMatchObject({ type: 'ClusterIP', clusterIP: 'None', ports: '<none>', selector: '<none>' });
    expect(svc({ type: 'NodePort', clusterIP: '10.0.0.5', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], externalIPs: ['1.2.3.4'] }).cells).toMatchObject({
      ports: '80:30080/TCP',
      externalIP: '1.2.3.4',
    });
  });

  it('shows a load balancer as pending until it has an address', () => {
    expect(svc({ type: 'LoadBalancer', clusterIP: '10.0.0.6' })).toMatchObject({ status: 'LoadBalancer (pending)', health: 'warning', cells: { externalIP: '<pending>' } });
    expect(svc({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'lb.example.com' }] } })).toMatchObject({
      status: 'LoadBalancer',
      health: 'ok',
      cells: { externalIP: '203.0.113.7,lb.example.com' },
    });
    expect(svc({ type: 'ExternalName', externalName: 'db.example.com' }).cells).toMatchObject({ clusterIP: '<none>', externalIP: 'db.example.com' });
  });

  it('shows an ingress’s class, hosts, address and ports', () => {
    const rules = ['a.example.com', 'b.example.com', '', 'd.example.com', 'e.example.com'].map((host) => (host ? { host } : {}));
    const ing = projectIngress({ metadata: meta(), spec: { ingressClassName: 'nginx', rules, tls: [{ hosts: ['a.example.com'] }] }, status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } } });
    expect(ing).toMatchObject({ status: 'Ready', health: 'ok', cells: { class: 'nginx', hosts: 'a.example.com,b.example.com + 2 more...', address: '10.0.0.1', ports: '80, 443' } });
    expect(projectIngress({ metadata: meta(), spec: { rules: [{}] } })).toMatchObject({ status: 'Pending', health: 'warning', cells: { class: '<none>', hosts: '*', address: '', ports: '80' } });
  });
});

describe('volume projections', () => {
  it('shows a bound claim with its volume’s capacity and modes, and a pending one blank', () => {
    const bound = projectClaim({
      metadata: meta(),
      spec: { volumeName: 'pv-1', storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
    });
    expect(bound).toMatchObject({ status: 'Bound', health: 'ok', cells: { volume: 'pv-1', capacity: '10Gi', accessModes: 'RWO,RWX', storageClass: 'standard', volumeMode: '<unset>' } });
    expect(projectClaim({ metadata: meta(), spec: {}, status: { phase: 'Pending' } })).toMatchObject({ status: 'Pending', health: 'warning', cells: { capacity: '', accessModes: '' } });
    expect(projectClaim({ metadata: meta({ deletionTimestamp: 'now' }), status: { phase: 'Bound' } })?.status).toBe('Terminating');
    expect(projectClaim({ metadata: meta(), status: { phase: 'Lost' } })?.health).toBe('error');
  });

  it('shows a volume’s claim, policy and reason', () => {
    const pv = projectVolume({
      metadata: meta({ namespace: undefined }),
      spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'data' }, volumeMode: 'Filesystem' },
      status: { phase: 'Released' },
    });
    expect(pv).toMatchObject({
      key: 'x',
      namespace: null,
      status: 'Released',
      health: 'warning',
      cells: { capacity: '5Gi', accessModes: 'ROX', reclaimPolicy: 'Retain', claim: 'shop/data', volumeMode: 'Filesystem', reason: '' },
    });
    expect(projectVolume({ metadata: meta({ namespace: undefined }), status: { phase: 'Failed', reason: 'Recycle failed' } })).toMatchObject({ health: 'error', cells: { reason: 'Recycle failed' } });
  });
});

describe('event projection', () => {
  it('reads a core event with its object, source, count and last time', () => {
    const e = projectEvent({
      metadata: meta({ name: 'web.1' }),
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container\n',
      count: 7,
      firstTimestamp: '2025-11-20T08:00:00Z',
      lastTimestamp: '2025-11-20T08:05:00Z',
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1', uid: 'pod-uid' },
      source: { component: 'kubelet', host: 'node-1' },
    })!;
    expect(e).toMatchObject({
      status: 'Warning',
      health: 'warning',
      involvedUid: 'pod-uid',
      cells: { type: 'Warning', reason: 'BackOff', object: 'pod/web-1', message: 'Back-off restarting failed container', source: 'kubelet, node-1', count: 7 },
      event: { firstSeen: T0, lastSeen: T0 + 300_000, object: { kind: 'Pod', namespace: 'shop', name: 'web-1' } },
    });
    expect(eventView.live!(e, T0 + 360_000).lastSeen).toBe('60s');
  });

  it('takes count and time from a series, and the reporting controller when there is no source', () => {
    const e = projectEvent({
      metadata: meta(),
      type: 'Normal',
      reason: 'Pulled',
      eventTime: '2025-11-20T08:00:00.000000Z',
      series: { count: 4, lastObservedTime: '2025-11-20T08:01:00.000000Z' },
      reportingComponent: 'kubelet',
      involvedObject: { kind: 'Pod', name: 'p' },
    })!;
    expect(e.event).toMatchObject({ count: 4, firstSeen: T0, lastSeen: T0 + 60_000, source: 'kubelet' });
    expect(e.health).toBe('ok');
  });
});
