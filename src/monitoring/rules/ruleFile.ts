import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { RuleInfo, RuleProblem } from '../../contract';
import { parseDuration } from './duration';
import { parseThreshold, type HostThreshold } from './hostThreshold';
import { compileTemplate, TemplateError, type Template } from './templates';

/** Prometheus's default evaluation_interval, for groups that do not set one. */
export const DEFAULT_GROUP_INTERVAL_MS = 60_000;

export interface RuleTemplates {
  labels: [string, Template][];
  annotations: [string, Template][];
}

export interface AlertingRule extends Pick<RuleInfo, 'alert' | 'expr' | 'forMs' | 'keepFiringForMs' | 'labels' | 'annotations' | 'line'> {
  templates: RuleTemplates;
  /** Where expr's value starts, for Prometheus's errors about it. */
  exprAt: { line: number; column: number };
  /** What a host rule compares; null for Prometheus rules. */
  threshold: HostThreshold | null;
}

/**
 * Where a group's rules are evaluated: on a Prometheus source (PromQL), or on the samples of
 * Opsdeck's own host collector (a metric compared with a number).
 */
export const GROUP_SOURCES = ['prometheus', 'host'] as const;
export type GroupSource = (typeof GROUP_SOURCES)[number];

export interface RuleGroup {
  file: string;
  name: string;
  source: GroupSource;
  intervalMs: number;
  line: number;
  rules: AlertingRule[];
}

