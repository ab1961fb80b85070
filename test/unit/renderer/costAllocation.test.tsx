// @vitest-environment happy-dom
import type { CostAllocationReport, CostPricing, CostRecommendations, Recommendation } from '@contract';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/state/appStore';
import { StoreProvider } from '../../../renderer/src/state/StoreProvider';
import { AllocationPanel } from '../../../renderer/src/views/cost/allocation/AllocationPanel';
import { RecommendationsPanel } from '../../../renderer/src/views/cost/recommendations/RecommendationsPanel';
import { fakeClient, type Handlers } from './helpers/fakeClient';

afterEach(cleanup);

const NOW = 1_700_000_000_000;
const amounts = (total: number) => ({ cpuCoreHours: 2, ramGbHours: 4, gpuHours: 0, storageGbHours: 0, cpuCost: total / 2, ramCost: total / 2, gpuCost: 0, storageCost: 0, totalCost: total });

const report = (over: Partial<CostAllocationReport> = {}): CostAllocationReport => ({
  connected: true,
  hint: null,
  currency: 'USD',
  window: '7d',
  groupBy: 'namespace',
  labelKey: null,
  start: NOW - 7 * 86_400_000,
  end: NOW,
  coveredFrom: NOW - 86_400_000,
  rows: [
    { key: 'shop', pods: 4, ...amounts(30) },
    { key: 'tools', pods: 1, ...amounts(10) },
  ],
  idle: { cpuCoreHours: 1, ramGbHours: 2, gpuHours: 0, cpuCost: 5, ramCost: 5, gpuCost: 0, totalCost: 10 },
  nodeCost: 50,
  allocatedCost: 40,
  series: { buckets: [NOW - 3_600_000, NOW], bucketMs: 3_600_000, groups: [{ key: 'shop', costs: [10, 20] }], idle: [5, 5] },
  contexts: ['prod'],
  ...over,
});

const table = { description: 'OpenCost default', currency: 'USD', cpuCoreHour: 0.031611, ramGbHour: 0.004237, gpuHour: 0.95, storageGbMonth: 0.04 };
const pricing = (over: Partial<CostPricing> = {}): CostPricing => ({
  table,
  defaults: table,
  custom: false,
  file: '/data/cost-pricing.json',
  defaultsNote: "OpenCost's documented custom pricing defaults.",
  instanceRates: [],
  instanceRatesNote: 'No billing data is imported.',
  teamLabel: 'team',
  ...over,
});

function renderPanel(panel: 'allocation' | 'recommendations', handlers: Handlers) {
  const fake = fakeClient(handlers);
  const store = createAppStore(fake.client, { connection: 'open', tab: 'cost' });
  render(<StoreProvider store={store}>{panel === 'allocation' ? <AllocationPanel /> : <RecommendationsPanel />}</StoreProvider>);
  return { ...fake, store };
}

describe('allocation view', () => {
  it('shows each group with its share and the idle row apart, and regroups on request', async () => {
    const fake = renderPanel('allocation', {
      'cost.allocation': () => report(),
      'cost.pricing.get': () => pricing(),
      'cost.allocation.export': () => ({ fileName: 'k8s-allocation-7d-namespace.csv', csv: 'group\r\n' }),
    });
    const tableEl = await screen.findByTestId('allocation-table');
    const rows = within(tableEl).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-group'))).toEqual(['shop', 'tools', '__idle__']);
    expect(rows[0]!.textContent).toContain('30.00 USD');
    expect(rows[0]!.textContent).toContain('60.0%');
    expect(rows[2]!.textContent).toMatch(/Idle.*10\.00 USD.*20\.0%/);
    expect(screen.getByTestId('allocation-chart').getAttribute('data-groups')).toBe('1');

    fireEvent.click(screen.getByTestId('allocation-export'));
    await waitFor(() => expect(fake.callsTo('cost.allocation.export').map((c) => c.input)).toEqual([{ window: '7d', groupBy: 'namespace' }]));

    fireEvent.change(screen.getByTestId('allocation-group'), { target: { value: 'team' } });
    await waitFor(() => expect(fake.callsTo('cost.allocation').at(-1)!.input).toEqual({ window: '7d', groupBy: 'team' }));
  });

  it('says how to connect a cluster when nothing is sampled', async () => {
    renderPanel('allocation', { 'cost.allocation': () => report({ connected: false, hint: 'Connect a Kubernetes cluster in the Clusters tab.', rows: [] }), 'cost.pricing.get': () => pricing() });
    expect(await screen.findByText('Connect a Kubernetes cluster in the Clusters tab.')).toBeTruthy();
    expect(screen.queryByTestId('allocation-table')).toBeNull();
  });

  it('saves edited prices and refuses a negative one before asking the host', async () => {
    const fake = renderPanel('allocation', {
      'cost.allocation': () => report(),
      'cost.pricing.get': () => pricing(),
      'cost.pricing.set': (input) => pricing({ custom: true, table: { ...table, ...input.table } }),
    });
    const form = await screen.findByTestId('pricing-form');
    const cpu = form.querySelector('input[name="cpuCoreHour"]')!;
    fireEvent.change(cpu, { target: { value: '-1' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/CPU per core-hour must be a number/);
    expect(fake.callsTo('cost.pricing.set')).toEqual([]);

    fireEvent.change(cpu, { target: { value: '0.05' } });
    fireEvent.submit(form);
    await waitFor(() => expect(fake.callsTo('cost.pricing.set')).toHaveLength(1));
    expect(fake.callsTo('cost.pricing.set')[0]!.input).toEqual({ table: { ...table, cpuCoreHour: 0.05 }, teamLabel: 'team' });
    expect(await within(form).findByText(/Your prices, kept in \/data\/cost-pricing\.json/)).toBeTruthy();
  });
});

const rec = (id: string, priority: number, saving: number | undefined, over: Partial<Recommendation> = {}): Recommendation => ({
  id,
  engine: 'cost',
  kind: id.split('/')[0]!,
  title: `Title ${id}`,
  reason: `Reason ${id}`,
  evidence: [`Evidence ${id}`],
  effect: { monthlySaving: saving, currency: saving === undefined ? undefined : 'USD', text: `Effect ${id}` },
  priority,
  link: { tab: 'clusters' },
  ...over,
});

describe('recommendations view', () => {
  const list = (): CostRecommendations => ({
    at: NOW,
    items: [rec('rightsize/a', 40, 120), rec('idle/b', 30, 900), rec('dangling-images/c', 10, undefined, { link: { tab: 'containers' } })],
    notes: ['No billing data: import a FOCUS export.'],
  });

  it('sorts by priority or saving, shows the evidence, and opens where to act', async () => {
    const fake = renderPanel('recommendations', { 'cost.recommendations': () => list() });
    const tableEl = await screen.findByTestId('recommendations-table');
    const ids = () => within(tableEl).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-recommendation'));
    expect(ids()).toEqual(['rightsize/a', 'idle/b', 'dangling-images/c']);
    fireEvent.click(within(tableEl).getByRole('button', { name: 'Monthly saving' }));
    expect(ids()).toEqual(['idle/b', 'rightsize/a', 'dangling-images/c']);
    expect(screen.getByTestId('recommendation-notes').textContent).toContain('No billing data');

    expect(screen.queryByText('Evidence idle/b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Title idle/b' }));
    expect(screen.getByText('Evidence idle/b')).toBeTruthy();

    const row = tableEl.querySelector('[data-recommendation="dangling-images/c"]') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Open Containers' }));
    expect(fake.store.getState().tab).toBe('containers');
  });
});
