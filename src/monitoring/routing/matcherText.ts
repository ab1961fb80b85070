import type { LabelMatcher, MatcherOp } from '../../contract';
import { matcherProblem } from '../rules/matchers';

/** One matcher: a label name, an operator and the rest (quoted or not), as Alertmanager reads it. */
const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

export class MatcherSyntaxError extends Error {}

/** Splits on commas outside double quotes; a backslash escapes the next character. */
function splitTokens(text: string): string[] {
  const tokens: string[] = [];
  let token = '';
  let quoted = false;
  let escaped = false;
  for (const ch of text) {
    if (!quoted && ch === ',') {
      tokens.push(token);
      token = '';
      continue;
    }
    token += ch;
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === '"') quoted = !quoted;
  }
  if (token.trim() !== '') tokens.push(token);
  return tokens;
}

function parseOne(text: string): LabelMatcher {
  const m = MATCHER.exec(text);
  if (!m) throw new MatcherSyntaxError(`bad matcher format: ${text}`);
  let raw = m[3]!;
  let expectQuote = raw.startsWith('"');
  if (expectQuote) raw = raw.slice(1);
  let value = '';
  const chars = [...raw];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i < chars.length - 1) {
      const next = chars[++i]!;
      value += next === 'n' ? '\n' : next === '"' || next === '\\' ? next : `\\${next}`;
    } else if (ch === '"') {
      if (!expectQuote || i < chars.length - 1) throw new MatcherSyntaxError(`matcher value contains unescaped double quote: ${m[3]}`);
      expectQuote = false;
    } else value += ch;
  }
  if (expectQuote) throw new MatcherSyntaxError(`matcher value contains unescaped double quote: ${m[3]}`);
  const matcher: LabelMatcher = { name: m[1]!, op: m[2] as MatcherOp, value };
  const problem = matcherProblem(matcher);
  if (problem) throw new MatcherSyntaxError(problem);
  return matcher;
}

/** Alertmanager's matcher list syntax: `foo="bar"`, `foo!~"x|y"`, several comma-separated, braces optional. */
export function parseMatchers(text: string): LabelMatcher[] {
  let inner = text;
  if (inner.startsWith('{')) inner = inner.slice(1);
  if (inner.endsWith('}')) inner = inner.slice(0, -1);
  return splitTokens(inner).map(parseOne);
}

/** The matcher as Alertmanager prints it. */
export const formatMatcher = (m: LabelMatcher) => `${m.name}${m.op}${JSON.stringify(m.value)}`;