export interface ParsedRuleFile {
  groups: RuleGroup[];
  problems: RuleProblem[];
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const GROUP_FIELDS = ['name', 'source', 'interval', 'rules'];
const RULE_FIELDS = ['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

/** Thrown inside the walk to stop at the first problem of a group or rule. */
class Problem extends Error {
  constructor(
    message: string,
    readonly node: Node | null | undefined,
  ) {
    super(message);
  }
}

type Fields = Map<string, { key: Node; value: Node | null }>;

/**
 * A Prometheus rule file (groups of alerting rules) as the engine runs it, and its problems
 * with their lines: the first of each group's and each rule's.
 */
export function parseRuleFile(file: string, text: string): ParsedRuleFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: RuleProblem[] = [];
  const at = (node: Node | null | undefined) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const report = (message: string, node: Node | null | undefined) => problems.push({ file, ...at(node), message });

  if (doc.errors.length) {
    for (const e of doc.errors) {
      const { line, col } = lines.linePos(e.pos[0]);
      problems.push({ file, line, column: col, message: e.message.split('\n')[0]! });
    }
    return { groups: [], problems };
  }

  const fieldsOf = (node: Node | null | undefined, what: string, allowed: string[]): Fields => {
    if (!isMap(node)) throw new Problem(`${what} must be a mapping`, node);
    const fields: Fields = new Map();
    for (const pair of (node as YAMLMap).items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        const hint = key === 'record' ? ': recording rules are not supported, only alerting rules (keep recording rules in Prometheus)' : '';
        throw new Problem(`field ${key} not found in ${what}${hint}`, pair.key);
      }
      fields.set(key, { key: pair.key, value: pair.value });
    }
    return fields;
  };
  const scalarText = (fields: Fields, key: string, owner: Node | null | undefined, required: boolean): string | undefined => {
    const field = fields.get(key);
    if (!field) {
      if (required) throw new Problem(`field ${key} is required`, owner);
      return undefined;
    }
    if (!isScalar(field.value) || field.value.value === null || typeof field.value.value === 'object') throw new Problem(`${key} must be a string`, field.value ?? field.key);
    return String(field.value.value);
  };
  const duration = (fields: Fields, key: string, fallback: number): number => {
    const value = scalarText(fields, key, null, false);
    if (value === undefined) return fallback;
    const ms = parseDuration(value);
    if (ms === null) throw new Problem(`${key}: not a valid duration string: "${value}"`, fields.get(key)!.value);
    return ms;
  };
  const stringMap = (fields: Fields, key: string, templated: [string, Template][]): Record<string, string> => {
    const field = fields.get(key);
    if (!field || field.value === null || (isScalar(field.value) && field.value.value === null)) return {};
    if (!isMap(field.value)) throw new Problem(`${key} must be a mapping of names to strings`, field.value);
    const out: Record<string, string> = {};
    for (const pair of field.value.items as Pair<Node, Node | null>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!LABEL_NAME.test(name)) throw new Problem(`${key}: invalid name "${name}": use letters, digits and _`, pair.key);
      if (!isScalar(pair.value) || typeof pair.value.value === 'object') throw new Problem(`${key}.${name} must be a string`, pair.value ?? pair.key);
      out[name] = String(pair.value.value);
      try {
        templated.push([name, compileTemplate(out[name])]);
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err;
        throw new Problem(`${key}.${name}: template: ${err.message}`, pair.value);
      }
    }
    return out;
  };

  const parseRule = (node: Node | null | undefined, source: GroupSource): AlertingRule => {
    const fields = fieldsOf(node, 'rule', RULE_FIELDS);
    const alert = scalarText(fields, 'alert', node, true)!;
    if (!METRIC_NAME.test(alert)) throw new Problem(`invalid alert name "${alert}": use letters, digits, _ and :`, fields.get('alert')!.value);
    const expr = scalarText(fields, 'expr', node, true)!;
    if (!expr.trim()) throw new Problem('field expr must not be empty', fields.get('expr')!.value);
    let threshold: HostThreshold | null = null;
    if (source === 'host') {
      try {
        threshold = parseThreshold(expr);
      } catch (err) {
        throw new Problem((err as Error).message, fields.get('expr')!.value);
      }
    }
    const templates: RuleTemplates = { labels: [], annotations: [] };
    return {
      alert,
      expr,
      forMs: duration(fields, 'for', 0),
      keepFiringForMs: duration(fields, 'keep_firing_for', 0),
      labels: stringMap(fields, 'labels', templates.labels),
      annotations: stringMap(fields, 'annotations', templates.annotations),
      templates,
      line: at(node).line,
      exprAt: at(fields.get('expr')!.value),
      threshold,
    };
  };

  const groups: RuleGroup[] = [];
  try {
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) return { groups, problems };
    const top = fieldsOf(root, 'the rule file', ['groups']);
    const list = top.get('groups')?.value;
    if (!list || (isScalar(list) && list.value === null)) return { groups, problems };
    if (!isSeq(list)) throw new Problem('groups must be a list', list);
    const seen = new Set<string>();
    for (const groupNode of list.items as Node[]) {
      try {
        const fields = fieldsOf(groupNode, 'group', GROUP_FIELDS);
        const name = scalarText(fields, 'name', groupNode, true)!;
        if (!name) throw new Problem('group name must not be empty', fields.get('name')!.value);
        if (seen.has(name)) throw new Problem(`groupname: "${name}" is repeated in the same file`, fields.get('name')!.value);
        seen.add(name);
        const source = (scalarText(fields, 'source', null, false) ?? 'prometheus') as GroupSource;
        if (!GROUP_SOURCES.includes(source)) throw new Problem(`source must be one of ${GROUP_SOURCES.join(', ')}`, fields.get('source')!.value);
        const intervalMs = duration(fields, 'interval', DEFAULT_GROUP_INTERVAL_MS);
        if (intervalMs <= 0) throw new Problem('interval must be greater than 0', fields.get('interval')!.value);
        const rulesNode = fields.get('rules')?.value;
        if (rulesNode && !isSeq(rulesNode) && !(isScalar(rulesNode) && rulesNode.value === null)) throw new Problem('rules must be a list', rulesNode);
        const rules: AlertingRule[] = [];
        let ok = true;
        for (const ruleNode of isSeq(rulesNode) ? (rulesNode.items as Node[]) : []) {
          try {
            rules.push(parseRule(ruleNode, source));
          } catch (err) {
            if (!(err instanceof Problem)) throw err;
            report(`group "${name}": ${err.message}`, err.node ?? ruleNode);
            ok = false;
          }
        }
        if (ok) groups.push({ file, name, source, intervalMs, line: at(groupNode).line, rules });
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
        report(err.message, err.node ?? groupNode);
      }
    }
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    report(err.message, err.node);
  }
  return { groups, problems };
}
