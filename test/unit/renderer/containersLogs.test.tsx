// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { linesOf, logFileText } from '../../../renderer/src/views/containers/logFilter';
import { WEB, dockerHost } from './containersFixtures';
import type { Handlers } from './helpers/fakeClient';
import { LAZY, renderApp } from './helpers/renderApp';

afterEach(cleanup);

const out = (text: string, ts: string | null = null) => ({ stream: 'stdout' as const, ts, text });
const err = (text: string, ts: string | null = null) => ({ stream: 'stderr' as const, ts, text });

describe('log filter', () => {
  it('keeps the chosen stream and marks stderr in a file of both', () => {
    const lines = [out('GET / 200'), err('warn: slow'), out('GET /a 404', '2026-11-23T13:00:00.000000001Z')];
    expect(linesOf(lines, 'stderr')).toEqual([lines[1]]);
    expect(linesOf(lines, 'both')).toBe(lines);
    expect(logFileText(lines, 'both')).toBe('GET / 200\n[stderr] warn: slow\n2026-11-23T13:00:00.000000001Z GET /a 404\n');
    expect(logFileText(linesOf(lines, 'stdout'), 'stdout')).toBe('GET / 200\n2026-11-23T13:00:00.000000001Z GET /a 404\n');
    expect(logFileText([], 'both')).toBe('');
  });
});

function renderLogs(over: Handlers = {}) {
  history.replaceState(null, '', `/#/containers?c=default%3A${WEB.id}&pane=logs`);
  return renderApp({ tab: 'containers', handlers: dockerHost(over) });
}

const shownLines = () => [...screen.getByTestId('log-lines').querySelectorAll('.log-line')];

describe('container logs', () => {
  it('follows the log, colours stderr, filters by stream, marks matches and stops the stream on close', async () => {
    let answer: (v: { streamId: string; tty: boolean }) => void = () => undefined;
    const view = renderLogs({ 'docker.logs.follow': () => new Promise((resolve) => (answer = resolve)) });
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    await waitFor(() => expect(view.callsTo('docker.logs.follow')).toHaveLength(1));
    expect(view.callsTo('docker.logs.follow')[0]?.input).toEqual({ engine: 'default', id: WEB.id, timestamps: false, tailLines: 1000 });

    // A chunk can come before the answer naming its stream; chunks of other streams are not ours.
    act(() => view.emit('docker.logChunk', { streamId: 's1', lines: [out('listening on :80'), err('error: cache miss')], ended: false, error: null }));
    act(() => answer({ streamId: 's1', tty: false }));
    act(() => view.emit('docker.logChunk', { streamId: 's2', lines: [out('not mine')], ended: false, error: null }));
    act(() => view.emit('docker.logChunk', { streamId: 's1', lines: [out('GET /health 200'), err('error: db timeout')], ended: false, error: null }));
    await waitFor(() => expect(shownLines()).toHaveLength(4));
    expect(shownLines().map((l) => l.textContent)).toEqual(['listening on :80', 'error: cache miss', 'GET /health 200', 'error: db timeout']);
    expect(shownLines().map((l) => l.classList.contains('log-line--stderr'))).toEqual([false, true, false, true]);
    expect(within(pane).getByTestId('container-log-status').textContent).toContain('following');

    fireEvent.change(within(pane).getByRole('combobox', { name: 'Streams' }), { target: { value: 'stderr' } });
    await waitFor(() => expect(shownLines().map((l) => l.textContent)).toEqual(['error: cache miss', 'error: db timeout']));
    fireEvent.change(within(pane).getByRole('textbox', { name: 'Search the log' }), { target: { value: 'TIMEOUT' } });
    await waitFor(() => expect(screen.getByTestId('log-matches').dataset.count).toBe('1'));
    expect([...screen.getByTestId('log-lines').querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['timeout']);
    expect(screen.getByTestId('log-lines').querySelector('.log-line--current')?.textContent).toBe('error: db timeout');
    // Changing the filter does not restart the stream.
    expect(view.callsTo('docker.logs.follow')).toHaveLength(1);

    fireEvent.click(within(pane).getByRole('button', { name: 'Close details' }));
    await waitFor(() => expect(view.callsTo('docker.logs.stop').map((c) => c.input)).toEqual([{ streamId: 's1' }]));
  });

  it('reads the tail without following, with timestamps and a chosen length, and says when a stream ended', async () => {
    const view = renderLogs({
      'docker.logs': ({ timestamps }) => ({ lines: [out('ready', timestamps ? '2026-11-23T13:00:00Z' : null)], tty: false, truncated: true }),
      'docker.logs.follow': () => ({ streamId: 's9', tty: false }),
    });
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    await waitFor(() => expect(view.callsTo('docker.logs.follow')).toHaveLength(1));
    act(() => view.emit('docker.logChunk', { streamId: 's9', lines: [out('bye')], ended: true, error: null }));
    await waitFor(() => expect(within(pane).getByTestId('container-log-status').textContent).toContain('stream ended'));

    fireEvent.click(within(pane).getByRole('checkbox', { name: 'Follow' }));
    fireEvent.click(within(pane).getByRole('checkbox', { name: 'Timestamps' }));
    fireEvent.change(within(pane).getByRole('combobox', { name: 'Lines' }), { target: { value: '10000' } });
    await waitFor(() => expect(view.callsTo('docker.logs').at(-1)?.input).toEqual({ engine: 'default', id: WEB.id, timestamps: true, tailLines: 10_000 }));
    await waitFor(() => expect(shownLines().map((l) => l.textContent)).toEqual(['2026-11-23T13:00:00Z ready']));
    expect(within(pane).getByTestId('container-log-status').textContent).toContain('older lines not shown');
    // The ended stream needed no stop.
    expect(view.callsTo('docker.logs.stop')).toHaveLength(0);
  });

  it('says when the container has a TTY and its streams cannot be told apart', async () => {
    const view = renderLogs({ 'docker.logs.follow': () => ({ streamId: 't1', tty: true }) });
    const pane = await screen.findByTestId('container-detail', {}, LAZY);
    await waitFor(() => expect(view.callsTo('docker.logs.follow')).toHaveLength(1));
    await waitFor(() => expect(within(pane).getByTestId('container-log-status').textContent).toContain('TTY'));
    expect((within(pane).getByRole('combobox', { name: 'Streams' }) as HTMLSelectElement).disabled).toBe(true);
  });
});
