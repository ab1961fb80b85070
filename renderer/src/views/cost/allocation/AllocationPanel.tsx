import type { ChannelInput, CostAllocationGroupBy, CostAllocationReport, CostAllocationWindow } from '@contract';
import { COST_ALLOCATION_GROUPS, COST_ALLOCATION_WINDOWS } from '@contract/types';
import { useState } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ResourceView } from '../../../components/ResourceView';
import { useEvery } from '../../../components/useEvery';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { useSettledInput } from '../../../components/useSettledInput';
import { formatTimestamp } from '../../../format/time';
import { AllocationChart } from './AllocationChart';
import { formatMoney } from '../costFormat';
import { ExportButton } from '../ExportButton';
import { formatHours, groupLabel } from './allocationFormat';
import { PricingEditor } from './PricingEditor';
import './allocation.css';

/** Samples arrive every few minutes; a minute keeps the table current. */
const REFRESH_MS = 60_000;
const WINDOW_LABELS: Record<CostAllocationWindow, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', month: 'Month to date' };
const GROUP_LABELS: Record<CostAllocationGroupBy, string> = { namespace: 'Namespace', workload: 'Workload', label: 'Label', team: 'Team' };

/** Kubernetes cost by namespace, workload, label or team, with idle node cost apart, over time, and the prices behind it. */
export function AllocationPanel() {
  const [window, setWindow] = useState<CostAllocationWindow>('7d');
  const [groupBy, setGroupBy] = useState<CostAllocationGroupBy>('namespace');
  const [labelKey, setLabelKey] = useState('app');
  const labelField = useSettledInput(labelKey, (v) => setLabelKey(v.trim()));
  const input = groupBy === 'label' ? { window, groupBy, labelKey } : { window, groupBy };
  const report = useNewestAnswer('cost.allocation', input);
  useEvery(REFRESH_MS, report.load);

  return (
    <section className="allocation" aria-label="Kubernetes allocation">
      <div className="section-head">
        <h2>Kubernetes allocation</h2>
        <div className="allocation__controls">
          <label>
            Window{' '}
            <select value={window} onChange={(e) => setWindow(e.target.value as CostAllocationWindow)} data-testid="allocation-window">
              {COST_ALLOCATION_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {WINDOW_LABELS[w]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Group by{' '}
            <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as CostAllocationGroupBy)} data-testid="allocation-group">
              {COST_ALLOCATION_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
          {groupBy === 'label' && (
            <label>
              Label <input className="input input--small" {...labelField} aria-label="Label key" />
            </label>
          )}
        </div>
      </div>
      <ResourceView resource={report.resource} onRetry={report.load} loadingLabel="Allocating cost…" errorTitle="Could not allocate the cost">
        {(r) =>
          r.connected ? (
            <AllocationReport report={r} query={input} />
          ) : (
            <EmptyState title="No Kubernetes cost yet" source={r.hint}>
              Each connected cluster is sampled every few minutes: pod requests from the cluster, usage from metrics-server, priced by the table
              below.
            </EmptyState>
          )
        }
      </ResourceView>
      <PricingEditor onSaved={report.load} />
    </section>
  );
}

function AllocationReport({ report: r, query }: { report: CostAllocationReport; query: ChannelInput<'cost.allocation.export'> }) {
  const money = (n: number) => formatMoney(n, r.currency);
  const total = r.allocatedCost + r.idle.totalCost;
  const share = (n: number) => (total > 0 ? `${((n / total) * 100).toFixed(1)}%` : '—');
  const groupTitle = r.groupBy === 'label' || r.groupBy === 'team' ? `Label ${r.labelKey}` : GROUP_LABELS[r.groupBy];
  return (
    <>
      <p className="muted" data-testid="allocation-coverage">
        {r.contexts.join(', ')} · from {formatTimestamp(r.coveredFrom ?? r.start)} · nodes {money(r.nodeCost)}, allocated {money(r.allocatedCost)}, idle{' '}
        {money(r.idle.totalCost)}
      </p>
      <AllocationChart series={r.series} currency={r.currency} />
      <div className="section-head">
        <h3>By {groupTitle.toLowerCase()}</h3>
        <ExportButton allocation={query} testId="allocation-export" />
      </div>
      <table className="table" aria-label="Allocation" data-testid="allocation-table">
        <thead>
          <tr>
            <th scope="col">{groupTitle}</th>
            <th scope="col">Pods</th>
            <th scope="col">CPU</th>
            <th scope="col">Memory</th>
            <th scope="col">GPU</th>
            <th scope="col">Storage</th>
            <th scope="col">Total</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr key={row.key} data-group={row.key}>
              <td className="mono">{groupLabel(row.key)}</td>
              <td>{row.pods}</td>
              <td title={`${formatHours(row.cpuCoreHours)} core-hours`}>{money(row.cpuCost)}</td>
              <td title={`${formatHours(row.ramGbHours)} GiB-hours`}>{money(row.ramCost)}</td>
              <td title={`${formatHours(row.gpuHours)} GPU-hours`}>{money(row.gpuCost)}</td>
              <td title={`${formatHours(row.storageGbHours)} GiB-hours`}>{money(row.storageCost)}</td>
              <td>
                <strong>{money(row.totalCost)}</strong>
              </td>
              <td>{share(row.totalCost)}</td>
            </tr>
          ))}
          <tr className="allocation__idle" data-group="__idle__">
            <td>Idle (node capacity no pod was allocated)</td>
            <td />
            <td title={`${formatHours(r.idle.cpuCoreHours)} core-hours`}>{money(r.idle.cpuCost)}</td>
            <td title={`${formatHours(r.idle.ramGbHours)} GiB-hours`}>{money(r.idle.ramCost)}</td>
            <td>{money(r.idle.gpuCost)}</td>
            <td />
            <td>
              <strong>{money(r.idle.totalCost)}</strong>
            </td>
            <td>{share(r.idle.totalCost)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
