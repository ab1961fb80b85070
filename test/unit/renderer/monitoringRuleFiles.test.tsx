// @vitest-environment happy-dom
import type { RuleFileInfo, RuleFileText } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, renderApp } from './helpers/renderApp';
import { monitoringHandlers } from './monitoringFixtures';

afterEach(cleanup);
beforeEach(() => history.replaceState(null, '', '/#/monitoring?view=rules'));

const info = (name: string, readOnly: boolean): RuleFileInfo => ({ name, path: `/rules/${name}`, readOnly, groups: 1, problems: [] });
const texts: Record<string, RuleFileText> = {
  'queues.yml': { name: 'queues.yml', text: 'groups:\n  - name: queues\n    rules: []\n', readOnly: false },
  'defaults/host.yml': { name: 'defaults/host.yml', text: 'groups:\n  - name: host\n    rules: []\n', readOnly: true },
};
const handlers = (over = {}) =>
  monitoringHandlers({
    'rules.files': () => [info('defaults/host.yml', true), info('queues.yml', false)],
    'rules.read': ({ name }) => texts[name]!,
    ...over,
  });

const open = async (name: string) => {
  const row = (await screen.findByText(name, { selector: 'td' }, LAZY)).closest('tr')!;
  fireEvent.click(within(row).getByRole('button', { name: 'Open' }));
  return (await screen.findByTestId('rule-editor')) as HTMLTextAreaElement;
};

describe('Monitoring: opening a rule file', () => {
  it("loads a user file's text into the editor and saves the edit under its name", async () => {
    const { callsTo } = renderApp({ tab: 'monitoring', handlers: handlers({ 'rules.save': () => [], 'rules.validate': () => ({ valid: true, problems: [], exprsChecked: true }) }) });
    const editor = await open('queues.yml');
    expect(callsTo('rules.read').map((c) => c.input)).toEqual([{ name: 'queues.yml' }]);
    expect(editor.value).toBe(texts['queues.yml']!.text);
    expect(editor.readOnly).toBe(false);
    expect((screen.getByLabelText('Rule file name') as HTMLInputElement).value).toBe('queues.yml');

    const edited = `${editor.value}# quieter\n`;
    fireEvent.change(editor, { target: { value: edited } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo('rules.save').map((c) => c.input)).toEqual([{ name: 'queues.yml', text: edited }]));
  });

  it('shows a default file read-only, with Save disabled', async () => {
    renderApp({ tab: 'monitoring', handlers: handlers() });
    const editor = await open('defaults/host.yml');
    expect(editor.value).toBe(texts['defaults/host.yml']!.text);
    expect(editor.readOnly).toBe(true);
    expect((screen.getByLabelText('Rule file name') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/This file is read-only/)).toBeTruthy();
  });

  it("says why a file could not be read, in the host's words", async () => {
    renderApp({
      tab: 'monitoring',
      handlers: handlers({
        'rules.read': () => {
          throw new Error('No rule file queues.yml');
        },
      }),
    });
    fireEvent.click(within((await screen.findByText('queues.yml', { selector: 'td' }, LAZY)).closest('tr')!).getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('No rule file queues.yml')).toBeTruthy();
    expect(screen.queryByTestId('rule-editor')).toBeNull();
  });
});
