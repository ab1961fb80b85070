import type { RoutingConfigInfo } from '@contract';
import { useEffect, useState } from 'react';
import { ResourceView } from '../../../components/ResourceView';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { useApp } from '../../../state/StoreProvider';
import { CodeEditor, type EditorVerdict } from '../CodeEditor';
import { RouteTester } from './RouteTester';
import { RouteTree } from './RouteTree';

/** The notification routing config: its text with Validate and Save, its route tree, and the route tester. */
export function RoutingSection() {
  const config = useNewestAnswer('routing.get', {});
  return (
    <section aria-label="Routing">
      <ResourceView resource={config.resource} onRetry={config.load} loadingLabel="Loading the routing config…" errorTitle="Could not load the routing config">
        {(info) => <RoutingEditor info={info} onSaved={config.receive} />}
      </ResourceView>
    </section>
  );
}

function RoutingEditor({ info, onSaved }: { info: RoutingConfigInfo; onSaved(info: RoutingConfigInfo): void }) {
  const client = useApp((s) => s.client);
  const [text, setText] = useState(info.text);
  const [matched, setMatched] = useState<number[][]>([]);
  useEffect(() => setText(info.text), [info.text]);

  const validate = async (t: string): Promise<EditorVerdict> => {
    const v = await client.call('routing.validate', { text: t });
    return { problems: v.problems, note: v.valid ? 'Valid.' : `${v.problems.length} problem(s).` };
  };
  const save = async (t: string): Promise<EditorVerdict> => {
    // The host refuses invalid text; checking first lists its problems by line.
    const checked = await validate(t);
    if (checked.problems.length > 0) return checked;
    const saved = await client.call('routing.save', { text: t });
    onSaved(saved);
    return { problems: saved.problems, note: `Saved to ${saved.path}.` };
  };

  return (
    <>
      <div className="section-head">
        <h2>Routing config</h2>
        <span className="muted mono">{info.path}</span>
      </div>
      {info.isDefault && <p className="note">This is the default config shipped with Opsdeck; saving writes it to the path above.</p>}
      <CodeEditor label="Routing config text" testId="routing-editor" text={text} onChange={setText} onValidate={validate} onSave={save} initialProblems={info.problems} />
      <div className="routing-panes">
        <section aria-label="Route tree" className="route-tree">
          <h3>Route tree (saved config)</h3>
          {info.tree ? <RouteTree route={info.tree} matched={matched} /> : <p className="muted">The saved config has problems; fix them to see its tree.</p>}
          <p className="muted">
            Receivers: {info.receivers.map((r) => r.name).join(', ') || 'none'} · inhibit rules: {info.inhibitRules}
          </p>
        </section>
        <RouteTester text={text} onMatched={setMatched} />
      </div>
    </>
  );
}
