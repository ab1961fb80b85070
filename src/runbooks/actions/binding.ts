import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { OpsdeckError, type RunbookAction, type RunbookActionParam } from '../../contract';
import { valueProblem, type ActionKind, type ActionRegistry, type ActionValue, type ActionValues } from './registry';

/** The fence info string that marks a step's action. */
export const ACTION_FENCE = 'opsdeck-action';

/** `{{ labels.namespace }}`: filled from the labels of the alert a run starts from. */
const PLACEHOLDER = /\{\{\s*labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;
const hasPlaceholder = (v: ActionValue) => typeof v === 'string' && new RegExp(PLACEHOLDER.source).test(v);

/** A step's action as the runbook file writes it: a kind and some of its values, maybe with placeholders. */
export interface ActionBinding {
  kind: string;
  values: ActionValues;
}

/** A problem in an action block, at a line of the file. */
export class BindingError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Reads an ```opsdeck-action block (YAML: `kind` plus the kind's parameters) that starts at
 * `fenceLine`. Only registered kinds, only their parameters, only values of the right type.
 */
export function parseBinding(text: string, fenceLine: number, registry: ActionRegistry): ActionBinding {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => fenceLine + lines.linePos(offset ?? 0).line;
  if (doc.errors.length) throw new BindingError(`${ACTION_FENCE}: ${doc.errors[0]!.message.split('\n')[0]}`, lineOf(doc.errors[0]!.pos[0]));
  if (!isMap(doc.contents)) throw new BindingError(`${ACTION_FENCE}: write a YAML map with a kind and its parameters`, fenceLine + 1);
  const kindNode = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'kind');
  const kindName = kindNode && isScalar(kindNode.value) ? kindNode.value.value : undefined;
  if (typeof kindName !== 'string') throw new BindingError(`${ACTION_FENCE}: "kind" is required (one of ${registry.names().join(', ')})`, fenceLine + 1);
  const kind = registry.get(kindName);
  if (!kind) throw new BindingError(`${ACTION_FENCE}: unknown kind "${kindName}" (one of ${registry.names().join(', ')})`, lineOf(kindNode?.key && isScalar(kindNode.key) ? kindNode.key.range?.[0] : undefined));
  const values: ActionValues = {};
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (key === 'kind') continue;
    const spec = kind.params.find((p) => p.name === key);
    if (!spec) throw new BindingError(`${ACTION_FENCE}: ${kind.kind} has no parameter "${key}" (it takes ${kind.params.map((p) => p.name).join(', ')})`, line);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') throw new BindingError(`${ACTION_FENCE}: ${key} must be a single value`, line);
    if (!hasPlaceholder(value)) {
      const problem = valueProblem(spec, value);
      if (problem) throw new BindingError(`${ACTION_FENCE}: ${problem}`, line);
    }
    values[key] = value;
  }
  return { kind: kind.kind, values };
}

/** The value with its placeholders filled, or null when a label is missing. */
function fill(value: string, labels: Record<string, string>): string | null {
  let missing = false;
  const filled = value.replace(PLACEHOLDER, (_, name: string) => {
    const label = labels[name];
    if (label === undefined) missing = true;
    return label ?? '';
  });
  return missing ? null : filled;
}

/** The binding as a run shows it: placeholders filled from the alert's labels where it can. */
export function resolveBinding(binding: ActionBinding, kind: ActionKind, labels: Record<string, string>): RunbookAction {
  const params = kind.params.map((spec): RunbookActionParam => {
    const raw = binding.values[spec.name];
    const base = { name: spec.name, label: spec.label, type: spec.type };
    if (raw === undefined) return { ...base, value: spec.default ?? null, fixed: false, placeholder: null };
    if (!hasPlaceholder(raw)) return { ...base, value: raw, fixed: true, placeholder: null };
    const filled = fill(String(raw), labels);
    if (filled === null) return { ...base, value: null, fixed: false, placeholder: String(raw) };
    return { ...base, value: spec.type === 'integer' && /^-?\d+$/.test(filled) ? Number(filled) : filled, fixed: true, placeholder: null };
  });
  return { kind: kind.kind, title: kind.title, params };
}

/** The values an action runs with: the runbook's fixed ones and what the user gave for the rest. */
export function valuesToRun(action: RunbookAction, given: ActionValues): ActionValues {
  const values: ActionValues = {};
  for (const param of action.params) {
    const mine = given[param.name];
    if (param.fixed) {
      if (mine !== undefined && mine !== param.value) throw new OpsdeckError('BAD_REQUEST', `${param.name} is set by the runbook to ${String(param.value)}; it cannot be changed in a run.`);
      values[param.name] = param.value!;
    } else if (mine !== undefined) values[param.name] = mine;
    else if (param.value !== null) values[param.name] = param.value;
  }
  const unknown = Object.keys(given).filter((k) => !action.params.some((p) => p.name === k));
  if (unknown.length) throw new OpsdeckError('BAD_REQUEST', `The ${action.kind} action has no parameter ${unknown.join(', ')}.`);
  return values;
}
