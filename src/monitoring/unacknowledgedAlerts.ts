import type { AlertInstance, Recommendation } from '../contract';
import type { RecommendationProvider } from '../engines/providers';
import { severityOf } from './rules/alertBook';

/** Firing this long without an acknowledgement, an alert is worth a line on the Overview. */
export const UNACKNOWLEDGED_AFTER_MS = 15 * 60_000;

const RISK = { critical: 'high', warning: 'medium', info: 'low' } as const;
const BASE_PRIORITY = { critical: 70, warning: 40, info: 15 } as const;
const HOUR_MS = 3_600_000;

const hoursText = (ms: number) => (ms < HOUR_MS ? `${Math.round(ms / 60_000)} min` : `${(ms / HOUR_MS).toFixed(1)} h`);

/**
 * The Overview's recommendation to take ownership of alerts that fire, unsilenced, with nobody having
 * acknowledged them: one per alert name, more urgent by severity and by how long the oldest has fired.
 */
export function unacknowledgedAlerts(current: () => AlertInstance[], now: () => number = Date.now): RecommendationProvider {
  return {
    engine: 'monitoring',
    async recommendations() {
      const at = now();
      const byName = new Map<string, AlertInstance[]>();
      for (const a of current()) {
        if (a.state !== 'firing' || a.ack !== null || a.silencedBy.length > 0 || at - (a.firedAt ?? a.activeAt) < UNACKNOWLEDGED_AFTER_MS) continue;
        byName.set(a.alertname, [...(byName.get(a.alertname) ?? []), a]);
      }
      return [...byName].map(([alertname, alerts]): Recommendation => {
        const oldest = alerts.reduce((a, b) => ((a.firedAt ?? a.activeAt) <= (b.firedAt ?? b.activeAt) ? a : b));
        const firingMs = at - (oldest.firedAt ?? oldest.activeAt);
        const severity = alerts.map((a) => severityOf(a.labels)).sort((a, b) => BASE_PRIORITY[b] - BASE_PRIORITY[a])[0]!;
        return {
          id: `monitoring.unacknowledged/${alertname}`,
          engine: 'monitoring',
          kind: 'unacknowledged-alert',
          title: `Acknowledge ${alertname}`,
          reason: `${alerts.length === 1 ? 'It has' : `${alerts.length} alerts have`} fired for ${hoursText(firingMs)} with nobody acknowledging ${alerts.length === 1 ? 'it' : 'them'}.`,
          evidence: alerts.slice(0, 5).map((a) => a.annotations.summary || Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', ')),
          effect: { risk: RISK[severity], text: 'Someone owns it: escalation stops and the incident shows who is on it.' },
          priority: Math.min(100, BASE_PRIORITY[severity] + Math.min(20, Math.floor(firingMs / HOUR_MS) * 5)),
          link: { tab: 'monitoring', alertId: `rule:${oldest.id}` },
        };
      });
    },
  };
}
