import { z } from 'zod';
import type { AnomalyReport, Forecast, InsightsList } from '../types';
import { HOST_INSIGHT_METRICS } from '../types';
import { empty, returns } from './schema';

const seriesRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), metric: z.enum(HOST_INSIGHT_METRICS), mount: z.string().max(4096).optional() }).strict(),
  z
    .object({
      kind: z.literal('prometheus'),
      source: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      query: z.string().trim().min(1).max(16_384),
      labels: z.record(z.string().max(1024), z.string().max(4096)).default({}),
    })
    .strict(),
]);

const HOUR = 3_600_000;
/** How much history a forecast or an anomaly scan reads. */
const lookbackMs = z.number().int().min(15 * 60_000).max(7 * 24 * HOUR).default(24 * HOUR);

export const insightsChannels = {
  /** Forecasts that cross their threshold within the horizon (7 days) and anomalies of the last hour. */
  'insights.list': { input: empty, output: returns<InsightsList>() },
  /** Both models' fit and forecast of one series, and when each reaches threshold. */
  'insights.forecast': {
    input: z
      .object({
        ref: seriesRef,
        lookbackMs,
        horizonMs: z.number().int().min(60_000).max(90 * 24 * HOUR).default(7 * 24 * HOUR),
        threshold: z.number().finite().default(100),
      })
      .strict(),
    output: returns<Forecast>(),
  },
  /** The anomalous points of one series, for marking on its chart. */
  'insights.anomalies': { input: z.object({ ref: seriesRef, lookbackMs }).strict(), output: returns<AnomalyReport>() },
} as const;

export const insightsEvents = {
  /** The insights were recomputed (every few minutes) and differ from the last list. */
  'insights.changed': returns<InsightsList>(),
} as const;
