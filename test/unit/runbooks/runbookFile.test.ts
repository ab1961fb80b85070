import { describe, expect, it } from 'vitest';
import { RunbookFileError } from '../../../src/runbooks/frontMatter';
import { parseRunbookText } from '../../../src/runbooks/runbookFile';
import { runbookText } from '../../helpers/runbookText';
import { testRegistry } from './testRegistry';

const registry = testRegistry();
const parse = (text: string) => parseRunbookText(text, registry);

/** The line and message of the error a text gets. */
function problem(text: string): { line: number; message: string } {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof RunbookFileError) return { line: err.line, message: err.message };
    throw err;
  }
  throw new Error('parsed without an error');
}

describe('runbook files', () => {
  it('reads front matter, sections, steps and the table of contents', () => {
    const r = parse(runbookText({ matter: { related_alerts: '[KubePodCrashLooping, {severity: critical, team: web}]', prerequisites: '[kubectl access]' } }));
    expect(r).toMatchObject({
      id: 'web-down',
      title: 'Web is down',
      category: 'kubernetes',
      severity: 'high',
      tags: ['web', 'pods'],
      prerequisites: ['kubectl access'],
      objectives: ['Bring web back'],
      relatedAlerts: [{ alertname: 'KubePodCrashLooping' }, { labels: { severity: 'critical', team: 'web' } }],
    });
    expect(r.steps.map((s) => [s.index, s.title, s.binding])).toEqual([
      [1, 'Look at the pods.', null],
      [2, 'Restart the deployment.', null],
    ]);
    expect(r.toc.map((t) => t.id)).toEqual(['web-is-down', 'steps', 'rollback', 'verification']);
  });

  it('names the line of a YAML error in the front matter', () => {
    const text = '---\nid: web-down\ntitle: Web\nid: again\n---\n';
    expect(problem(text)).toEqual({ line: 4, message: 'front matter: Map keys must be unique' });
  });

  it('names the missing field, the wrong value and the unknown field with their lines', () => {
    expect(problem(runbookText({ matter: { severity: null } }))).toEqual({ line: 7, message: 'front matter: the field "severity" is missing' });
    expect(problem(runbookText({ matter: { severity: 'urgent' } }))).toEqual({ line: 5, message: 'front matter: severity must be one of critical, high, medium, low' });
    expect(problem(runbookText({ matter: { id: 'Web Down' } }))).toMatchObject({ line: 2, message: expect.stringContaining('id must be lower-case') });
    expect(problem(runbookText({ matter: { owner: 'sre' } }))).toMatchObject({ line: 8, message: expect.stringContaining('unknown field "owner"') });
    expect(problem(runbookText({ matter: { tags: 'web' } }))).toMatchObject({ line: 6, message: 'front matter: tags must be a list' });
  });

  it('refuses a file without front matter or with front matter left open', () => {
    expect(problem('# Just a README\n')).toEqual({ line: 1, message: 'a runbook starts with YAML front matter between two --- lines' });
    expect(problem('---\nid: x\n# no end\n')).toEqual({ line: 1, message: 'the front matter is not closed: no --- line after it' });
  });

  it('requires the Steps, Rollback and Verification sections and a list of steps', () => {
    const noRollback = runbookText().replace('## Rollback', '## Undo');
    expect(problem(noRollback).message).toBe('the "## Rollback" section is missing (every runbook has Steps, Rollback, Verification)');
    const noList = runbookText({ steps: 'Just do it.' });
    expect(problem(noList)).toEqual({ line: 12, message: 'the "## Steps" section has no list: each list item is a step' });
  });

  it('binds an action to the step whose item holds the block', () => {
    const steps = ['1. Check the pods.', '2. Scale web back up.', '', '   ```opsdeck-action', '   kind: scale', '   context: prod', '   namespace: "{{ labels.namespace }}"', '   name: web', '   replicas: 3', '   ```', '3. Watch it.'].join('\n');
    const r = parse(runbookText({ steps }));
    expect(r.steps).toHaveLength(3);
    expect(r.steps[1]).toMatchObject({ index: 2, title: 'Scale web back up.', binding: { kind: 'scale', values: { context: 'prod', namespace: '{{ labels.namespace }}', name: 'web', replicas: 3 } } });
    // The action block is shown as the step's action, not as code.
    expect(r.steps[1]!.blocks.some((b) => b.t === 'code')).toBe(false);
  });

  it('refuses action blocks outside the steps, and bad bindings at their line', () => {
    const outside = runbookText({ extra: '\n```opsdeck-action\nkind: scale\n```\n' });
    expect(problem(outside)).toMatchObject({ message: 'an opsdeck-action block belongs inside a step of "## Steps"', line: 25 });
    const shell = runbookText({ steps: '1. Run it.\n\n   ```opsdeck-action\n   kind: shell\n   command: rm -rf /\n   ```' });
    expect(problem(shell)).toEqual({ line: 17, message: 'opsdeck-action: unknown kind "shell" (one of rollback, rollout-restart, scale)' });
    const unknownParam = runbookText({ steps: '1. Scale.\n\n   ```opsdeck-action\n   kind: scale\n   command: ls\n   ```' });
    expect(problem(unknownParam)).toMatchObject({ line: 18, message: expect.stringContaining('scale has no parameter "command"') });
    const badValue = runbookText({ steps: '1. Scale.\n\n   ```opsdeck-action\n   kind: scale\n   replicas: many\n   ```' });
    expect(problem(badValue)).toEqual({ line: 18, message: 'opsdeck-action: replicas must be a whole number' });
    const badNamespace = runbookText({ steps: '1. Scale.\n\n   ```opsdeck-action\n   kind: scale\n   namespace: Not_A_Namespace\n   ```' });
    expect(problem(badNamespace)).toMatchObject({ line: 18, message: expect.stringContaining('namespace: must be a DNS-1123 label') });
  });
});
