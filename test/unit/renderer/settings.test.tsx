// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settings } from './helpers/fixtures';
import { LAZY, renderApp } from './helpers/renderApp';

beforeEach(() => {
  history.replaceState(null, '', '/');
  delete document.documentElement.dataset.theme;
});
afterEach(cleanup);

describe('Settings', () => {
  it('saves the theme through settings.update and applies it', async () => {
    const { callsTo } = renderApp({ tab: 'settings' });
    const dark = await screen.findByRole('radio', { name: 'Dark' }, LAZY);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'System' }).checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('system');

    fireEvent.click(dark);
    await waitFor(() => expect(callsTo('settings.update')).toEqual([{ channel: 'settings.update', input: { theme: 'dark' } }]));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Dark' }).checked).toBe(true);
  });

  it('shows a change at once, before the host confirms it', async () => {
    let confirm!: () => void;
    renderApp({
      tab: 'settings',
      handlers: { 'settings.update': (patch) => new Promise((resolve) => (confirm = () => resolve(settings(patch)))) },
    });
    fireEvent.click(await screen.findByRole('radio', { name: 'Dark' }, LAZY));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Dark' }).checked).toBe(true);
    await act(async () => confirm());
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Dark' }).checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('pauses desktop notifications through settings.update', async () => {
    const { callsTo } = renderApp({ tab: 'settings' });
    const toggle = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Pause desktop notifications' }, LAZY);
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(callsTo('settings.update').at(-1)?.input).toEqual({ notificationsPaused: true }));
    await waitFor(() => expect(toggle.checked).toBe(true));
  });

  it('follows settings.changed from another window', async () => {
    const { emit } = renderApp({ tab: 'settings' });
    await screen.findByRole('radio', { name: 'Light' }, LAZY);
    act(() => emit('settings.changed', settings({ theme: 'light' })));
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Light' }).checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('shows a failed save with its message, and Retry sends it again', async () => {
    let fail = true;
    const { callsTo } = renderApp({
      tab: 'settings',
      handlers: {
        'settings.update': (patch) => {
          if (fail) throw new Error('Settings store is read-only');
          return settings(patch);
        },
      },
    });
    fireEvent.click(await screen.findByRole('radio', { name: 'Light' }, LAZY));
    expect(await screen.findByText('Settings store is read-only')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'System' }).checked).toBe(true); // reverted
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText('Settings store is read-only')).toBeNull());
    expect(callsTo('settings.update').map((c) => c.input)).toEqual([{ theme: 'light' }, { theme: 'light' }]);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Light' }).checked).toBe(true);
  });

  it('shows the keychain backend, or why it is unavailable', async () => {
    renderApp({ tab: 'settings' });
    expect((await screen.findByTestId('keychain-status', {}, LAZY)).textContent).toContain('Secret Service');
    cleanup();
    renderApp({
      tab: 'settings',
      handlers: {
        'secrets.status': () => ({ available: false, backend: 'libsecret', reason: 'No Secret Service is running on this session bus.' }),
      },
    });
    const status = await screen.findByTestId('keychain-status', {}, LAZY);
    expect(status.textContent).toContain('Unavailable');
    expect(status.textContent).toContain('No Secret Service is running on this session bus.');
  });

  it('shows what the app and host report about themselves', async () => {
    renderApp({ tab: 'settings' });
    expect((await screen.findByTestId('about-version', {}, LAZY)).textContent).toBe('0.1.0');
    expect(screen.getByText('Serve mode (browser)')).toBeTruthy();
    expect(screen.getByText('/home/ops/.opsdeck')).toBeTruthy();
    expect(screen.getByText('Not running in Electron')).toBeTruthy();
    expect(screen.getByText('20.19.0')).toBeTruthy();
    expect(screen.getByTestId('about-sample-interval').textContent).toBe('5s');
  });
});
