// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, renderApp } from './helpers/renderApp';

const setPlatform = (platform: string) =>
  Object.defineProperty(navigator, 'platform', { value: platform, configurable: true });

beforeEach(() => {
  history.replaceState(null, '', '/');
  setPlatform('Linux x86_64');
});
afterEach(cleanup);

const selectedTab = () => screen.getByRole('tab', { selected: true });

describe('tab bar', () => {
  it('lists the nine sections in order with proper ARIA', async () => {
    renderApp();
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Overview',
      'Clusters',
      'Containers',
      'Monitoring & Alerts',
      'Cost',
      'Disaster Recovery',
      'Runbooks',
      'Deployments & Readiness',
      'Settings',
    ]);
    expect(selectedTab()).toHaveProperty('id', 'tab-overview');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-overview');
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(panel.id);
    expect(tabs.filter((t) => t.tabIndex === 0)).toHaveLength(1);
    await screen.findByTestId('mem-total', {}, LAZY);
  });

  it('moves between tabs with the arrow keys, Home and End, and moves focus along', async () => {
    renderApp();
    const first = selectedTab();
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(selectedTab().textContent).toBe('Clusters');
    expect(document.activeElement).toBe(selectedTab());

    fireEvent.keyDown(selectedTab(), { key: 'End' });
    expect(selectedTab().textContent).toBe('Settings');
    fireEvent.keyDown(selectedTab(), { key: 'ArrowRight' });
    expect(selectedTab().textContent).toBe('Overview');
    fireEvent.keyDown(selectedTab(), { key: 'ArrowLeft' });
    expect(selectedTab().textContent).toBe('Settings');
    fireEvent.keyDown(selectedTab(), { key: 'Home' });
    expect(selectedTab().textContent).toBe('Overview');
    await screen.findByTestId('mem-total', {}, LAZY);
  });

  it('jumps to tab N with Ctrl+N', async () => {
    renderApp();
    fireEvent.keyDown(window, { key: '4', code: 'Digit4', ctrlKey: true });
    expect(selectedTab().textContent).toBe('Monitoring & Alerts');
    expect(await screen.findByRole('navigation', { name: 'Monitoring sections' }, LAZY)).toBeTruthy();
    fireEvent.keyDown(window, { key: '9', code: 'Digit9', ctrlKey: true });
    expect(selectedTab().textContent).toBe('Settings');
  });

  it('uses Cmd instead of Ctrl on macOS', () => {
    setPlatform('MacIntel');
    renderApp();
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', ctrlKey: true });
    expect(selectedTab().textContent).toBe('Overview');
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', metaKey: true });
    expect(selectedTab().textContent).toBe('Clusters');
  });

  it('keeps the tab in the hash, leaving the page query alone', async () => {
    history.replaceState(null, '', '/?token=abc#/settings');
    renderApp({ tab: 'settings' });
    expect(selectedTab().textContent).toBe('Settings');
    fireEvent.click(screen.getByRole('tab', { name: 'Cost' }));
    expect(location.hash).toBe('#/cost');
    expect(location.search).toBe('?token=abc');
    await screen.findByRole('navigation', { name: 'Cost sections' }, LAZY);
  });

  it('follows a hash the user changes', async () => {
    renderApp();
    act(() => {
      history.replaceState(null, '', '/#/runbooks');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(selectedTab().textContent).toBe('Runbooks');
    await screen.findByText('Choose a runbook', {}, LAZY);
  });
});

describe('shortcuts dialog', () => {
  it('opens with ? and closes with Esc', () => {
    renderApp();
    fireEvent.keyDown(window, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Go to tab 1 to 9')).toBeTruthy();
    expect(within(dialog).getByText('Open the row in the detail pane')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not open while typing in a field', () => {
    renderApp();
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();
    input.remove();
  });
});

describe('header and host events', () => {
  it('shows the host name and a banner while disconnected', async () => {
    const { store } = renderApp();
    expect(await screen.findByText('build-01')).toBeTruthy();
    expect(screen.getByTestId('connection-state').textContent).toContain('Connected');
    act(() => store.getState().setConnection('closed'));
    expect(screen.getByRole('alert').textContent).toBe('Disconnected from the Opsdeck host, reconnecting…');
    expect(screen.getByTestId('connection-state').textContent).toContain('Disconnected');
  });

  it('reloads host data once the connection comes back', async () => {
    const { store, callsTo } = renderApp();
    await screen.findByTestId('mem-total', {}, LAZY);
    const before = callsTo('alerts.summary').length;
    act(() => store.getState().setConnection('closed'));
    act(() => store.getState().setConnection('open'));
    expect(callsTo('alerts.summary').length).toBe(before + 1);
    expect(screen.queryByText(/Disconnected from the Opsdeck host/)).toBeNull();
  });

  it('switches tab on ui.navigate', async () => {
    const { emit } = renderApp();
    act(() => emit('ui.navigate', { tab: 'settings' }));
    expect(selectedTab().textContent).toBe('Settings');
    expect(await screen.findByText('Pause desktop notifications', {}, LAZY)).toBeTruthy();
  });
});
