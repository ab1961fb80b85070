import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CostInstanceRate, CostPricingTable } from '../../contract';
import { OpsdeckError } from '../../contract/errors';

/** OpenCost's month: storage prices per GB-hour times this are per GB-month. */
export const HOURS_PER_MONTH = 730;
export const PRICING_FILE = 'cost-pricing.json';
export const DEFAULTS_NOTE =
  "OpenCost's documented custom pricing defaults (configs/default.json in the OpenCost repository: prices based on GCP us-central1).";

/** A figure in an OpenCost sheet: a decimal string (as OpenCost writes them) or a number. */
const figure = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?([eE][-+]?\d+)?$/, 'must be a decimal number').transform(Number)]).pipe(
  z.number().finite().min(0),
);

/** The keys of OpenCost's custom pricing sheet that Opsdeck reads; other keys are kept as they are. */
const sheetSchema = z
  .object({
    description: z.string().max(500).default(''),
    currencyCode: z.string().regex(/^[A-Z]{3}$/).default('USD'),
    CPU: figure,
    RAM: figure,
    GPU: figure,
    storage: figure,
  })
  .passthrough();

function tableOf(sheet: z.output<typeof sheetSchema>): CostPricingTable {
  return {
    description: sheet.description,
    currency: sheet.currencyCode,
    cpuCoreHour: sheet.CPU,
    ramGbHour: sheet.RAM,
    gpuHour: sheet.GPU,
    storageGbMonth: sheet.storage * HOURS_PER_MONTH,
  };
}

/** The table as an OpenCost sheet (figures as decimal strings, storage per GB-hour). */
export function sheetOf(table: CostPricingTable): Record<string, string> {
  return {
    provider: 'custom',
    description: table.description,
    currencyCode: table.currency,
    CPU: String(table.cpuCoreHour),
    RAM: String(table.ramGbHour),
    GPU: String(table.gpuHour),
    storage: String(table.storageGbMonth / HOURS_PER_MONTH),
  };
}

/** Reads an OpenCost custom pricing sheet; a problem names the file and the key. */
export function parseSheet(text: string, file: string): CostPricingTable {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new OpsdeckError('BAD_REQUEST', `${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = sheetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OpsdeckError('BAD_REQUEST', `${file}: ${issue.path.join('.') || '(sheet)'} ${issue.message}`);
  }
  return tableOf(parsed.data);
}

/** The shipped default sheet and the user's copy in the data directory. */
export class PricingFile {
  readonly file: string;
  readonly defaults: CostPricingTable;

  constructor(dataDir: string, defaultsPath: string) {
    this.file = path.join(dataDir, PRICING_FILE);
    this.defaults = parseSheet(fs.readFileSync(defaultsPath, 'utf8'), defaultsPath);
  }

  get custom(): boolean {
    return fs.existsSync(this.file);
  }

  /** The user's prices, or the defaults when there is no file; a broken file is reported, not silently replaced. */
  table(): CostPricingTable {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return this.defaults;
      throw err;
    }
    return parseSheet(text, this.file);
  }

  save(table: CostPricingTable): void {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(sheetOf(table), null, 2)}\n`);
    fs.renameSync(tmp, this.file);
  }

  reset(): void {
    fs.rmSync(this.file, { force: true });
  }
}

/** A node's size as the pricing sees it. */
export interface NodeSize {
  cpuCores: number;
  ramGb: number;
  gpus: number;
  instanceType: string | null;
}

/** Per-unit hourly prices on one node, and the node's own hourly price. */
export interface NodeRates {
  cpu: number;
  ram: number;
  gpu: number;
  hourly: number;
  /** The billing rate's instance type when it priced the node. */
  instanceRate: CostInstanceRate | null;
}

/**
 * A node's prices: its capacity at the table's unit prices, or, when billing data prices its
 * instance type, that hourly price split over CPU, RAM and GPU in the table's proportions, so
 * the pods on it and its idle part add up to what the bill says.
 */
export function nodeRates(node: NodeSize, table: CostPricingTable, instanceRates: ReadonlyMap<string, CostInstanceRate>): NodeRates {
  const byTable = node.cpuCores * table.cpuCoreHour + node.ramGb * table.ramGbHour + node.gpus * table.gpuHour;
  const rate = node.instanceType ? (instanceRates.get(node.instanceType) ?? null) : null;
  if (!rate || byTable <= 0) {
    return { cpu: table.cpuCoreHour, ram: table.ramGbHour, gpu: table.gpuHour, hourly: byTable, instanceRate: null };
  }
  const scale = rate.hourly / byTable;
  return { cpu: table.cpuCoreHour * scale, ram: table.ramGbHour * scale, gpu: table.gpuHour * scale, hourly: rate.hourly, instanceRate: rate };
}
