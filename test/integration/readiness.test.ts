import { describe, expect, it } from 'vitest';
import type { CheckRunSummary, DeliveryMetrics, HostEvent, K8sContexts, K8sObjectPage, ReadinessExport, ReadinessReport, ReadinessTuningEntry, RecommendationList } from '../../src/contract';
import { createHost } from '../../src/host/createHost';
import { KubeApiClient, type UsableContext } from '../../src/kubernetes/kubeApi';
import { loadKubeconfig } from '../../src/kubernetes/kubeconfig';
import { ReadinessEngine } from '../../src/readiness/readinessEngine';
import { ReadinessStore } from '../../src/readiness/readinessStore';
import { readinessActionKind } from '../../src/readiness/runbookAction';
import { openDatabase } from '../../src/store/database';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { startTestApiServer } from '../k8s';
import type { K8sObject } from '../k8s/types';
import { cleanupAfterEach } from '../helpers/cleanups';
import { eventually } from '../helpers/eventually';
import { call, failure } from '../helpers/hostCall';
import { tempDir } from '../helpers/tempDir';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});
const cleanup = cleanupAfterEach();
const DAY = 86_400_000;

/** A production-minded Deployment: every rule passes once a budget selects it. */
function readyDeployment(name: string, namespace: string): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name, 'opsdeck.io/critical': 'true' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: { 'opsdeck.io/commit-time': '' } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 10001 },
          containers: [
            {
              name,
              image: `registry.example.org/${name}:2.1.0`,
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
              securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
            },
          ],
        },
      },
    },
  };
}

/** What a quick `kubectl create deployment` gives: no probes, no resources, latest image, root. */
function quickDaemonSet(name: string, namespace: string): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          hostNetwork: true,
          volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }],
          containers: [{ name, image: 'fluent/fluent-bit', securityContext: { privileged: true } }],
        },
      },
    },
  };
}

async function setup() {
  let now = Date.now() - 10 * DAY;
  const server = await startTestApiServer({ bookmarkIntervalMs: 200, clock: () => new Date(now) });
  cleanup(() => server.close());
  for (const name of ['shop', 'ops']) server.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const web = readyDeployment('web', 'shop');
  (web.spec as any).template.metadata.annotations['opsdeck.io/commit-time'] = new Date(now - 2 * 3_600_000).toISOString();
  server.store.create(web);
  server.store.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'shop' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
  server.store.create(quickDaemonSet('logs', 'ops'));
  await server.store.settled();

  // Rollout history: a new image 5 days ago, undone 2 days ago (reusing the first ReplicaSet).
  const rollout = (image: string, commitAt: number) =>
    server.store.mutate('deployments', 'shop', 'web', (d) => {
      const template = (d.spec as any).template;
      template.spec.containers[0].image = image;
      template.metadata.annotations['opsdeck.io/commit-time'] = new Date(commitAt).toISOString();
    });
  now += 5 * DAY;
  rollout('registry.example.org/web:2.2.0', now - 3 * 3_600_000);
  await server.store.settled();
  now += 3 * DAY;
  // As `kubectl rollout undo` does: the first revision's template back, so its ReplicaSet is reused.
  server.store.mutate('deployments', 'shop', 'web', (d) => {
    (d.spec as any).template = (web.spec as any).template;
  });
  await server.store.settled();
  now = Date.now();

  const kubeconfig = server.kubeconfigPath(tempDir(), { context: 'lab' });
  const dataDir = tempDir();
  const start = async () => {
    const host = await createHost({ dataDir, mode: 'serve', sampleIntervalMs: 60_000, secretStore: noKeychain, kubeconfigPaths: [kubeconfig], dockerHosts: [], log: () => undefined });
    cleanup(() => host.stop());
    await call(host, 'k8s.setEnabled', { context: 'lab', enabled: true });
    await eventually(async () => expect((await call<K8sContexts>(host, 'k8s.contexts', {})).contexts[0]!.state).toBe('connected'));
    return host;
  };
  return { server, start, kubeconfig };
}

