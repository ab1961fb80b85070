// @vitest-environment happy-dom
import type { ChannelInput } from '@contract';
import { MAX_LOG_LINES } from '@contract/types';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findMatches, highlightParts, stepMatch } from '../../../renderer/src/components/logs/logSearch';
import { renderClusterAt } from './clustersFixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY } from './helpers/renderApp';

afterEach(cleanup);

describe('log search', () => {
  it('finds the lines that contain the query, ignoring case', () => {
    expect(findMatches(['GET /a 200', 'error: boom', 'ERROR again', 'fine'], 'error')).toEqual([1, 2]);
    expect(findMatches(['a'], '')).toEqual([]);
  });

  it('cuts a line into matches and the text between them', () => {
    expect(highlightParts('Error: an error', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ': an ', match: false },
      { text: 'error', match: true },
    ]);
    expect(highlightParts('aaa', 'aa')).toEqual([
      { text: 'aa', match: true },
      { text: 'a', match: false },
    ]);
    expect(highlightParts('', 'x')).toEqual([{ text: '', match: false }]);
  });

  it('steps through matches, wrapping at both ends', () => {
    expect(stepMatch(0, 3, 1)).toBe(1);
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(0);
  });
});

const renderLogs = (over: Handlers = {}) =>
  renderClusterAt('kind=pods&obj=shop%2Fweb-6d4b-x1', {
    'k8s.logs': ({ container, previous }) => ({ lines: [`${container} ${previous ? 'previous' : 'current'} started`, 'GET /health 200', 'error: db timeout'], truncated: false }),
    ...over,
  });

async function openLogs(container = 'web') {
  const pane = await screen.findByTestId('detail-pane', {}, LAZY);
  fireEvent.click(await within(pane).findByRole('button', { name: `Logs of ${container}` }));
  return pane;
}

const lineCount = () => Number(screen.getByTestId('log-lines').dataset.count);

