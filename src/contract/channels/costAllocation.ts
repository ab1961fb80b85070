import { z } from 'zod';
import type { CostAllocationReport, CostPricing, CostRecommendations, CsvExport } from '../types';
import { COST_ALLOCATION_GROUPS, COST_ALLOCATION_WINDOWS } from '../types';
import { empty, returns } from './schema';

/** A Kubernetes label key: optional DNS prefix, then a name of up to 63 characters. */
const labelKey = z
  .string()
  .max(317)
  .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, 'must be a Kubernetes label key');
const price = z.number().finite().min(0).max(1_000_000);

const allocationQuery = z
  .object({
    window: z.enum(COST_ALLOCATION_WINDOWS).default('7d'),
    groupBy: z.enum(COST_ALLOCATION_GROUPS).default('namespace'),
    /** The label for groupBy "label". */
    labelKey: labelKey.optional(),
    /** One context only; all sampled contexts when absent. */
    context: z.string().min(1).max(253).optional(),
  })
  .strict()
  .refine((v) => v.groupBy !== 'label' || v.labelKey !== undefined, { message: 'labelKey is required to group by label', path: ['labelKey'] });

export const costAllocationChannels = {
  /** Pod cost over the window from max(request, usage) × price, grouped, with idle node cost apart and a series for charts. */
  'cost.allocation': { input: allocationQuery, output: returns<CostAllocationReport>() },
  /** The same table as CSV, idle row last. */
  'cost.allocation.export': { input: allocationQuery, output: returns<CsvExport>() },
  /** The prices in use, the shipped defaults, billing-derived instance rates and the team label. */
  'cost.pricing.get': { input: empty, output: returns<CostPricing>() },
  /** Saves the user's prices and/or team label; reset goes back to the shipped default prices. */
  'cost.pricing.set': {
    input: z
      .object({
        table: z
          .object({
            description: z.string().trim().max(500),
            currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
            cpuCoreHour: price,
            ramGbHour: price,
            gpuHour: price,
            storageGbMonth: price,
          })
          .strict()
          .optional(),
        reset: z.boolean().optional(),
        teamLabel: labelKey.optional(),
      })
      .strict(),
    output: returns<CostPricing>(),
  },
  /** Savings and risks with their estimated monthly saving and evidence, highest priority first. */
  'cost.recommendations': { input: empty, output: returns<CostRecommendations>() },
} as const;