describe('production readiness against the test API server', () => {
  it('scores real manifests, tunes a namespace, exports its go/no-go report and keeps both across a restart', async () => {
    const { server, start } = await setup();
    const host = await start();
    expect(await call(host, 'readiness.report', { context: 'lab' })).toBeNull();

    const report = await call<ReadinessReport>(host, 'readiness.check', { context: 'lab' });
    const shop = report.namespaces.find((n) => n.namespace === 'shop')!;
    const ops = report.namespaces.find((n) => n.namespace === 'ops')!;
    expect(shop).toMatchObject({ verdict: 'go', score: 100, workloads: 1 });
    expect(ops.verdict).toBe('no-go');
    const logs = report.workloads.find((w) => w.name === 'logs')!;
    expect(logs.kind).toBe('DaemonSet');
    expect(new Set(logs.findings.map((f) => f.rule))).toEqual(
      new Set(['resources.requests', 'resources.limits', 'probes.liveness', 'probes.readiness', 'images.tag', 'security.runAsNonRoot', 'security.privileged', 'security.hostNamespaces', 'security.hostPath', 'security.readOnlyRootFilesystem', 'security.serviceAccountToken']),
    );

    // The Clusters tab lists budgets and service accounts too.
    const budgets = await eventually(async () => {
      const page = await call<K8sObjectPage>(host, 'k8s.objects', { context: 'lab', kind: 'poddisruptionbudgets' });
      expect(page.synced).toBe(true);
      return page;
    });
    expect(budgets.rows.map((r) => [r.namespace, r.name, r.cells.minAvailable])).toEqual([['shop', 'web', '1']]);

    // Removing the budget makes the critical Deployment fail the PDB rule.
    server.store.delete('poddisruptionbudgets', 'shop', 'web');
    const again = await call<ReadinessReport>(host, 'readiness.check', { context: 'lab' });
    expect(again.workloads.find((w) => w.name === 'web')!.findings.map((f) => f.rule)).toEqual(['availability.pdb']);

    const tuned = await call<ReadinessTuningEntry>(host, 'readiness.setTuning', {
      context: 'lab',
      namespace: 'ops',
      tuning: { disabled: ['security.hostNamespaces', 'security.hostPath'], severity: { 'security.privileged': 'high' }, passScore: 0 },
    });
    expect(tuned.tuning).toMatchObject({ minReplicas: 2, passScore: 0, allCritical: false });
    expect(await failure(host, 'readiness.setTuning', { context: 'lab', namespace: 'ops', tuning: { disabled: ['no.such-rule'] } })).toMatch(/^BAD_REQUEST Unknown rule no.such-rule/);
    const tunedReport = await call<ReadinessReport>(host, 'readiness.check', { context: 'lab' });
    expect(tunedReport.namespaces.find((n) => n.namespace === 'ops')!.verdict).toBe('go');
    expect(tunedReport.workloads.find((w) => w.name === 'logs')!.findings.some((f) => f.rule === 'security.hostPath')).toBe(false);

    const md = await call<ReadinessExport>(host, 'readiness.export', { context: 'lab', namespace: 'shop', format: 'markdown' });
    expect(md.text).toContain('# Production readiness: shop (lab)');
    expect(md.text).toContain('PodDisruptionBudget for critical workloads: no PodDisruptionBudget selects its pods');
    const csv = await call<ReadinessExport>(host, 'readiness.export', { context: 'lab', namespace: 'ops', format: 'csv' });
    expect(csv.text.split('\r\n')[1]).toMatch(/^lab,ops,go,DaemonSet,logs,false,/);
    expect(await failure(host, 'readiness.export', { context: 'lab', namespace: 'nowhere', format: 'csv' })).toMatch(/^NOT_FOUND/);

    await host.stop();
    const restarted = await start();
    const tunings = await call<ReadinessTuningEntry[]>(restarted, 'readiness.tuning', { context: 'lab' });
    expect(tunings.map((t) => [t.namespace, t.tuning.passScore, t.tuning.disabled.length])).toEqual([
      ['ops', 0, 2],
      ['shop', 80, 0],
    ]);
    expect((await call<ReadinessReport>(restarted, 'readiness.report', { context: 'lab' })).checkedAt).toBe(tunedReport.checkedAt);
    const recommendations = await call<RecommendationList>(restarted, 'overview.recommendations', {});
    expect(recommendations.items.some((r) => r.id === 'readiness/lab/ops/DaemonSet/logs' && r.engine === 'readiness')).toBe(true);
  });

  it('measures delivery from the rollout history, and runs all checks with progress', async () => {
    const { start } = await setup();
    const host = await start();
    const metrics = await call<DeliveryMetrics>(host, 'overview.deliveryMetrics', {});
    expect(metrics.commitTimeAnnotation).toBe('opsdeck.io/commit-time');
    const shop = metrics.rows.find((r) => r.namespace === 'shop')!;
    expect(shop.context).toBe('lab');
    const [week, month] = shop.windows;
    // Revision 1 ten days ago, revision 2 five days ago, the undo (revision 3) dated at revision 2.
    // Creation times are whole seconds; the commit times are 2 h and 3 h before their rollouts.
    expect(week).toMatchObject({ deployments: 1, rollbacks: 1, changeFailureRate: 1, leadTimeSamples: 1 });
    expect(Math.round(week.leadTimeMs! / 60_000)).toBe(180);
    expect(month).toMatchObject({ deployments: 2, rollbacks: 1, changeFailureRate: 0.5, leadTimeSamples: 2 });
    expect(Math.round(month.leadTimeMs! / 60_000)).toBe(150);
    expect(metrics.rows[0]).toMatchObject({ context: null, namespace: null });

    const progress: HostEvent[] = [];
    host.subscribe((e) => e.name === 'overview.checkProgress' && progress.push(e));
    const summary = await call<CheckRunSummary>(host, 'overview.runChecks', {});
    const byId = Object.fromEntries(summary.outcomes.map((o) => [o.id, o]));
    expect(byId.clusters).toMatchObject({ status: 'pass', summary: '1 context connected.' });
    expect(byId.docker).toMatchObject({ status: 'skipped' });
    expect(byId.prometheus).toMatchObject({ status: 'skipped' });
    expect(byId.readiness).toMatchObject({ status: 'warn', summary: '1 of 2 namespaces no-go: lab/ops.' });
    await eventually(() => expect(progress).toHaveLength(summary.outcomes.length));
  });

  it('runs as a runbook step: go passes with the score, no-go fails with the reasons', async () => {
    const { kubeconfig } = await setup();
    const context = (await loadKubeconfig([kubeconfig])).contexts[0] as UsableContext;
    const api = new KubeApiClient(context);
    cleanup(() => api.close());
    const db = openDatabase(tempDir());
    cleanup(() => db.close());
    const engine = new ReadinessEngine({ store: new ReadinessStore(db), api: async () => api, connectedContexts: async () => ['lab'] });
    const action = readinessActionKind(engine);
    const step = { actor: 'tester', runId: 1, step: 2 };
    expect(action.describe({ context: 'lab', namespace: 'shop' })).toBe('Check the production readiness of namespace shop in lab.');
    expect(await action.run({ context: 'lab', namespace: 'shop' }, step)).toEqual({ message: 'Namespace shop: go, score 100/100 over 1 workload.', auditId: null });
    await expect(action.run({ context: 'lab', namespace: 'ops' }, step)).rejects.toThrow(/^Namespace ops: no-go, score [\d.]+\/100 over 1 workload \(.*critical findings?\)\.$/);
    await expect(action.run({ context: 'lab', namespace: 'kube-system' }, step)).rejects.toThrow(/has no Deployments, StatefulSets or DaemonSets/);
  });
});
