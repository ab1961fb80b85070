/** Runs the readiness rules over connected clusters, keeps each context's last report and the namespaces' tuning. */
import type { ReadinessExport, ReadinessReport, ReadinessRuleInfo, ReadinessTuning, ReadinessTuningEntry } from '../contract/types';
import { OpsdeckError } from '../contract/errors';
import type { KubeApi } from '../kubernetes/kubeApi';
import { scanCluster } from './clusterScan';
import type { ReadinessStore } from './readinessStore';
import { exportCsv, exportMarkdown } from './reportExport';
import { RULES, ruleInfo } from './rules';
import { buildReport } from './scoring';

export interface ReadinessEngineOptions {
  store: ReadinessStore;
  /** The API client of an enabled, connected context. */
  api(context: string): Promise<KubeApi>;
  /** The contexts connected now. */
  connectedContexts(): Promise<string[]>;
  now?: () => number;
}

const CHECK_TIMEOUT_MS = 60_000;

export class ReadinessEngine {
  private readonly now: () => number;
  /** One check per context at a time: a second caller gets the running one. */
  private readonly running = new Map<string, Promise<ReadinessReport>>();

  constructor(private readonly options: ReadinessEngineOptions) {
    this.now = options.now ?? Date.now;
  }

  rules(): ReadinessRuleInfo[] {
    return RULES.map(ruleInfo);
  }

  connectedContexts(): Promise<string[]> {
    return this.options.connectedContexts();
  }

  /** Reads the context's workloads afresh and scores them. */
  check(context: string, signal?: AbortSignal): Promise<ReadinessReport> {
    const running = this.running.get(context);
    if (running) return running;
    const run = this.runCheck(context, signal).finally(() => this.running.delete(context));
    this.running.set(context, run);
    return run;
  }

  private async runCheck(context: string, outer?: AbortSignal): Promise<ReadinessReport> {
    const session = await (await this.options.api(context)).session();
    const signal = outer ? AbortSignal.any([outer, AbortSignal.timeout(CHECK_TIMEOUT_MS)]) : AbortSignal.timeout(CHECK_TIMEOUT_MS);
    let namespaces;
    try {
      namespaces = await scanCluster(session, signal, (ns) => this.options.store.tuning(context, ns));
    } catch (err) {
      throw new OpsdeckError('UNAVAILABLE', `Could not read the workloads of ${context}: ${(err as Error).message}`);
    }
    const report = buildReport(context, this.now(), namespaces);
    this.options.store.saveReport(report);
    return report;
  }

  /** The last report of a context; null before its first check. */
  report(context: string): ReadinessReport | null {
    return this.options.store.report(context);
  }

  /** The last reports of the contexts connected now. */
  async reports(): Promise<ReadinessReport[]> {
    const contexts = await this.options.connectedContexts();
    return contexts.map((c) => this.report(c)).filter((r): r is ReadinessReport => r !== null);
  }

  /** The tuning in force for every namespace of the last report and every tuned one, defaults filled in. */
  tuning(context: string): ReadinessTuningEntry[] {
    const tuned = this.options.store.allTuning(context);
    const checked = (this.report(context)?.namespaces ?? []).map((n) => n.namespace).filter((ns) => !tuned.some((t) => t.namespace === ns));
    const defaults = checked.map((namespace) => ({ context, namespace, tuning: this.options.store.tuning(context, namespace) }));
    return [...tuned, ...defaults].sort((a, b) => a.namespace.localeCompare(b.namespace));
  }

  setTuning(context: string, namespace: string, tuning: ReadinessTuning): ReadinessTuningEntry {
    const unknown = [...tuning.disabled, ...Object.keys(tuning.severity)].filter((id) => !RULES.some((r) => r.id === id));
    if (unknown.length) throw new OpsdeckError('BAD_REQUEST', `Unknown rule ${unknown.join(', ')}; the rules are ${RULES.map((r) => r.id).join(', ')}.`);
    this.options.store.setTuning(context, namespace, tuning, this.now());
    return { context, namespace, tuning: this.options.store.tuning(context, namespace) };
  }

  resetTuning(context: string, namespace: string): ReadinessTuningEntry {
    this.options.store.resetTuning(context, namespace);
    return { context, namespace, tuning: this.options.store.tuning(context, namespace) };
  }

  export(context: string, namespace: string, format: 'markdown' | 'csv'): ReadinessExport {
    const report = this.report(context);
    if (!report) throw new OpsdeckError('NOT_FOUND', `${context} has not been checked yet: run a readiness check first.`);
    const out = format === 'markdown' ? exportMarkdown(report, namespace) : exportCsv(report, namespace);
    if (!out) throw new OpsdeckError('NOT_FOUND', `The last check of ${context} found no workloads in namespace "${namespace}".`);
    return out;
  }
}
