import type { z } from 'zod';
import { OpsdeckError } from '../../contract';

export type ActionValue = string | number;
export type ActionValues = Record<string, ActionValue>;

export interface ActionParamSpec {
  name: string;
  label: string;
  type: 'string' | 'integer';
  /** Checks one value; the same rules the engine's own channel applies. */
  schema: z.ZodType;
  /** Used when neither the runbook nor the user gives one. */
  default?: ActionValue;
}

export interface ActionOutcome {
  message: string;
  /** The audit log entry the engine wrote, when it writes one. */
  auditId: number | null;
}

export interface ActionContext {
  /** Who confirmed the action. */
  actor: string;
  runId: number;
  step: number;
}

/**
 * One kind of step action: the engine operation it stands for, its parameters, and how it runs.
 * Kinds call the engines' own audited operations; none of them runs a command line.
 */
export interface ActionKind {
  kind: string;
  /** What it does, in a few words. */
  title: string;
  params: ActionParamSpec[];
  /** What the action will do, from complete, checked values: the confirm dialog shows it. */
  describe(values: ActionValues): string;
  run(values: ActionValues, context: ActionContext): Promise<ActionOutcome>;
}

/** Engines add their kinds here (Kubernetes, alert silences, backups, readiness checks); runbook steps name them. */
export class ActionRegistry {
  private readonly kinds = new Map<string, ActionKind>();

  register(kind: ActionKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`runbook action kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): ActionKind | undefined {
    return this.kinds.get(kind);
  }

  names(): string[] {
    return [...this.kinds.keys()].sort();
  }
}

/** Why a value does not fit its parameter, or null. */
export function valueProblem(spec: ActionParamSpec, value: unknown): string | null {
  if (spec.type === 'integer' ? !Number.isSafeInteger(value) : typeof value !== 'string') return `${spec.name} must be ${spec.type === 'integer' ? 'a whole number' : 'text'}`;
  const checked = spec.schema.safeParse(value);
  return checked.success ? null : `${spec.name}: ${checked.error.issues.map((i) => i.message).join('; ')}`;
}

/** Every parameter checked, defaults applied; BAD_REQUEST naming each problem. */
export function completeValues(kind: ActionKind, values: ActionValues): ActionValues {
  const complete: ActionValues = {};
  const problems: string[] = [];
  for (const spec of kind.params) {
    const value = values[spec.name] ?? spec.default;
    if (value === undefined) {
      problems.push(`${spec.name} is required`);
      continue;
    }
    const problem = valueProblem(spec, value);
    if (problem) problems.push(problem);
    else complete[spec.name] = value;
  }
  if (problems.length) throw new OpsdeckError('BAD_REQUEST', `The ${kind.kind} action cannot run: ${problems.join('; ')}.`);
  return complete;
}
