/**
 * Kubernetes label selectors as kubectl accepts them: equality (`app=web`, `tier!=cache`),
 * set-based (`env in (prod,staging)`, `env notin (dev)`, `canary`, `!canary`) and
 * integer comparison (`gen>3`), joined by commas. Parsed once per query, matched per object.
 */

export type LabelRequirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: ReadonlySet<string> }
  | { key: string; op: 'exists' | 'absent' }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type Labels = Readonly<Record<string, string>>;

export class LabelSelectorError extends Error {
  override name = 'LabelSelectorError';
}

type Token = { kind: 'word' | 'op'; text: string; at: number } | { kind: 'end'; text: ''; at: number };

const OPS = ['==', '!=', '=', '!', ',', '(', ')', '>', '<'];
const SPECIAL = new Set(['=', '!', ',', '(', ')', '>', '<', ' ', '\t', '\n']);
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    const op = OPS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    const start = i;
    while (i < input.length && !SPECIAL.has(input[i]!)) i++;
    tokens.push({ kind: 'word', text: input.slice(start, i), at: start });
  }
  tokens.push({ kind: 'end', text: '', at: input.length });
  return tokens;
}

function checkKey(key: string, at: number): void {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      throw new LabelSelectorError(`"${key}" at position ${at + 1}: the prefix before "/" must be a lowercase DNS subdomain`);
    }
  }
  if (name.length > 63 || !NAME.test(name)) {
    throw new LabelSelectorError(
      `"${key}" at position ${at + 1} is not a valid label key: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`,
    );
  }
}

function checkValue(value: string, at: number): void {
  if (value !== '' && (value.length > 63 || !NAME.test(value))) {
    throw new LabelSelectorError(
      `"${value}" at position ${at + 1} is not a valid label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`,
    );
  }
}

/** Parses a selector; the empty string selects everything. Throws LabelSelectorError saying what is wrong and where. */
export function parseLabelSelector(input: string): LabelRequirement[] {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const take = () => tokens[pos++]!;
  const shown = (t: Token) => (t.kind === 'end' ? 'the end' : `"${t.text}"`);
  const expected = (what: string, t: Token): never => {
    throw new LabelSelectorError(`expected ${what} at position ${t.at + 1}, found ${shown(t)}`);
  };
  const word = (what: string): Token => {
    const t = take();
    return t.kind === 'word' ? t : expected(what, t);
  };

  const requirement = (): LabelRequirement => {
    if (peek().kind === 'op' && peek().text === '!') {
      take();
      const k = word('a label key after "!"');
      checkKey(k.text, k.at);
      return { key: k.text, op: 'absent' };
    }
    const k = word('a label key');
    checkKey(k.text, k.at);
    const key = k.text;
    const t = peek();
    if (t.kind === 'end' || t.text === ',') return { key, op: 'exists' };
    if (t.text === '=' || t.text === '==' || t.text === '!=') {
      take();
      const v = peek().kind === 'word' ? take() : { text: '', at: t.at };
      checkValue(v.text, v.at);
      return { key, op: t.text === '!=' ? 'neq' : 'eq', value: v.text };
    }
    if (t.text === '>' || t.text === '<') {
      take();
      const v = word('an integer');
      if (!/^-?\d+$/.test(v.text)) expected('an integer', v);
      return { key, op: t.text === '>' ? 'gt' : 'lt', value: Number(v.text) };
    }
    if (t.kind === 'word' && (t.text === 'in' || t.text === 'notin')) {
      take();
      const open = take();
      if (open.text !== '(') expected(`"(" after "${t.text}"`, open);
      const values = new Set<string>();
      for (;;) {
        const v = word('a label value');
        checkValue(v.text, v.at);
        values.add(v.text);
        const sep = take();
        if (sep.text === ')') break;
        if (sep.text !== ',') expected('"," or ")"', sep);
      }
      return { key, op: t.text === 'in' ? 'in' : 'notin', values };
    }
    return expected('"=", "!=", "in", "notin", ">", "<" or ","', t);
  };

  const requirements: LabelRequirement[] = [];
  if (peek().kind === 'end') return requirements;
  for (;;) {
    requirements.push(requirement());
    const t = take();
    if (t.kind === 'end') return requirements;
    if (t.text !== ',') expected('"," between requirements', t);
  }
}

function matchesOne(r: LabelRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'eq':
      return value === r.value;
    case 'neq':
      return value !== r.value;
    case 'in':
      return value !== undefined && r.values.has(value);
    case 'notin':
      return value === undefined || !r.values.has(value);
    case 'exists':
      return has;
    case 'absent':
      return !has;
    case 'gt':
    case 'lt': {
      if (value === undefined || !/^-?\d+$/.test(value)) return false;
      const n = Number(value);
      return r.op === 'gt' ? n > r.value : n < r.value;
    }
  }
}

export function matchesLabels(requirements: readonly LabelRequirement[], labels: Labels): boolean {
  for (const r of requirements) if (!matchesOne(r, labels)) return false;
  return true;
}
