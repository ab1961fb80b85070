// @vitest-environment happy-dom
import type { Insight, InsightsList } from '@contract';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sample, series } from './helpers/fixtures';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

const forecast: Insight = {
  id: 'f1',
  kind: 'forecast',
  ref: { kind: 'host', metric: 'diskUsedPct', mount: '/' },
  text: 'Disk / full in 9 h (±2 h)',
  confidence: 0.91,
  at: NOW + 9 * 3_600_000,
};
const anomaly: Insight = { id: 'a1', kind: 'anomaly', ref: { kind: 'host', metric: 'cpuPct' }, text: 'CPU spike to 97 % at 14:02', confidence: 0.64, at: NOW - 60_000 };
const list = (insights: Insight[]): InsightsList => ({ insights, computedAt: NOW, errors: [] });

const panel = () => screen.findByRole('region', { name: 'Insights' }, LAZY);

describe('Overview insights', () => {
  it('says what insights are while there are none', async () => {
    renderApp();
    expect((await within(await panel()).findByTestId('insights-empty', {}, LAZY)).textContent).toContain(
      'Forecasts that cross a threshold within 7 days and anomalies of the last hour appear here.',
    );
  });

  it('lists each finding with its kind and confidence, and follows insights.changed', async () => {
    const { emit } = renderApp({ handlers: { 'insights.list': () => list([forecast]) } });
    const row = (await within(await panel()).findByText('Disk / full in 9 h (±2 h)')).closest('tr')!;
    expect(row.getAttribute('data-insight')).toBe('forecast');
    expect(row.textContent).toContain('forecast');
    expect(row.textContent).toContain('91%');

    act(() => emit('insights.changed', list([anomaly])));
    const next = (await screen.findByText('CPU spike to 97 % at 14:02')).closest('tr')!;
    expect(next.getAttribute('data-insight')).toBe('anomaly');
    expect(next.textContent).toContain('64%');
    expect(screen.queryByText('Disk / full in 9 h (±2 h)')).toBeNull();
  });

  it('asks for insights only once the dashboard shows host data', async () => {
    const { emit, callsTo } = renderApp({ handlers: { 'host.series': () => series('15m', NOW, 0) } });
    await screen.findByTestId('mem-total', {}, LAZY);
    await waitFor(() => expect(screen.getByTestId('chart-cpu').getAttribute('data-points')).toBe('0'));
    expect(callsTo('insights.list')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Insights' })).toBeNull();

    act(() => emit('host.sample', sample(NOW + 5000)));
    await panel();
    expect(callsTo('insights.list')).toHaveLength(1);
  });
});
