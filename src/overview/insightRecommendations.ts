/** Forecasts and anomalies from the monitoring engine as recommendations: a forecast's priority rises as its crossing nears. */
import type { Insight, Recommendation } from '../contract/types';
import type { RecommendationProvider } from '../engines/providers';

const HOUR = 3_600_000;

function forecastPriority(hoursLeft: number): { priority: number; risk: 'critical' | 'high' | 'medium' } {
  if (hoursLeft <= 24) return { priority: 90, risk: 'critical' };
  if (hoursLeft <= 72) return { priority: 70, risk: 'high' };
  return { priority: 50, risk: 'medium' };
}

export function insightRecommendation(i: Insight, now: number): Recommendation {
  const confidence = `${Math.round(i.confidence * 100)} % confidence`;
  if (i.kind === 'forecast') {
    const hoursLeft = Math.max(0, (i.at - now) / HOUR);
    const { priority, risk } = forecastPriority(hoursLeft);
    return {
      id: `monitoring/insight/${i.id}`,
      engine: 'monitoring',
      kind: 'forecast',
      title: i.text,
      reason: `The series' trend crosses its threshold in about ${hoursLeft < 1 ? 'less than an hour' : `${Math.round(hoursLeft)} h`}.`,
      evidence: [i.text, `Crossing at ${new Date(i.at).toISOString()}`, confidence],
      effect: { risk, text: 'Acting before the crossing (free space, add capacity, find the growth) avoids the outage it forecasts.' },
      priority,
      link: { tab: 'monitoring' },
    };
  }
  return {
    id: `monitoring/insight/${i.id}`,
    engine: 'monitoring',
    kind: 'anomaly',
    title: i.text,
    reason: 'The value left its usual range (rolling median and EWMA band) in the last hour.',
    evidence: [i.text, `At ${new Date(i.at).toISOString()}`, confidence],
    effect: { risk: 'low', text: 'Finding the cause early tells a one-off from the start of a problem.' },
    priority: Math.round(20 + 20 * i.confidence),
    link: { tab: 'monitoring' },
  };
}

export function insightRecommendations(list: () => Promise<{ insights: Insight[] }>, now: () => number = Date.now): RecommendationProvider {
  return {
    engine: 'monitoring',
    async recommendations() {
      const { insights } = await list();
      const at = now();
      return insights.map((i) => insightRecommendation(i, at));
    },
  };
}
