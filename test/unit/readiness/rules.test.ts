import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/kubernetes/kinds/read';
import { RULES } from '../../../src/readiness/rules';
import { isCritical, workloadOf, type RuleContext } from '../../../src/readiness/workload';
import { budgetFor, changed, container, goodDeployment, podSpec, type Manifest } from './manifests';

function run(ruleId: string, manifest: Manifest, extra: Partial<RuleContext> = {}) {
  const rule = RULES.find((r) => r.id === ruleId)!;
  const w = workloadOf(manifest.kind, manifest)!;
  const ctx: RuleContext = {
    critical: isCritical(w, false),
    minReplicas: 2,
    budgets: [budgetFor({ app: 'api' }) as Json],
    serviceAccounts: new Map(),
    ...extra,
  };
  return rule.check(w, ctx);
}

/** Each rule: the good manifest passes, the broken one fails with the expected message. */
const cases: { rule: string; breakIt: (m: Manifest) => void; message: RegExp; ctx?: Partial<RuleContext> }[] = [
  { rule: 'resources.requests', breakIt: (m) => delete container(m).resources.requests.memory, message: /no memory requests/ },
  { rule: 'resources.limits', breakIt: (m) => delete container(m).resources.limits, message: /no cpu or memory limits/ },
  { rule: 'probes.liveness', breakIt: (m) => delete container(m).livenessProbe, message: /no liveness probe/ },
  { rule: 'probes.readiness', breakIt: (m) => delete container(m).readinessProbe, message: /no readiness probe/ },
  { rule: 'availability.replicas', breakIt: (m) => (m.spec.replicas = 1), message: /1 replica; critical workloads need at least 2/ },
  { rule: 'availability.pdb', breakIt: (m) => (m.spec.template.metadata.labels = { app: 'api-v2' }), message: /no PodDisruptionBudget/ },
  { rule: 'images.tag', breakIt: (m) => (container(m).image = 'registry.example.org:5000/shop/api'), message: /has no tag/ },
  { rule: 'images.tag', breakIt: (m) => (container(m).image = 'nginx:latest'), message: /uses the latest tag/ },
  { rule: 'security.runAsNonRoot', breakIt: (m) => delete podSpec(m).securityContext, message: /may run as root/ },
  { rule: 'security.runAsNonRoot', breakIt: (m) => (container(m).securityContext.runAsUser = 0), message: /runs as user 0/ },
  { rule: 'security.privileged', breakIt: (m) => (container(m).securityContext.privileged = true), message: /privileged/ },
  { rule: 'security.privileged', breakIt: (m) => (container(m).securityContext.capabilities = { add: ['SYS_ADMIN'] }), message: /adds capability SYS_ADMIN/ },
  { rule: 'security.hostNamespaces', breakIt: (m) => Object.assign(podSpec(m), { hostNetwork: true, hostPID: true }), message: /hostNetwork, hostPID/ },
  { rule: 'security.hostPath', breakIt: (m) => (podSpec(m).volumes = [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }]), message: /hostPath \/var\/run\/docker.sock/ },
  { rule: 'security.readOnlyRootFilesystem', breakIt: (m) => delete container(m).securityContext.readOnlyRootFilesystem, message: /root filesystem is writable/ },
  { rule: 'security.serviceAccountToken', breakIt: (m) => delete podSpec(m).automountServiceAccountToken, message: /default service account's token is mounted/ },
];

describe('readiness rules', () => {
  it('has an id, severity, weight, description and fix for every rule, and a test case for each', () => {
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+\.[A-Za-z]+$/);
      expect(r.weight).toBeGreaterThan(0);
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.fix.length).toBeGreaterThan(10);
    }
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it.each(cases)('$rule passes the good manifest and fails a broken one ($message)', ({ rule, breakIt, message, ctx }) => {
    expect(run(rule, goodDeployment(), ctx)).toEqual([]);
    const failures = run(rule, changed(goodDeployment(), breakIt), ctx);
    expect(failures).not.toBeNull();
    expect(failures!.map((f) => f.message).join('\n')).toMatch(message);
  });

  it('takes security settings from the pod when the container does not set them', () => {
    const podLevel = changed(goodDeployment(), (m) => (podSpec(m).securityContext = { runAsNonRoot: true }));
    expect(run('security.runAsNonRoot', podLevel)).toEqual([]);
    const containerOverrides = changed(podLevel, (m) => (container(m).securityContext.runAsNonRoot = false));
    expect(run('security.runAsNonRoot', containerOverrides)).toHaveLength(1);
  });

  it('accepts an image pinned by digest and a registry port that looks like a tag', () => {
    expect(run('images.tag', changed(goodDeployment(), (m) => (container(m).image = 'registry:5000/api@sha256:' + 'a'.repeat(64))))).toEqual([]);
    expect(run('images.tag', changed(goodDeployment(), (m) => (container(m).image = 'registry:5000/api')))).toHaveLength(1);
  });

  it('checks init containers too, naming the container', () => {
    const withInit = changed(goodDeployment(), (m) => (podSpec(m).initContainers = [{ name: 'migrate', image: 'migrate:latest' }]));
    expect(run('images.tag', withInit)).toEqual([{ subject: 'migrate', message: 'image "migrate:latest" uses the latest tag' }]);
  });

  it('asks replicas and a budget of critical workloads only', () => {
    const notCritical = changed(goodDeployment(), (m) => {
      delete m.metadata.labels['opsdeck.io/critical'];
      m.spec.replicas = 1;
    });
    expect(run('availability.replicas', notCritical)).toBeNull();
    expect(run('availability.pdb', notCritical, { budgets: [] })).toBeNull();
    expect(run('availability.pdb', goodDeployment(), { budgets: [] })).toHaveLength(1);
  });

  it('matches budgets by expression selectors, and an empty selector selects every pod', () => {
    const byExpression = budgetFor({});
    byExpression.spec.selector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] };
    expect(run('availability.pdb', goodDeployment(), { budgets: [byExpression as Json] })).toEqual([]);
    byExpression.spec.selector.matchExpressions[0].operator = 'NotIn';
    expect(run('availability.pdb', goodDeployment(), { budgets: [byExpression as Json] })).toHaveLength(1);
    expect(run('availability.pdb', goodDeployment(), { budgets: [{ spec: { selector: {} } } as Json] })).toEqual([]);
    expect(run('availability.pdb', goodDeployment(), { budgets: [{ spec: {} } as Json] })).toHaveLength(1);
  });

  it('leaves replicas to DaemonSets, which run one pod per node', () => {
    const ds = changed(goodDeployment(), (m) => {
      m.kind = 'DaemonSet';
      delete m.spec.replicas;
    });
    expect(run('availability.replicas', ds)).toBeNull();
  });

  it('does not ask a workload with its own service account to drop its token, and honours the account\'s own setting', () => {
    const ownAccount = changed(goodDeployment(), (m) => {
      delete podSpec(m).automountServiceAccountToken;
      podSpec(m).serviceAccountName = 'api';
    });
    expect(run('security.serviceAccountToken', ownAccount)).toBeNull();
    const defaultAccount = changed(goodDeployment(), (m) => delete podSpec(m).automountServiceAccountToken);
    const accounts = new Map([['default', { automountServiceAccountToken: false } as Json]]);
    expect(run('security.serviceAccountToken', defaultAccount, { serviceAccounts: accounts })).toEqual([]);
  });
});
