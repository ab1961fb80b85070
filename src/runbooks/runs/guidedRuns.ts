import { OpsdeckError, type ActionPreview, type RunbookAction, type RunbookRun, type RunReport, type RunStatus, type RunSummary } from '../../contract';
import { resolveBinding, valuesToRun, type ActionBinding } from '../actions/binding';
import { completeValues, type ActionKind, type ActionRegistry, type ActionValues } from '../actions/registry';
import type { RunbookLibrary } from '../library';
import { runReport } from './report';
import type { RunStore } from './runStore';

/** Where a run can start from: the labels of an alert or an incident fill the actions' placeholders. Unknown ids are NOT_FOUND. */
export interface RunOrigins {
  alertLabels(id: number): Record<string, string>;
  incidentLabels(id: number): Record<string, string>;
}

export interface GuidedRunsOptions {
  store: RunStore;
  library: RunbookLibrary;
  registry: ActionRegistry;
  origins: RunOrigins;
  actor: string;
  now?: () => number;
}

type ActionInput = { runId: number; step: number; values: ActionValues };

/** The status changes a run allows: paused runs resume, ended runs stay ended. */
const NEXT: Record<RunStatus, RunStatus[]> = {
  active: ['paused', 'completed', 'abandoned'],
  paused: ['active', 'completed', 'abandoned'],
  completed: [],
  abandoned: [],
};

/** Guided runs: start, check off steps, run confirmed actions, pause and resume, export. */
export class GuidedRuns {
  private readonly now: () => number;

  constructor(private readonly options: GuidedRunsOptions) {
    this.now = options.now ?? Date.now;
  }

  start(input: { runbookId: string; alertId?: number; incidentId?: number }): RunbookRun {
    const { library, origins, store, actor } = this.options;
    const runbook = library.entry(input.runbookId);
    const labels = input.alertId !== undefined ? origins.alertLabels(input.alertId) : input.incidentId !== undefined ? origins.incidentLabels(input.incidentId) : {};
    const id = store.create({
      runbookId: runbook.id,
      runbookTitle: runbook.title,
      by: actor,
      at: this.now(),
      alertId: input.alertId ?? null,
      incidentId: input.incidentId ?? null,
      alertLabels: labels,
      steps: runbook.steps.map((s) => ({ index: s.index, title: s.title, binding: s.binding })),
    });
    return this.get(id);
  }

  list(query: { runbookId?: string; limit: number }): RunSummary[] {
    return this.options.store.list(query);
  }

  get(id: number): RunbookRun {
    const { store } = this.options;
    const run = store.get(id);
    const results = store.results(id);
    return {
      ...run,
      steps: store.steps(id).map((s) => ({
        index: s.index,
        title: s.title,
        done: s.done,
        doneAt: s.doneAt,
        doneBy: s.doneBy,
        note: s.note,
        action: s.binding ? this.resolve(s.binding, run.alertLabels) : null,
        results: results.filter((r) => r.step === s.index).map(({ step: _, ...r }) => r),
      })),
      history: store.history(id),
    };
  }

  checkStep(input: { runId: number; step: number; done: boolean; note: string }): RunbookRun {
    this.activeRun(input.runId);
    this.stepOf(input.runId, input.step);
    this.options.store.setStep(input.runId, input.step, { done: input.done, note: input.note, by: this.options.actor, at: this.now() });
    return this.get(input.runId);
  }

  /**
   * Runs a step's action with the runbook's values and the user's for the rest, once the user
   * confirmed it. The outcome, success or failure, is recorded in the step; bad values are refused
   * before anything runs.
   */
  async runAction(input: ActionInput): Promise<RunbookRun> {
    const { store, actor } = this.options;
    const { kind, values } = this.prepare(input);
    let outcome: { ok: boolean; message: string; auditId: number | null };
    try {
      outcome = { ok: true, ...(await kind.run(values, { actor, runId: input.runId, step: input.step })) };
    } catch (err) {
      outcome = { ok: false, message: err instanceof Error ? err.message : String(err), auditId: null };
    }
    store.addResult(input.runId, input.step, { kind: kind.kind, params: values, ...outcome, by: actor, at: this.now() });
    return this.get(input.runId);
  }

  /** What a step's action would do with these values, in the engine's words; bad values are refused as runAction refuses them. */
  describeAction(input: ActionInput): ActionPreview {
    const { kind, values } = this.prepare(input);
    return { statement: kind.describe(values), values };
  }

  /** The step's action kind and the checked values it would run with. */
  private prepare(input: ActionInput): { kind: ActionKind; values: ActionValues } {
    const run = this.activeRun(input.runId);
    const step = this.stepOf(input.runId, input.step);
    if (!step.binding) throw new OpsdeckError('BAD_REQUEST', `Step ${input.step} has no action.`);
    const kind = this.options.registry.get(step.binding.kind);
    if (!kind) throw new OpsdeckError('UNAVAILABLE', `The ${step.binding.kind} action is not available in this build.`);
    const action = resolveBinding(step.binding, kind, run.alertLabels);
    return { kind, values: completeValues(kind, valuesToRun(action, input.values)) };
  }

  setStatus(input: { runId: number; status: RunStatus }): RunbookRun {
    const run = this.options.store.get(input.runId);
    if (!NEXT[run.status].includes(input.status)) throw new OpsdeckError('BAD_REQUEST', `Run ${run.id} is ${run.status}; it cannot become ${input.status}.`);
    this.options.store.setStatus(run.id, input.status, this.options.actor, this.now());
    return this.get(run.id);
  }

  report(id: number): RunReport {
    return runReport(this.get(id), this.options.library.find(this.options.store.get(id).runbookId));
  }

  private resolve(binding: ActionBinding, labels: Record<string, string>): RunbookAction | null {
    const kind = this.options.registry.get(binding.kind);
    return kind ? resolveBinding(binding, kind, labels) : null;
  }

  private activeRun(id: number) {
    const run = this.options.store.get(id);
    if (run.status !== 'active') throw new OpsdeckError('BAD_REQUEST', `Run ${id} is ${run.status}: ${run.status === 'paused' ? 'resume it first' : 'it cannot change any more'}.`);
    return run;
  }

  private stepOf(runId: number, index: number) {
    const step = this.options.store.steps(runId).find((s) => s.index === index);
    if (!step) throw new OpsdeckError('NOT_FOUND', `Run ${runId} has no step ${index}.`);
    return step;
  }
}
