import type { RuleFileText, RuleProblem } from '@contract';
import { useState } from 'react';
import { useApp } from '../../../state/StoreProvider';
import { CodeEditor, type EditorVerdict } from '../CodeEditor';

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;

const PLACEHOLDER = `groups:
  - name: my-group
    rules:
      - alert: HighLoad
        expr: node_load1 > 4
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: Load is {{ $value }}`;

interface Props {
  /** The file opened, as rules.read returned it; null for a new file. */
  file: RuleFileText | null;
  problems: RuleProblem[];
  onSaved(): void;
  onClose(): void;
}

/**
 * Writes a user rule file: validated (expressions too, when a source is connected), then saved into the rules folder.
 * A read-only file is shown to read and check.
 */
export function RuleFileEditor({ file, problems, onSaved, onClose }: Props) {
  const client = useApp((s) => s.client);
  const [name, setName] = useState(file?.name ?? 'rules.yml');
  const [text, setText] = useState(file?.text ?? '');
  const readOnly = file?.readOnly ?? false;
  const nameOk = FILE_NAME.test(name);

  const validate = async (t: string): Promise<EditorVerdict> => {
    const v = await client.call('rules.validate', { name: nameOk ? name : 'rules.yml', text: t });
    const checked = v.exprsChecked ? '' : ' Expressions were not checked: no Prometheus source is connected.';
    return { problems: v.problems, note: v.valid ? `Valid.${checked}` : `${v.problems.length} problem(s).${checked}` };
  };
  const save = async (t: string): Promise<EditorVerdict> => {
    if (!nameOk) return { problems: [], note: 'The file name must end in .yml or .yaml (letters, digits, ".", "_" and "-").' };
    // The host refuses invalid text; checking first lists its problems by line.
    const checked = await validate(t);
    if (checked.problems.length > 0) return checked;
    await client.call('rules.save', { name, text: t });
    onSaved();
    return { problems: [], note: `Saved ${name}.` };
  };

  return (
    <section className="rule-editor" aria-label="Rule file editor">
      <div className="section-head">
        <label className="pod-filters__field">
          <span>File name</span>
          <input className="mono" aria-label="Rule file name" spellCheck={false} readOnly={readOnly} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="button" className="button button--small" onClick={onClose}>
          Close editor
        </button>
      </div>
      {readOnly ? (
        <p className="note">This file is read-only: Opsdeck ships or generates it. To change a rule, copy it into a new rule file.</p>
      ) : (
        file && (
          <p className="note">
            Saving replaces <span className="mono">{file.name}</span> whole with the text below.
          </p>
        )
      )}
      <CodeEditor
        label="Rule file text"
        testId="rule-editor"
        text={text}
        placeholder={PLACEHOLDER}
        onChange={setText}
        onValidate={validate}
        onSave={save}
        initialProblems={problems}
        readOnly={readOnly}
      />
    </section>
  );
}
