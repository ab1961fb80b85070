import type { RuleProblem } from '@contract';
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
  /** The user file it replaces; '' for a new file. */
  name: string;
  problems: RuleProblem[];
  onSaved(): void;
  onClose(): void;
}

/** Writes a user rule file: validated (expressions too, when a source is connected), then saved into the rules folder. */
export function RuleFileEditor({ name: initialName, problems, onSaved, onClose }: Props) {
  const client = useApp((s) => s.client);
  const [name, setName] = useState(initialName || 'rules.yml');
  const [text, setText] = useState('');
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
          <input className="mono" aria-label="Rule file name" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="button" className="button button--small" onClick={onClose}>
          Close editor
        </button>
      </div>
      {initialName && (
        <p className="note">
          Saving replaces <span className="mono">{initialName}</span> whole with the text below.
        </p>
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
      />
    </section>
  );
}
