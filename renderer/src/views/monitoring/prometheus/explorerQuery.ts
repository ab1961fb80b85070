import type { SeriesRange } from '@contract';
import type { QueryMode } from '../monitoringRoute';

export const RANGE_MS: Record<SeriesRange, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** Points per series an automatic step aims at: enough for a chart's width. */
const AUTO_POINTS = 250;

/** The step in ms: the one asked for (seconds), else the range over about 250 points, whole seconds. */
export const stepMsFor = (range: SeriesRange, stepSeconds: number): number =>
  stepSeconds > 0 ? stepSeconds * 1000 : Math.max(1000, Math.ceil(RANGE_MS[range] / AUTO_POINTS / 1000) * 1000);

/** One run of the explorer: what was asked, at which moment. */
export interface ExplorerRun {
  source: number;
  expr: string;
  mode: QueryMode;
  range: SeriesRange;
  stepSeconds: number;
  /** When it was asked: a range ends here, an instant query is evaluated here. */
  at: number;
}
