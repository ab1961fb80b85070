import type { LabelMatcher } from '../../contract';

/** Alertmanager's regex matchers are anchored at both ends. */
export function matcherRegex(value: string): RegExp {
  return new RegExp(`^(?:${value})$`);
}

/** Why a matcher cannot be used, or null. */
export function matcherProblem(m: LabelMatcher): string | null {
  if (m.op !== '=~' && m.op !== '!~') return null;
  try {
    matcherRegex(m.value);
    return null;
  } catch (err) {
    return `matcher ${m.name}${m.op}"${m.value}": ${(err as Error).message}`;
  }
}

/** Alertmanager's semantics: a label the alert lacks counts as the empty string. */
export function matches(m: LabelMatcher, labels: Record<string, string>): boolean {
  const actual = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return actual === m.value;
    case '!=':
      return actual !== m.value;
    case '=~':
      return matcherRegex(m.value).test(actual);
    case '!~':
      return !matcherRegex(m.value).test(actual);
  }
}

/** A silence applies when every one of its matchers matches. */
export const matchesAll = (matchers: LabelMatcher[], labels: Record<string, string>) => matchers.every((m) => matches(m, labels));
