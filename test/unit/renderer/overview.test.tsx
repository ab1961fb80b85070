// @vitest-environment happy-dom
import type { HostSeries } from '@contract';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostInfo, sample, series } from './helpers/fixtures';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => {
  history.replaceState(null, '', '/');
  performance.clearMarks();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const cpuChart = () => screen.getByTestId('chart-cpu');

describe('Overview tiles', () => {
  it('shows total memory formatted, with the exact byte count in data-bytes', async () => {
    renderApp();
    const tile = await screen.findByTestId('mem-total', {}, LAZY);
    expect(tile.getAttribute('data-bytes')).toBe('16750000000');
    expect(tile.textContent).toContain('15.6 GiB');
    expect(tile.textContent).toContain('7.5 GiB / 15.6 GiB');
  });

  it('shows the other status figures from the latest sample', async () => {
    renderApp();
    const status = await screen.findByRole('region', { name: 'Host status' }, LAZY);
    const tile = (name: string) => within(status).getByRole('region', { name });
    expect(tile('CPU').textContent).toContain('12.5%');
    expect(tile('CPU').textContent).toContain('8 cores');
    expect(tile('Load 1 / 5 / 15 min').textContent).toContain('0.50 / 0.75 / 1.00');
    const cores = within(screen.getByTestId('cpu-cores')).getAllByRole('meter');
    expect(cores.map((m) => m.getAttribute('aria-valuenow'))).toEqual(['10', '15']);
    expect(tile('Uptime').textContent).toContain('1d 1h');
    expect(tile('Processes').textContent).toContain('321');
    expect(tile('Disk I/O').textContent).toContain('R 2.0 KiB/s');
    expect(tile('Disk I/O').textContent).toContain('W 1.0 MiB/s');
    expect(tile('Network').textContent).toContain('↓ 512 B/s');
    expect(tile('Swap').textContent).toContain('0 B / 2.0 GiB');
    expect(screen.getByTestId('disk-/').textContent).toContain('40.0 GiB / 100 GiB');
    expect(await screen.findByText('Healthy')).toBeTruthy();
  });

  it('says plainly what this platform cannot measure', async () => {
    renderApp({
      handlers: {
        'host.info': () => hostInfo({ limitations: ['disk throughput', 'network throughput', 'process count', 'swap'] }),
        'host.latest': () =>
          sample(NOW, {
            diskIo: null,
            network: null,
            processCount: null,
            memory: { totalBytes: 8e9, usedBytes: 4e9, availableBytes: 4e9, swapTotalBytes: 0, swapUsedBytes: 0 },
          }),
      },
    });
    await screen.findByTestId('mem-total', {}, LAZY);
    await screen.findByText(/This platform does not expose: disk throughput/);
    expect(screen.getAllByText('Not available on this platform')).toHaveLength(4);
    await waitFor(() => expect(screen.getByTestId('chart-disk-io').textContent).toContain('Not available on this platform'));
  });

  it('shows an empty state until the first sample arrives, then fills in', async () => {
    const { emit } = renderApp({ handlers: { 'host.latest': () => null } });
    expect(await screen.findByText('Collecting the first sample…', {}, LAZY)).toBeTruthy();
    expect(screen.getByText(/every 5s/)).toBeTruthy();
    act(() => emit('host.sample', sample(NOW + 5000)));
    expect(screen.getByTestId('mem-total').getAttribute('data-bytes')).toBe('16750000000');
  });

  it('shows the error and recovers on Retry', async () => {
    let fail = true;
    renderApp({
      handlers: {
        'host.latest': () => {
          if (fail) throw new Error('The host sample store is locked.');
          return sample(NOW);
        },
      },
    });
    expect(await screen.findByText('The host sample store is locked.', {}, LAZY)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('mem-total')).toBeTruthy();
  });
});

describe('Overview charts', () => {
  it('draws the host series and appends each live sample', async () => {
    const { emit } = renderApp();
    await waitFor(() => expect(cpuChart().getAttribute('data-points')).toBe('3'), LAZY);
    expect(cpuChart().getAttribute('data-range')).toBe('15m');
    expect(cpuChart().getAttribute('data-step-ms')).toBe('5000');

    act(() => emit('host.sample', sample(NOW + 5000)));
    expect(cpuChart().getAttribute('data-points')).toBe('4');
    act(() => emit('host.sample', sample(NOW + 10_000)));
    expect(cpuChart().getAttribute('data-points')).toBe('5');
    expect(screen.getByTestId('chart-network').getAttribute('data-points')).toBe('5');
  });

  it('loads host.series for the chosen range', async () => {
    const { callsTo } = renderApp({
      handlers: {
        'host.series': ({ range }): HostSeries =>
          range === '24h' ? { range, stepMs: 87_000, from: NOW - 86_400_000, to: NOW, points: [] } : series('15m', NOW, 3),
      },
    });
    await waitFor(() => expect(cpuChart().getAttribute('data-points')).toBe('3'), LAZY);
    expect(screen.getByTestId('range-15m').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('range-24h'));
    await waitFor(() => expect(cpuChart().getAttribute('data-range')).toBe('24h'));
    expect(callsTo('host.series').at(-1)?.input).toEqual({ range: '24h' });
    expect(screen.getByTestId('range-24h').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('range-15m').getAttribute('aria-pressed')).toBe('false');
    expect(cpuChart().getAttribute('data-step-ms')).toBe('87000');
    expect(cpuChart().getAttribute('data-points')).toBe('0');
  });

  it('loads the range again after the connection comes back', async () => {
    const { store, callsTo } = renderApp();
    await waitFor(() => expect(cpuChart().getAttribute('data-points')).toBe('3'), LAZY);
    const before = callsTo('host.series').length;
    act(() => store.getState().setConnection('closed'));
    act(() => store.getState().setConnection('open'));
    await waitFor(() => expect(callsTo('host.series').length).toBe(before + 1));
  });

  it('keeps samples that arrive while the series loads', async () => {
    let answer!: (s: HostSeries) => void;
    const { emit } = renderApp({
      handlers: { 'host.series': () => new Promise<HostSeries>((resolve) => (answer = resolve)) },
    });
    await screen.findByTestId('mem-total', {}, LAZY);
    act(() => emit('host.sample', sample(NOW + 5000)));
    await act(async () => answer(series('15m', NOW, 2)));
    expect(cpuChart().getAttribute('data-points')).toBe('3');
  });

  it('shows a series error with Retry', async () => {
    let fail = true;
    renderApp({
      handlers: {
        'host.series': () => {
          if (fail) throw new Error('Database is busy');
          return series('15m', NOW, 2);
        },
      },
    });
    expect(await screen.findByText('Database is busy', {}, LAZY)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(cpuChart().getAttribute('data-points')).toBe('2'));
  });

  it('marks the dashboard ready once, when tiles and the CPU chart have data', async () => {
    const mark = vi.spyOn(performance, 'mark');
    const { emit } = renderApp();
    expect(await screen.findByTestId('dashboard-ready', {}, LAZY)).toBeTruthy();
    act(() => emit('host.sample', sample(NOW + 5000)));
    const marks = mark.mock.calls.filter(([name]) => name === 'opsdeck:dashboard-ready');
    expect(marks).toHaveLength(1);
  });

  it('stays ready while another range loads', async () => {
    renderApp({ handlers: { 'host.series': ({ range }) => (range === '15m' ? series('15m', NOW, 3) : new Promise(() => {})) } });
    await screen.findByTestId('dashboard-ready', {}, LAZY);
    fireEvent.click(screen.getByTestId('range-7d'));
    expect(await screen.findByText('Loading history…')).toBeTruthy();
    expect(screen.getByTestId('dashboard-ready')).toBeTruthy();
  });

  it('is not ready while the CPU chart has no points', async () => {
    const { emit } = renderApp({ handlers: { 'host.series': () => series('15m', NOW, 0) } });
    await screen.findByTestId('mem-total', {}, LAZY);
    await waitFor(() => expect(cpuChart().getAttribute('data-points')).toBe('0'));
    expect(screen.queryByTestId('dashboard-ready')).toBeNull();
    act(() => emit('host.sample', sample(NOW + 5000)));
    expect(screen.getByTestId('dashboard-ready')).toBeTruthy();
  });
});

describe('host health tile', () => {
  it('counts host alerts, follows alerts.changed and links to Monitoring', async () => {
    const { emit } = renderApp();
    expect(await screen.findByText('Healthy', {}, LAZY)).toBeTruthy();
    const alert = {
      id: 'HostHighCpu',
      rule: 'HostHighCpu',
      severity: 'warning' as const,
      summary: 'CPU busy 95%',
      labels: { source: 'host' },
      activeSince: NOW,
      state: 'firing' as const,
      value: 95,
    };
    act(() => emit('alerts.changed', { firing: [alert], pending: [], updatedAt: NOW }));
    expect(screen.getByTestId('host-health').textContent).toContain('1 firing · 0 pending');
    fireEvent.click(screen.getByRole('link', { name: 'Open Monitoring & Alerts' }));
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Monitoring & Alerts');
  });
});
