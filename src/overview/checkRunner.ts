/** "Run all checks": every registered engine check at once, each outcome reported as it finishes. */
import { randomUUID } from 'node:crypto';
import type { CheckOutcome, CheckProgress, CheckRunSummary } from '../contract/types';
import type { CheckProvider } from '../engines/providers';

const CHECK_TIMEOUT_MS = 90_000;

export class CheckRunner {
  private readonly providers: CheckProvider[] = [];
  private current: Promise<CheckRunSummary> | null = null;

  constructor(
    private readonly onProgress: (p: CheckProgress) => void,
    private readonly now: () => number = Date.now,
    private readonly timeoutMs = CHECK_TIMEOUT_MS,
  ) {}

  register(...providers: CheckProvider[]): void {
    this.providers.push(...providers);
  }

  /** Starts a run, or joins the one under way (pressing the button twice runs the checks once). */
  run(): Promise<CheckRunSummary> {
    this.current ??= this.runAll().finally(() => (this.current = null));
    return this.current;
  }

  private async runAll(): Promise<CheckRunSummary> {
    const runId = randomUUID();
    const startedAt = this.now();
    const total = this.providers.length;
    let done = 0;
    const outcomes = await Promise.all(
      this.providers.map(async (p) => {
        const outcome = await this.runOne(p);
        done++;
        this.onProgress({ runId, done, total, outcome });
        return outcome;
      }),
    );
    const counts: CheckRunSummary['counts'] = { pass: 0, warn: 0, fail: 0, skipped: 0 };
    for (const o of outcomes) counts[o.status]++;
    return { runId, startedAt, finishedAt: this.now(), outcomes, counts };
  }

  private async runOne(p: CheckProvider): Promise<CheckOutcome> {
    const started = this.now();
    const signal = AbortSignal.timeout(this.timeoutMs);
    const base = { id: p.id, engine: p.engine, label: p.label };
    try {
      const result = await Promise.race([
        Promise.resolve().then(() => p.run(signal)),
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error(`no answer within ${this.timeoutMs / 1000} s`)), { once: true })),
      ]);
      return { ...base, ...result, durationMs: this.now() - started };
    } catch (err) {
      return { ...base, status: 'fail', summary: (err as Error)?.message ?? String(err), durationMs: this.now() - started };
    }
  }
}
