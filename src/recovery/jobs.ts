import { OpsdeckError, type JobProgress, type PlanStepStatus, type RecoveryJob, type RecoveryJobKind } from '../contract';
import type { Progress } from './repository/types';
import { newId, type RecoveryStore } from './recoveryStore';

/** What a running job's work can report and check. */
export interface JobContext {
  signal: AbortSignal;
  progress(p: Progress): void;
  steps(steps: PlanStepStatus[]): void;
}

/** The job's own result: a message for the list, and whether a rollback is on offer. */
export interface JobOutcome {
  message?: string;
  canRollBack?: boolean;
}

/** Progress events arrive for every chunk; the renderer needs a few per second. */
const PROGRESS_EVERY_MS = 250;

const toProgress = (p: Progress): JobProgress => ({
  phase: p.phase,
  bytesDone: p.bytesDone,
  bytesTotal: p.bytesTotal ?? null,
  filesDone: p.filesDone,
  filesTotal: p.filesTotal ?? null,
  bytesPerSecond: p.bytesPerSecond,
});

/**
 * Long operations, one record each: started here, reported as they move, cancellable through their
 * signal, kept in the store once ended. Two jobs of one kind on one subject do not run together.
 */
export class JobRunner {
  private readonly running = new Map<string, { job: RecoveryJob; abort: AbortController; done: Promise<RecoveryJob> }>();
  /** Finished plan runs that can still be undone. */
  private readonly rollbacks = new Map<string, () => Promise<PlanStepStatus[]>>();

  constructor(
    private readonly store: RecoveryStore,
    private readonly emit: (job: RecoveryJob) => void,
    private readonly log: (message: string) => void,
  ) {}

  list(): RecoveryJob[] {
    const live = [...this.running.values()].map((r) => r.job);
    const ended = this.store.jobs().map((j) => ({ ...j, canRollBack: this.rollbacks.has(j.id) }));
    return [...live, ...ended];
  }

  /** Resolves with the job once it ended (tests, schedules and drills wait on it). */
  finished(id: string): Promise<RecoveryJob> {
    const r = this.running.get(id);
    if (r) return r.done;
    const job = this.store.jobs().find((j) => j.id === id);
    if (!job) throw new OpsdeckError('NOT_FOUND', `No job ${id}.`);
    return Promise.resolve(job);
  }

  start(
    kind: RecoveryJobKind,
    subject: string,
    work: (ctx: JobContext) => Promise<JobOutcome | void>,
    options: { onRollback?: () => (() => Promise<PlanStepStatus[]>) | null } = {},
  ): RecoveryJob {
    for (const r of this.running.values()) {
      if (r.job.kind === kind && r.job.subject === subject) throw new OpsdeckError('UNAVAILABLE', `A ${kind} of ${subject} is already running.`);
    }
    const abort = new AbortController();
    const job: RecoveryJob = { id: newId(), kind, subject, state: 'running', startedAt: Date.now(), finishedAt: null, progress: null, steps: null, message: null, canRollBack: false };
    let lastEmit = 0;
    const ctx: JobContext = {
      signal: abort.signal,
      progress: (p) => {
        job.progress = toProgress(p);
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          this.emit({ ...job });
        }
      },
      steps: (steps) => {
        job.steps = steps.map((s) => ({ ...s }));
        this.emit({ ...job });
      },
    };
    const done = (async () => {
      try {
        const outcome = (await work(ctx)) ?? {};
        job.state = 'succeeded';
        job.message = outcome.message ?? null;
      } catch (err) {
        job.state = abort.signal.aborted ? 'cancelled' : 'failed';
        job.message = abort.signal.aborted ? 'Cancelled.' : (err as Error).message;
      }
      job.finishedAt = Date.now();
      const undo = options.onRollback?.() ?? null;
      if (undo && job.state !== 'succeeded') {
        this.rollbacks.set(job.id, undo);
        job.canRollBack = true;
      }
      this.running.delete(job.id);
      try {
        this.store.recordJob(job);
      } catch (err) {
        this.log(`recovery: job ${job.id} not recorded: ${(err as Error).message}`);
      }
      this.emit({ ...job });
      return { ...job };
    })();
    this.running.set(job.id, { job, abort, done });
    this.emit({ ...job });
    return { ...job };
  }

  cancel(id: string): RecoveryJob {
    const r = this.running.get(id);
    if (!r) throw new OpsdeckError('NOT_FOUND', `No running job ${id}.`);
    r.abort.abort();
    return { ...r.job };
  }

  /** Undoes what a failed or cancelled plan run did; the job's steps show what was rolled back. */
  async rollback(id: string): Promise<RecoveryJob> {
    const undo = this.rollbacks.get(id);
    if (!undo) throw new OpsdeckError('NOT_FOUND', `Job ${id} has nothing to roll back.`);
    this.rollbacks.delete(id);
    const job = this.store.jobs().find((j) => j.id === id);
    if (!job) throw new OpsdeckError('NOT_FOUND', `No job ${id}.`);
    const steps = await undo();
    const updated: RecoveryJob = { ...job, steps, message: `${job.message ?? ''} Rolled back.`.trim(), canRollBack: false };
    this.store.recordJob(updated);
    this.emit(updated);
    return updated;
  }

  /** Cancels every running job and waits for them to end. */
  async stop(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.abort.abort();
    await Promise.allSettled(all.map((r) => r.done));
  }
}
