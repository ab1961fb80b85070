// @vitest-environment happy-dom
import type { CheckOutcome, CheckRunSummary, Recommendation } from '@contract';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

beforeEach(() => history.replaceState(null, '', '/'));
afterEach(cleanup);

const center = () => screen.findByTestId('command-center', {}, LAZY);

const recommendation = (id: string, title: string, priority: number, extra: Partial<Recommendation> = {}): Recommendation => ({
  id,
  engine: 'readiness',
  kind: 'readiness',
  title,
  reason: `because ${title}`,
  evidence: [`evidence of ${title}`],
  effect: { risk: 'high', text: 'less risk' },
  priority,
  link: { tab: 'deployments' },
  ...extra,
});

const outcome = (id: string, status: CheckOutcome['status']): CheckOutcome => ({ id, engine: 'kubernetes', label: id, status, summary: `${id} ${status}`, durationMs: 3 });

describe('Overview command center', () => {
  it('shows empty states that say how to connect, and no invented figures', async () => {
    renderApp();
    await center();
    expect((await screen.findByTestId('card-spend')).textContent).toContain('Import a billing export in the Cost tab.');
    expect((await screen.findByTestId('card-recovery')).textContent).toContain('No backups');
    expect((await screen.findByTestId('card-readiness')).textContent).toContain('Not checked');
    expect((await screen.findByTestId('card-delivery')).textContent).toContain('No rollouts');
    expect((await screen.findByTestId('recommendations-empty')).textContent).toContain('Nothing to recommend now.');
  });

  it('shows spend against budgets and the recovery objectives from their engines\' summaries', async () => {
    renderApp({
      handlers: {
        'cost.summary': () => ({
          connected: true,
          currency: 'EUR',
          monthToDate: 1200,
          previousPeriodToDate: 1000,
          forecastMonthEnd: { value: 2500, low: 2300, high: 2700 },
          budgets: [{ id: 'b', name: 'Platform', amount: 3000, actual: 1200, forecast: 2500 }],
        }),
        'recovery.summary': () => ({
          targets: [{ id: 't', name: 'orders-db', kind: 'postgres', lastGoodAt: NOW - 3_600_000, rpoObjectiveMs: 900_000, rpoMet: false }],
          plans: [{ id: 'p', name: 'full restore', rtoObjectiveMs: 3_600_000, lastDrillAt: null, lastDrillMs: null, rtoMet: null }],
        }),
      },
    });
    await center();
    const spend = await screen.findByTestId('card-spend');
    await waitFor(() => expect(spend.textContent).toContain('+20% on last month to date'));
    expect(spend.textContent).toContain('Platform');
    const recovery = screen.getByTestId('card-recovery');
    await waitFor(() => expect(recovery.textContent).toContain('Objectives missed'));
    expect(recovery.textContent).toContain('0/1 targets within RPO');
    expect(recovery.textContent).toContain('1 never drilled');
    expect(recovery.textContent).toContain('RPO breached: orders-db');
  });

  it('lists recommendations in the hub\'s order, names a failing engine, and links to act', async () => {
    const { store } = renderApp({
      handlers: {
        'overview.recommendations': () => ({
          items: [recommendation('r1', 'Fix the api', 90), recommendation('r2', 'Drop idle volume', 40, { engine: 'cost', effect: { monthlySaving: 12, currency: 'USD', text: 'saves money' }, link: { tab: 'cost' } })],
          failures: [{ engine: 'recovery', message: 'repository locked' }],
          computedAt: NOW,
        }),
      },
    });
    await center();
    const list = await screen.findByTestId('recommendations');
    const items = within(list).getAllByRole('listitem').filter((li) => li.hasAttribute('data-recommendation'));
    expect(items.map((li) => li.getAttribute('data-recommendation'))).toEqual(['r1', 'r2']);
    expect(items[1]!.textContent).toContain('a month');
    expect(screen.getByText('The recovery engine gave no recommendations: repository locked')).toBeTruthy();
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Act' }));
    expect(store.getState().tab).toBe('cost');
  });

  it('runs all checks: each outcome as it arrives, then the summary, then fresh recommendations', async () => {
    let finish!: (s: CheckRunSummary) => void;
    const { emit, callsTo } = renderApp({ handlers: { 'overview.runChecks': () => new Promise<CheckRunSummary>((r) => (finish = r)) } });
    await center();
    await waitFor(() => expect(callsTo('overview.recommendations')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Run all checks' }));
    const progress = await screen.findByTestId('checks-progress');
    act(() => emit('overview.checkProgress', { runId: 'r', done: 1, total: 2, outcome: outcome('clusters', 'pass') }));
    await waitFor(() => expect(progress.textContent).toContain('1 of 2 done'));
    expect(document.querySelector('tr[data-check="clusters"]')!.getAttribute('data-status')).toBe('pass');
    const all = [outcome('clusters', 'pass'), outcome('readiness', 'warn')];
    act(() => finish({ runId: 'r', startedAt: NOW, finishedAt: NOW + 10, outcomes: all, counts: { pass: 1, warn: 1, fail: 0, skipped: 0 } }));
    expect((await screen.findByTestId('checks-summary')).textContent).toContain('1 passed · 1 warnings · 0 failed · 0 skipped');
    expect(screen.queryByTestId('checks-progress')).toBeNull();
    expect(document.querySelector('tr[data-check="readiness"]')!.getAttribute('data-status')).toBe('warn');
    await waitFor(() => expect(callsTo('overview.recommendations')).toHaveLength(2));
  });
});
