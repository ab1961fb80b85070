import { useRef, useState, type UIEvent } from 'react';
import { errorMessage } from '../../state/resource';

export interface EditorProblem {
  line: number;
  column: number;
  message: string;
}

/** What a check or a save found: its problems, or a note that all is well. */
export interface EditorVerdict {
  problems: EditorProblem[];
  note: string;
}

interface Props {
  label: string;
  testId: string;
  text: string;
  onChange(text: string): void;
  placeholder?: string;
  onValidate(text: string): Promise<EditorVerdict>;
  onSave(text: string): Promise<EditorVerdict>;
  /** Problems known before any check, such as those of the saved file. */
  initialProblems?: EditorProblem[];
  /** Shown to read and check only: no typing, no Save. */
  readOnly?: boolean;
}

/** Where line `line` (1-based) starts in `text`. */
export function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return at;
}

/** A monospace text editor with line numbers, Validate and Save, and problems that jump to their line. */
export function CodeEditor({ label, testId, text, onChange, placeholder, onValidate, onSave, initialProblems = [], readOnly = false }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const [verdict, setVerdict] = useState<EditorVerdict>({ problems: initialProblems, note: '' });
  const [busy, setBusy] = useState(false);
  const lines = text.split('\n').length;

  const run = async (action: (t: string) => Promise<EditorVerdict>) => {
    setBusy(true);
    try {
      setVerdict(await action(text));
    } catch (err) {
      setVerdict({ problems: [], note: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const goTo = (p: EditorProblem) => {
    const el = area.current;
    if (!el) return;
    const at = Math.min(lineOffset(text, p.line) + Math.max(0, p.column - 1), text.length);
    el.focus();
    el.setSelectionRange(at, at);
  };

  const syncGutter = (e: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
  };

  return (
    <div className="code-editor">
      <div className="code-editor__body">
        <pre ref={gutter} className="code-editor__gutter mono" aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => i + 1).join('\n')}
        </pre>
        <textarea
          ref={area}
          className="input code-editor__text mono"
          aria-label={label}
          data-testid={testId}
          spellCheck={false}
          wrap="off"
          placeholder={placeholder}
          readOnly={readOnly}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncGutter}
        />
      </div>
      <div className="code-editor__bar">
        <button type="button" className="button button--small" disabled={busy} onClick={() => void run(onValidate)}>
          Validate
        </button>
        <button type="button" className="button button--small button--primary" disabled={busy || readOnly} onClick={() => void run(onSave)}>
          Save
        </button>
        <span className="muted" role="status">
          {busy ? 'Working…' : verdict.note}
        </span>
      </div>
      {verdict.problems.length > 0 && (
        <ul className="code-editor__problems" aria-label="Problems">
          {verdict.problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="link-button" onClick={() => goTo(p)}>
                Line {p.line}:{p.column}
              </button>{' '}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
