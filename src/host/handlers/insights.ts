import type { insightsChannels } from '../../contract/channels/insights';
import { detectAnomalies } from '../../monitoring/anomaly/detect';
import { forecastSeries } from '../../monitoring/forecast/forecast';
import type { InsightEngine } from '../../monitoring/insights/insightEngine';
import type { SeriesReader } from '../../monitoring/insights/seriesReader';
import type { HandlersFor } from '../dispatch';

/** The insight channels: the current insights, and forecasts and anomalies of any one series. */
export function insightsHandlers(engine: InsightEngine, reader: SeriesReader): HandlersFor<keyof typeof insightsChannels> {
  return {
    'insights.list': () => engine.list(),
    'insights.forecast': async ({ ref, lookbackMs, horizonMs, threshold }) => {
      const series = await reader.read(ref, lookbackMs);
      const { linear, holt, chosen } = forecastSeries(series.points, horizonMs, threshold);
      return { ref, ...series, threshold, horizonMs, linear, holt, chosen };
    },
    'insights.anomalies': async ({ ref, lookbackMs }) => {
      const series = await reader.read(ref, lookbackMs);
      return { ref, ...series, anomalies: detectAnomalies(series.points) };
    },
  };
}
