/**
 * Steady pod modifications at a set rate, for watch latency and load tests. Each write's wall
 * time is kept by resourceVersion (and written into the pod's `opsdeck.test/written-at`
 * annotation, epoch milliseconds) so a client can measure how late it saw each change.
 * A churn always stops by itself (after `durationMs`, default 60 s, or `maxChanges`).
 */
import { resourceNamed } from '../resources';
import { labelMatcher, parseLabelSelector } from '../selectors/labels';
import type { ObjectStore } from '../store/objectStore';
import type { K8sObject } from '../types';

export const WRITTEN_AT_ANNOTATION = 'opsdeck.test/written-at';
export const CHURN_ANNOTATION = 'opsdeck.test/churn';

export interface ChurnOptions {
  ratePerSec: number;
  durationMs?: number;
  maxChanges?: number;
  namespace?: string;
  labelSelector?: string;
  /** Returns the changed pod (a new object; do not modify the one given). Default: bumps an annotation. */
  mutate?: (pod: K8sObject, n: number) => K8sObject;
  /** How many write times to remember (default 100,000). */
  keepWriteTimes?: number;
}

export interface ChurnStats {
  changes: number;
  elapsedMs: number;
  achievedRatePerSec: number;
}

const PODS = resourceNamed('pods');
const TICK_MS = 5;

export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export class Churn {
  private count = 0;
  private cursor = 0;
  private readonly started = performance.now();
  private readonly timer: NodeJS.Timeout;
  private readonly writes = new Map<string, number>();
  private finished: ChurnStats | undefined;
  private resolveDone!: (stats: ChurnStats) => void;
  readonly done: Promise<ChurnStats>;
  private readonly keys: string[];

  constructor(
    private store: ObjectStore,
    private options: ChurnOptions,
  ) {
    if (!(options.ratePerSec > 0)) throw new Error('churn needs ratePerSec > 0');
    const ns = options.namespace;
    const match = labelMatcher(parseLabelSelector(options.labelSelector ?? ''));
    this.keys = store.sortedKeys(PODS).filter((k) => {
      if (ns !== undefined && !k.startsWith(`${ns}/`)) return false;
      return match(store.get(PODS, k)?.metadata.labels);
    });
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    if (this.keys.length === 0) {
      this.timer = setTimeout(() => undefined, 0);
      this.finish();
      return;
    }
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  get changes(): number {
    return this.count;
  }

  /** Epoch milliseconds at which the change with this resourceVersion was written. */
  writtenAt(resourceVersion: string): number | undefined {
    return this.writes.get(resourceVersion);
  }

  stop(): ChurnStats {
    return this.finish();
  }

  private tick(): void {
    const elapsed = performance.now() - this.started;
    const limit = this.options.maxChanges ?? Infinity;
    const duration = this.options.durationMs ?? 60_000;
    const due = Math.min(limit, Math.floor((this.options.ratePerSec * Math.min(elapsed, duration)) / 1000));
    while (this.count < due) if (!this.writeOne()) break;
    if (elapsed >= duration || this.count >= limit) this.finish();
  }

  private writeOne(): boolean {
    for (let tries = 0; tries < this.keys.length; tries++) {
      const key = this.keys[this.cursor++ % this.keys.length] as string;
      const pod = this.store.get(PODS, key);
      if (!pod) continue;
      const n = this.count + 1;
      const at = Math.round(epochMs() * 1000) / 1000;
      const next = this.options.mutate
        ? this.options.mutate(pod, n)
        : { ...pod, metadata: { ...pod.metadata, annotations: { ...pod.metadata.annotations, [CHURN_ANNOTATION]: String(n), [WRITTEN_AT_ANNOTATION]: String(at) } } };
      const stored = this.store.write(PODS, next, 'churn');
      this.count = n;
      this.writes.set(stored.metadata.resourceVersion as string, at);
      if (this.writes.size > (this.options.keepWriteTimes ?? 100_000)) this.writes.delete(this.writes.keys().next().value as string);
      return true;
    }
    return false;
  }

  private finish(): ChurnStats {
    if (this.finished) return this.finished;
    clearInterval(this.timer);
    const elapsedMs = performance.now() - this.started;
    this.finished = { changes: this.count, elapsedMs, achievedRatePerSec: elapsedMs > 0 ? (this.count * 1000) / elapsedMs : 0 };
    this.resolveDone(this.finished);
    return this.finished;
  }
}
