import { goValue, humanize, humanizePercentage } from './goFormat';

/**
 * The subset of Prometheus's alert templates Opsdeck renders:
 *   {{ $labels.name }}   a label of the alert (empty when it has none)
 *   {{ $value }}         the series' value, as Go prints a float
 *   {{ $value | humanize }}, {{ $value | humanizePercentage }}, {{ $labels.name | toUpper }}, {{ ... | toLower }}
 * with {{- and -}} trimming whitespace as in Go. Anything else is a validation error.
 */
export const TEMPLATE_FUNCTIONS = ['humanize', 'humanizePercentage', 'toUpper', 'toLower'] as const;
type TemplateFunction = (typeof TEMPLATE_FUNCTIONS)[number];

export interface TemplateData {
  labels: Record<string, string>;
  value: number;
}

type Operand = { kind: 'value' } | { kind: 'label'; name: string };
type Part = string | { operand: Operand; pipeline: TemplateFunction[] };

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface Template {
  render(data: TemplateData): string;
  /** Whether it reads $value: if not, a series renders the same whatever its value. */
  usesValue: boolean;
}

const OPERAND = /^\$(?:value|labels\.([a-zA-Z_][a-zA-Z0-9_]*))$/;

function parseAction(action: string): Extract<Part, object> {
  const [head, ...pipes] = action.split('|').map((s) => s.trim());
  const operand = OPERAND.exec(head ?? '');
  if (!operand) throw new TemplateError(`unsupported template expression "${head}": use $labels.<name> or $value`);
  const pipeline = pipes.map((fn) => {
    if (!(TEMPLATE_FUNCTIONS as readonly string[]).includes(fn)) {
      throw new TemplateError(`function "${fn}" not defined: use one of ${TEMPLATE_FUNCTIONS.join(', ')}`);
    }
    return fn as TemplateFunction;
  });
  const numeric = pipeline.filter((fn) => fn === 'humanize' || fn === 'humanizePercentage');
  if (numeric.length && (operand[1] !== undefined || pipeline[0] !== numeric[0] || numeric.length > 1)) {
    throw new TemplateError(`${numeric[0]} takes a number: write {{ $value | ${numeric[0]} }}`);
  }
  return { operand: operand[1] === undefined ? { kind: 'value' } : { kind: 'label', name: operand[1] }, pipeline };
}

/** Parses a template; throws TemplateError with the reason. */
export function compileTemplate(text: string): Template {
  const parts: Part[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      parts.push(rest);
      break;
    }
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError('unclosed action: "{{" without "}}"');
    let inner = rest.slice(open + 2, close);
    let before = rest.slice(0, open);
    let after = rest.slice(close + 2);
    if (inner.startsWith('- ')) {
      before = before.trimEnd();
      inner = inner.slice(1);
    }
    if (inner.endsWith(' -')) {
      after = after.trimStart();
      inner = inner.slice(0, -1);
    }
    parts.push(before, parseAction(inner.trim()));
    rest = after;
  }
  return {
    usesValue: parts.some((part) => typeof part !== 'string' && part.operand.kind === 'value'),
    render: ({ labels, value }) =>
      parts
        .map((part) => {
          if (typeof part === 'string') return part;
          const start: string | number = part.operand.kind === 'value' ? value : (labels[part.operand.name] ?? '');
          return part.pipeline.reduce<string | number>((v, fn) => apply(fn, v), start);
        })
        .map((v) => (typeof v === 'number' ? goValue(v) : v))
        .join(''),
  };
}

function apply(fn: TemplateFunction, v: string | number): string {
  switch (fn) {
    case 'humanize':
      return humanize(v as number);
    case 'humanizePercentage':
      return humanizePercentage(v as number);
    case 'toUpper':
      return String(typeof v === 'number' ? goValue(v) : v).toUpperCase();
    case 'toLower':
      return String(typeof v === 'number' ? goValue(v) : v).toLowerCase();
  }
}
