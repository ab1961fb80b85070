import type { CostAllocationReport, CsvExport } from '../../contract';
import { COST_UNALLOCATED } from '../../contract';
import { csvText } from '../../util/csvText';

const HEADER = ['group', 'pods', 'cpu_core_hours', 'ram_gib_hours', 'gpu_hours', 'storage_gib_hours', 'cpu_cost', 'ram_cost', 'gpu_cost', 'storage_cost', 'total_cost', 'currency'];

/** The allocation table as CSV, the idle row last. */
export function allocationCsv(r: CostAllocationReport): CsvExport {
  const rows = r.rows.map((row) => [
    row.key === COST_UNALLOCATED ? '' : row.key,
    row.pods,
    row.cpuCoreHours,
    row.ramGbHours,
    row.gpuHours,
    row.storageGbHours,
    row.cpuCost,
    row.ramCost,
    row.gpuCost,
    row.storageCost,
    row.totalCost,
    r.currency,
  ]);
  const i = r.idle;
  rows.push(['(idle)', 0, i.cpuCoreHours, i.ramGbHours, i.gpuHours, 0, i.cpuCost, i.ramCost, i.gpuCost, 0, i.totalCost, r.currency]);
  const by = r.labelKey ? `${r.groupBy}-${r.labelKey.replace(/[^A-Za-z0-9._-]/g, '_')}` : r.groupBy;
  return { fileName: `k8s-allocation-${r.window}-${by}.csv`, csv: csvText(HEADER, rows) };
}
