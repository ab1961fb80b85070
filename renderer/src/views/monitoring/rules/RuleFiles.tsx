import type { RuleFileInfo } from '@contract';
import { useState } from 'react';
import { useApp } from '../../../state/StoreProvider';
import { OpenRuleFile } from './OpenRuleFile';
import { RuleFileEditor } from './RuleFileEditor';

interface Props {
  files: RuleFileInfo[];
  /** The file name open in the editor; '' for none. */
  open: string;
  onOpen(name: string): void;
  onSaved(): void;
}

const folderOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));

/** The rule files, and the editor for a new file or an opened one (read-only for the defaults and generated files). */
export function RuleFiles({ files, open, onOpen, onSaved }: Props) {
  const appInfo = useApp((s) => s.appInfo);
  const [creating, setCreating] = useState(false);
  const userFile = files.find((f) => !f.readOnly);
  const folder = userFile ? folderOf(userFile.path) : appInfo.status === 'ready' ? `${appInfo.data.dataDir}/rules` : 'the rules folder in the data folder';

  return (
    <section className="rule-files" aria-label="Rule files">
      <div className="section-head">
        <h2>Rule files</h2>
        <button type="button" className="button button--small" onClick={() => (setCreating(true), onOpen(''))}>
          New rule file…
        </button>
      </div>
      <p className="note">
        Your rule files live in <span className="mono">{folder}</span> (YAML in Prometheus&apos;s rule format); the defaults shipped with Opsdeck
        are read-only.
      </p>
      {files.length > 0 && (
        <table className="table" aria-label="Rule files">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Groups</th>
              <th scope="col">Problems</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path} data-file={f.name}>
                <td className="mono" title={f.path}>
                  {f.name}
                </td>
                <td>{f.groups}</td>
                <td>{f.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ') || 'none'}</td>
                <td>
                  {f.readOnly && <span className="badge">read-only</span>}{' '}
                  <button type="button" className="button button--small" onClick={() => (setCreating(false), onOpen(f.name))}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== '' ? (
        <OpenRuleFile key={open} name={open} problems={files.find((f) => f.name === open)?.problems ?? []} onSaved={onSaved} onClose={() => onOpen('')} />
      ) : (
        creating && <RuleFileEditor file={null} problems={[]} onSaved={onSaved} onClose={() => setCreating(false)} />
      )}
    </section>
  );
}
