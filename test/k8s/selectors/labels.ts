/** Label selectors: the query-string syntax (`app=web,tier in (a,b),!canary`) and LabelSelector objects. */
import { errors } from '../errors';
import type { LabelSelector } from '../types';

export type LabelOperator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  op: LabelOperator;
  values: string[];
}

export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function labelKeyError(key: string): string | undefined {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return 'prefix part must be a lowercase RFC 1123 subdomain';
  }
  if (!name || name.length > 63 || !NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

export function labelValueError(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !NAME.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

type Token = { kind: 'id'; text: string } | { kind: 'op'; text: string } | { kind: 'end' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const two = input.slice(i, i + 2);
    if (two === '==' || two === '!=') {
      tokens.push({ kind: 'op', text: two });
      i += 2;
      continue;
    }
    if ('=!(),<>'.includes(c)) {
      tokens.push({ kind: 'op', text: c });
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && !' \t=!(),<>'.includes(input[j] as string)) j++;
    tokens.push({ kind: 'id', text: input.slice(i, j) });
    i = j;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

function fail(detail: string): never {
  throw errors.badRequest(`unable to parse requirement: ${detail}`);
}

/** Parses `labelSelector`; throws a 400 for bad syntax. An empty string selects everything. */
export function parseLabelSelector(input: string): LabelRequirement[] {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { kind: 'end' };
  const next = (): Token => tokens[pos++] ?? { kind: 'end' };
  const describe = (t: Token) => (t.kind === 'end' ? "''" : `'${t.text}'`);
  const identifier = (what: string): string => {
    const t = next();
    if (t.kind !== 'id') fail(`found ${describe(t)}, expected: ${what}`);
    return t.text;
  };
  const reqs: LabelRequirement[] = [];
  if (peek().kind === 'end') return reqs;
  for (;;) {
    let req: LabelRequirement;
    const first = peek();
    if (first.kind === 'op' && first.text === '!') {
      next();
      req = { key: identifier('identifier after !'), op: '!', values: [] };
    } else {
      const key = identifier('identifier');
      const t = peek();
      if (t.kind === 'end' || (t.kind === 'op' && t.text === ',')) {
        req = { key, op: 'exists', values: [] };
      } else if (t.kind === 'op' && (t.text === '=' || t.text === '==' || t.text === '!=')) {
        next();
        const v = peek();
        const value = v.kind === 'id' ? (next(), v.text) : '';
        req = { key, op: t.text === '!=' ? '!=' : '=', values: [value] };
      } else if (t.kind === 'op' && (t.text === '<' || t.text === '>')) {
        next();
        const value = identifier('integer value');
        if (!/^-?\d+$/.test(value)) fail(`for 'gt', 'lt' operators, the value must be an integer`);
        req = { key, op: t.text === '>' ? 'gt' : 'lt', values: [value] };
      } else if (t.kind === 'id' && (t.text === 'in' || t.text === 'notin')) {
        next();
        const open = next();
        if (open.kind !== 'op' || open.text !== '(') fail(`found ${describe(open)}, expected: '('`);
        const values: string[] = [];
        for (;;) {
          const v = next();
          if (v.kind === 'id') values.push(v.text);
          else if (v.kind === 'op' && v.text === ')' && values.length === 0) break;
          else fail(`found ${describe(v)}, expected: identifier`);
          const sep = next();
          if (sep.kind === 'op' && sep.text === ')') break;
          if (sep.kind !== 'op' || sep.text !== ',') fail(`found ${describe(sep)}, expected: ',' or ')'`);
        }
        if (values.length === 0) fail(`for 'in', 'notin' operators, values set can't be empty`);
        req = { key, op: t.text, values };
      } else {
        fail(`found ${describe(t)}, expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    const keyErr = labelKeyError(req.key);
    if (keyErr) fail(`invalid label key "${req.key}": ${keyErr}`);
    for (const v of req.values) {
      const valueErr = req.op === 'gt' || req.op === 'lt' ? undefined : labelValueError(v);
      if (valueErr) fail(`invalid label value: "${v}": at key: "${req.key}": ${valueErr}`);
    }
    reqs.push(req);
    const sep = next();
    if (sep.kind === 'end') break;
    if (sep.kind !== 'op' || sep.text !== ',') fail(`found ${describe(sep)}, expected: ',' or 'end of string'`);
  }
  return reqs;
}

export function matchesRequirement(req: LabelRequirement, labels: Record<string, string> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.op) {
    case '=':
    case 'in':
      return has && req.values.includes(value as string);
    case '!=':
    case 'notin':
      return !has || !req.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value as string)) return false;
      const n = Number(value);
      const bound = Number(req.values[0]);
      return req.op === 'gt' ? n > bound : n < bound;
    }
  }
}

export function labelMatcher(reqs: LabelRequirement[]): LabelMatcher {
  if (reqs.length === 0) return () => true;
  return (labels) => reqs.every((r) => matchesRequirement(r, labels));
}

/** A LabelSelector object as requirements. An empty selector selects everything (as in workload specs). */
export function requirementsOf(selector: LabelSelector | undefined): LabelRequirement[] {
  const reqs: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) reqs.push({ key, op: '=', values: [value] });
  for (const e of selector?.matchExpressions ?? []) {
    const op: LabelOperator = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return reqs;
}

/** The query-string form, keys sorted as the real server prints them: "app=web,tier in (a,b)". */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  return requirementsOf(selector)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      switch (r.op) {
        case '=':
          return `${r.key}=${r.values[0] ?? ''}`;
        case '!=':
          return `${r.key}!=${r.values[0] ?? ''}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.op} (${[...r.values].sort().join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${r.values[0] ?? ''}`;
        case 'lt':
          return `${r.key}<${r.values[0] ?? ''}`;
      }
    })
    .join(',');
}
