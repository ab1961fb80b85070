import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/kubernetes/kinds/read';
import { exportCsv, exportMarkdown } from '../../../src/readiness/reportExport';
import { RULES } from '../../../src/readiness/rules';
import { buildReport, checkWorkload, type NamespaceInput } from '../../../src/readiness/scoring';
import { DEFAULT_TUNING, withDefaults } from '../../../src/readiness/tuning';
import { workloadOf } from '../../../src/readiness/workload';
import { budgetFor, changed, container, goodDeployment, type Manifest } from './manifests';

const weightOf = (id: string) => RULES.find((r) => r.id === id)!.weight;
const applicableWeight = RULES.reduce((s, r) => s + r.weight, 0);

function namespace(manifests: Manifest[], tuning = DEFAULT_TUNING, name = 'shop'): NamespaceInput {
  return {
    namespace: name,
    workloads: manifests.map((m) => workloadOf(m.kind, { ...m, metadata: { ...m.metadata, namespace: name } })!),
    budgets: [budgetFor({ app: 'api' }) as Json],
    serviceAccounts: new Map(),
    tuning,
    critical: false,
  };
}

const noProbes = changed(goodDeployment(), (m) => {
  m.metadata.name = 'worker';
  delete container(m).livenessProbe;
  delete container(m).readinessProbe;
});
const privileged = changed(goodDeployment(), (m) => {
  m.metadata.name = 'agent';
  container(m).securityContext.privileged = true;
});

describe('readiness scoring', () => {
  it('scores a workload by the weight of the rules it passes', () => {
    const ns = namespace([goodDeployment(), noProbes]);
    expect(checkWorkload(ns.workloads[0]!, ns).score).toBe(100);
    const failed = weightOf('probes.liveness') + weightOf('probes.readiness');
    const worker = checkWorkload(ns.workloads[1]!, ns);
    expect(worker.score).toBe(Math.round((1000 * (applicableWeight - failed)) / applicableWeight) / 10);
    expect(worker.findings.map((f) => f.rule)).toEqual(['probes.liveness', 'probes.readiness']);
  });

  it('leaves rules that do not apply out of the sum', () => {
    const plain = changed(noProbes, (m) => delete m.metadata.labels['opsdeck.io/critical']);
    const ns = namespace([plain]);
    const applicable = applicableWeight - weightOf('availability.replicas') - weightOf('availability.pdb');
    const failed = weightOf('probes.liveness') + weightOf('probes.readiness');
    expect(checkWorkload(ns.workloads[0]!, ns).score).toBe(Math.round((1000 * (applicable - failed)) / applicable) / 10);
  });

  it('applies a namespace\'s tuning: disabled rules, severities and the replica minimum', () => {
    const tuning = withDefaults({ disabled: ['probes.liveness'], severity: { 'probes.readiness': 'low' }, minReplicas: 4 });
    const ns = namespace([noProbes], tuning);
    const w = checkWorkload(ns.workloads[0]!, ns);
    expect(w.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['probes.readiness', 'low'],
      ['availability.replicas', 'high'],
    ]);
  });

  it('says go or no-go per namespace, and scores the cluster over all workloads', () => {
    const report = buildReport('lab', 1_700_000_000_000, [
      namespace([goodDeployment()], DEFAULT_TUNING, 'shop'),
      namespace([privileged, goodDeployment()], DEFAULT_TUNING, 'ops'),
      namespace([], DEFAULT_TUNING, 'empty'),
    ]);
    expect(report.namespaces.map((n) => [n.namespace, n.verdict])).toEqual([
      ['ops', 'no-go'],
      ['shop', 'go'],
    ]);
    const ops = report.namespaces[0]!;
    expect(ops.reasons).toEqual(['1 critical finding']);
    expect(ops.findings.critical).toBe(1);
    const agent = report.workloads.find((w) => w.name === 'agent')!;
    expect(ops.score).toBe(Math.round(((agent.score + 100) / 2) * 10) / 10);
    expect(report.score).toBe(Math.round(((agent.score + 200) / 3) * 10) / 10);
    expect(report.workloads[0]!.name).toBe('agent');
  });

  it('gives no-go below the pass mark even without critical findings', () => {
    const report = buildReport('lab', 0, [namespace([noProbes], withDefaults({ passScore: 95 }))]);
    expect(report.namespaces[0]!.verdict).toBe('no-go');
    expect(report.namespaces[0]!.reasons[0]).toMatch(/below the pass mark 95/);
  });

  it('exports a namespace\'s go/no-go report as Markdown and CSV', () => {
    const report = buildReport('lab', Date.UTC(2026, 0, 2), [namespace([privileged, goodDeployment()], DEFAULT_TUNING, 'ops')]);
    const md = exportMarkdown(report, 'ops')!;
    expect(md.fileName).toBe('readiness-lab-ops.md');
    expect(md.text).toContain('**Verdict: NO-GO**');
    expect(md.text).toContain('- **critical** No privileged containers (api): privileged.');
    const csv = exportCsv(report, 'ops')!;
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('context,namespace,verdict,kind,workload,critical,score,rule,severity,subject,message');
    expect(lines).toContain(`lab,ops,no-go,Deployment,agent,true,${report.workloads[0]!.score},security.privileged,critical,api,privileged`);
    expect(lines).toContain('lab,ops,no-go,Deployment,api,true,100,,,,');
    expect(exportCsv(report, 'nowhere')).toBeNull();
  });
});