describe('pod logs', () => {
  it('reads the chosen container, offers its previous instance only when it has one, and marks search matches', async () => {
    const view = renderLogs();
    const pane = await openLogs('web');
    await waitFor(() => expect(lineCount()).toBe(3));
    expect(view.callsTo('k8s.logs')[0]?.input).toEqual({ context: 'prod', namespace: 'shop', pod: 'web-6d4b-x1', container: 'web', previous: false, timestamps: false, tailLines: 1000 });

    const previous = within(pane).getByRole('checkbox', { name: 'Previous instance' }) as HTMLInputElement;
    expect(previous.disabled).toBe(false);
    fireEvent.click(previous);
    await waitFor(() => expect(screen.getByTestId('log-lines').textContent).toContain('web previous started'));
    expect(view.callsTo('k8s.logs').at(-1)?.input).toMatchObject({ container: 'web', previous: true });

    fireEvent.change(within(pane).getByRole('combobox', { name: 'Container' }), { target: { value: 'sidecar' } });
    await waitFor(() => expect(screen.getByTestId('log-lines').textContent).toContain('sidecar current started'));
    expect((within(pane).getByRole('checkbox', { name: 'Previous instance' }) as HTMLInputElement).disabled).toBe(true);

    fireEvent.change(within(pane).getByRole('combobox', { name: 'Lines' }), { target: { value: '10000' } });
    fireEvent.click(within(pane).getByRole('checkbox', { name: 'Timestamps' }));
    await waitFor(() => expect(view.callsTo('k8s.logs').at(-1)?.input).toMatchObject({ container: 'sidecar', tailLines: 10_000, timestamps: true }));

    const search = within(pane).getByRole('textbox', { name: 'Search the log' });
    fireEvent.change(search, { target: { value: 'GET' } });
    await waitFor(() => expect(screen.getByTestId('log-matches').dataset.count).toBe('1'));
    expect([...screen.getByTestId('log-lines').querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['GET']);
    expect(screen.getByTestId('log-lines').querySelector('.log-line--current')?.textContent).toBe('GET /health 200');
  });

  it('follows a stream, appending chunks, and stops it when the pane closes', async () => {
    let answer: (v: { streamId: string }) => void = () => undefined;
    const view = renderLogs({ 'k8s.logs.follow': () => new Promise((resolve) => (answer = resolve)) });
    const pane = await openLogs();
    await waitFor(() => expect(lineCount()).toBe(3));
    fireEvent.click(within(pane).getByRole('checkbox', { name: 'Follow' }));
    await waitFor(() => expect(view.callsTo('k8s.logs.follow')).toHaveLength(1));
    expect(view.callsTo('k8s.logs.follow')[0]?.input).toMatchObject({ container: 'web', tailLines: 1000 });

    // A chunk may come before the answer that names its stream.
    act(() => view.emit('k8s.logChunk', { streamId: 's1', lines: ['first', 'second'], ended: false, error: null }));
    act(() => answer({ streamId: 's1' }));
    await waitFor(() => expect(lineCount()).toBe(2));
    act(() => view.emit('k8s.logChunk', { streamId: 'other', lines: ['not mine'], ended: false, error: null }));
    act(() => view.emit('k8s.logChunk', { streamId: 's1', lines: ['third'], ended: false, error: null }));
    await waitFor(() => expect(lineCount()).toBe(3));
    expect(screen.getByTestId('log-lines').textContent).not.toContain('not mine');
    expect(screen.getByTestId('log-status').textContent).toContain('following');

    fireEvent.click(within(pane).getByRole('button', { name: 'Close details' }));
    await waitFor(() => expect(view.callsTo('k8s.logs.stop').map((c) => c.input)).toEqual([{ streamId: 's1' }]));
  });

  it('stops a stream whose id arrives after the view has gone', async () => {
    let answer: (v: { streamId: string }) => void = () => undefined;
    const view = renderLogs({ 'k8s.logs.follow': () => new Promise((resolve) => (answer = resolve)) });
    const pane = await openLogs();
    fireEvent.click(within(pane).getByRole('checkbox', { name: 'Follow' }));
    await waitFor(() => expect(view.callsTo('k8s.logs.follow')).toHaveLength(1));
    fireEvent.click(within(pane).getByRole('tab', { name: 'Summary' }));
    expect(view.callsTo('k8s.logs.stop')).toHaveLength(0);
    await act(async () => answer({ streamId: 'late' }));
    await waitFor(() => expect(view.callsTo('k8s.logs.stop').map((c) => c.input)).toEqual([{ streamId: 'late' }]));
  });

  it('says when the stream ends and why', async () => {
    const view = renderLogs({ 'k8s.logs.follow': () => ({ streamId: 's2' }) });
    const pane = await openLogs();
    fireEvent.click(within(pane).getByRole('checkbox', { name: 'Follow' }));
    await waitFor(() => expect(view.callsTo('k8s.logs.follow')).toHaveLength(1));
    act(() => view.emit('k8s.logChunk', { streamId: 's2', lines: ['bye'], ended: true, error: 'container "web" in pod "web-6d4b-x1" is terminated' }));
    await waitFor(() => expect(screen.getByTestId('log-status').textContent).toContain('stream failed: container "web" in pod "web-6d4b-x1" is terminated'));
    // An ended stream needs no stop.
    fireEvent.click(within(pane).getByRole('button', { name: 'Close details' }));
    expect(view.callsTo('k8s.logs.stop')).toHaveLength(0);
  });

  it('renders only the lines in view of a 50,000-line log and finds matches in all of it', async () => {
    const lines = Array.from({ length: MAX_LOG_LINES }, (_, i) => (i % 1000 === 999 ? `line ${i} panic: nil map` : `line ${i} ok`));
    renderLogs({ 'k8s.logs': () => ({ lines, truncated: true }) });
    const pane = await openLogs();
    await waitFor(() => expect(lineCount()).toBe(MAX_LOG_LINES));
    expect(screen.getByTestId('log-lines').querySelectorAll('.log-line').length).toBeLessThan(100);
    expect(screen.getByTestId('log-status').textContent).toContain('older lines not shown');

    const search = within(pane).getByRole('textbox', { name: 'Search the log' });
    fireEvent.change(search, { target: { value: 'PANIC' } });
    await waitFor(() => expect(screen.getByTestId('log-matches').textContent).toBe('1 of 50'));
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('log-lines').querySelector('.log-line--current')?.textContent).toBe('line 1999 panic: nil map'));
    fireEvent.click(within(pane).getByRole('button', { name: 'Previous match' }));
    fireEvent.click(within(pane).getByRole('button', { name: 'Previous match' }));
    await waitFor(() => expect(screen.getByTestId('log-matches').textContent).toBe('50 of 50'));
    expect(screen.getByTestId('log-lines').querySelector('.log-line--current')?.textContent).toBe('line 49999 panic: nil map');
  });

  it('downloads the whole log as a .log file', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:log'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const view = renderLogs();
    const pane = await openLogs();
    fireEvent.click(await within(pane).findByRole('button', { name: 'Download .log' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const read = view.callsTo('k8s.logs').at(-1)?.input as ChannelInput<'k8s.logs'>;
    expect(read).toMatchObject({ container: 'web', tailLines: MAX_LOG_LINES });
    expect(await created[0]!.text()).toBe('web current started\nGET /health 200\nerror: db timeout\n');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('web-6d4b-x1_web.log');
    click.mockRestore();
  });
});
