import { z } from 'zod';
import type { SloDetail, SloList } from '../types';
import { SLO_BURN_WINDOWS } from '../types';
import { empty, returns } from './schema';

const sloName = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"');
const sourceId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const promql = z.string().trim().min(1).max(16_384);
/** Epoch milliseconds. */
const time = z.number().int().min(0).max(8.64e15);

const spec = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('ratio'),
      good: promql.refine((q) => q.includes('$window'), 'must contain $window where the range goes, e.g. [$window]'),
      total: promql.refine((q) => q.includes('$window'), 'must contain $window where the range goes, e.g. [$window]'),
    })
    .strict(),
  z
    .object({
      type: z.literal('latency'),
      metric: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a metric name').max(200),
      selector: z.string().trim().max(4096).default(''),
      thresholdSeconds: z.number().positive().max(86_400),
    })
    .strict(),
]);

export const sloChannels = {
  /** Every SLO with its SLI, error budget, burn rates and state, computed now. */
  'slo.list': { input: empty, output: returns<SloList>() },
  /** One SLO with series over [start, end] (default: the last 24 h): burn rate over burnWindow, SLI, latency P95/P99. */
  'slo.get': {
    input: z
      .object({
        name: sloName,
        start: time.optional(),
        end: time.optional(),
        burnWindow: z.enum(SLO_BURN_WINDOWS).default('1h'),
      })
      .strict(),
    output: returns<SloDetail>(),
  },
  /**
   * Creates or replaces the SLO of that name: the expressions are checked by the source,
   * target 0 < t < 100, window 1h..90d; its burn-rate alert rules are generated.
   */
  'slo.save': {
    input: z
      .object({
        name: sloName,
        source: sourceId,
        spec,
        target: z.number().gt(0).lt(100),
        window: z.string().max(20),
        description: z.string().trim().max(2000).default(''),
      })
      .strict(),
    output: returns<SloList>(),
  },
  /** Removes the SLO and its generated alert rules. */
  'slo.delete': { input: z.object({ name: sloName }).strict(), output: returns<SloList>() },
} as const;
