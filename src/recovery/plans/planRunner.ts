import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { OpsdeckError, type PlanStep, type PlanStepStatus } from '../../contract';
import type { KubeApi } from '../../kubernetes/kubeApi';
import type { Undo } from '../targets/targetOperations';
import { scaleDeployment, waitReady } from './kubeSteps';

/** What plan steps act through; the engine supplies it. */
export interface PlanEnvironment {
  restore(step: Extract<PlanStep, { kind: 'restore' }>, signal: AbortSignal): Promise<Undo>;
  kube(context: string): Promise<KubeApi>;
  /** Runs a query with the target's connection against `database`; returns psql's unaligned output. */
  sql(targetId: string, database: string, query: string, signal: AbortSignal): Promise<string>;
}

export interface PlanRun {
  ok: boolean;
  statuses: PlanStepStatus[];
  /** Undo of each step that changed something, in the order the steps ran. */
  undos: { index: number; undo: () => Promise<void> }[];
  error: string | null;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function runStep(step: PlanStep, env: PlanEnvironment, signal: AbortSignal): Promise<{ undo: Undo; message: string | null }> {
  switch (step.kind) {
    case 'restore':
      return { undo: await env.restore(step, signal), message: null };
    case 'scale': {
      const api = await env.kube(step.context);
      const before = await scaleDeployment(api, step.namespace, step.deployment, step.replicas, signal);
      return { undo: async () => void (await scaleDeployment(api, step.namespace, step.deployment, before, AbortSignal.timeout(30_000))), message: `was ${before}` };
    }
    case 'wait-ready':
      await waitReady(await env.kube(step.context), step.namespace, step.deployment, step.timeoutMs, signal);
      return { undo: null, message: 'ready' };
    case 'check-sql': {
      const got = await env.sql(step.targetId, step.database, step.query, signal);
      if (got !== step.expect.trim()) throw new OpsdeckError('UNAVAILABLE', `expected ${step.expect.trim()}, got ${got || '(nothing)'}`);
      return { undo: null, message: got };
    }
    case 'check-file': {
      const got = await sha256(step.path).catch((err: Error) => {
        throw new OpsdeckError('UNAVAILABLE', `cannot read ${step.path}: ${err.message}`);
      });
      if (got !== step.sha256) throw new OpsdeckError('UNAVAILABLE', `SHA-256 is ${got}, expected ${step.sha256}`);
      return { undo: null, message: 'hash matches' };
    }
  }
}

/** Runs the steps in order, reporting each as it starts and ends; stops at the first failure. */
export async function runPlan(steps: PlanStep[], titles: string[], env: PlanEnvironment, signal: AbortSignal, report: (statuses: PlanStepStatus[]) => void): Promise<PlanRun> {
  const statuses: PlanStepStatus[] = steps.map((_, index) => ({ index, title: titles[index] ?? `Step ${index + 1}`, state: 'pending', message: null, startedAt: null, finishedAt: null }));
  const undos: PlanRun['undos'] = [];
  report(statuses);
  for (const [index, step] of steps.entries()) {
    const s = statuses[index] as PlanStepStatus;
    s.state = 'running';
    s.startedAt = Date.now();
    report(statuses);
    try {
      signal.throwIfAborted();
      const { undo, message } = await runStep(step, env, signal);
      if (undo) undos.push({ index, undo });
      s.state = 'succeeded';
      s.message = message;
    } catch (err) {
      s.state = 'failed';
      s.message = signal.aborted ? 'Cancelled.' : (err as Error).message;
      s.finishedAt = Date.now();
      for (const rest of statuses.slice(index + 1)) rest.state = 'skipped';
      report(statuses);
      return { ok: false, statuses, undos, error: `Step ${index + 1} failed: ${s.message}` };
    }
    s.finishedAt = Date.now();
    report(statuses);
  }
  return { ok: true, statuses, undos, error: null };
}

/** Undoes the steps newest first; each one undone is marked rolled back, a failure is noted on its step. */
export async function rollBack(run: Pick<PlanRun, 'statuses' | 'undos'>): Promise<PlanStepStatus[]> {
  const statuses = run.statuses.map((s) => ({ ...s }));
  for (const { index, undo } of [...run.undos].reverse()) {
    const s = statuses[index];
    if (!s) continue;
    try {
      await undo();
      s.state = 'rolled-back';
    } catch (err) {
      s.message = `rollback failed: ${(err as Error).message}`;
    }
  }
  return statuses;
}
