import type { LabelMatcher, MatcherOp } from '@contract';
import { MATCHER_OPS } from '@contract/types';

interface Props {
  matchers: LabelMatcher[];
  onChange(matchers: LabelMatcher[]): void;
}

/** Rows of label name, operator (=, !=, =~, !~) and value, as Alertmanager's silences take them. */
export function MatcherEditor({ matchers, onChange }: Props) {
  const set = (i: number, patch: Partial<LabelMatcher>) => onChange(matchers.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <fieldset className="matcher-editor">
      <legend>Matchers</legend>
      {matchers.map((m, i) => (
        <div key={i} className="matcher-editor__row" data-testid="matcher-row">
          <input aria-label={`Matcher ${i + 1} label`} className="input mono" spellCheck={false} value={m.name} onChange={(e) => set(i, { name: e.target.value })} />
          <select aria-label={`Matcher ${i + 1} operator`} className="input" value={m.op} onChange={(e) => set(i, { op: e.target.value as MatcherOp })}>
            {MATCHER_OPS.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>
          <input aria-label={`Matcher ${i + 1} value`} className="input mono" spellCheck={false} value={m.value} onChange={(e) => set(i, { value: e.target.value })} />
          <button type="button" className="button button--small" aria-label={`Remove matcher ${i + 1}`} onClick={() => onChange(matchers.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...matchers, { name: '', op: '=', value: '' }])}>
        Add matcher
      </button>
    </fieldset>
  );
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Matchers the host will take: at least one, each with a label name. */
export const matchersUsable = (matchers: LabelMatcher[]): boolean => matchers.length > 0 && matchers.every((m) => LABEL_NAME.test(m.name));
