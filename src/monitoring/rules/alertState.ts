import type { AlertInstanceState } from '../../contract';
import { fingerprint, sortedLabels } from './labels';
import type { AlertingRule } from './ruleFile';

/** One alert of a rule: a label set and where it is in its life. */
export interface ActiveAlert {
  /** The store's id; null until first stored. */
  id: number | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertInstanceState;
  value: number;
  activeAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
  keepFiringSince: number | null;
  lastEvalAt: number;
}

export interface SeriesSample {
  metric: Record<string, string>;
  value: number;
}

export interface RuleEvaluation {
  /** New, still active and just resolved alerts, to store. */
  updated: ActiveAlert[];
  /** Pending alerts whose condition stopped holding before they fired: forgotten, as Prometheus does. */
  dropped: ActiveAlert[];
  /** Whether any alert started, changed state or ended. */
  transitions: boolean;
}

/**
 * Prometheus's alerting rule evaluation for one rule: active (pending or firing) alerts by
 * label set in `active`, updated in place from the query's samples at time ts.
 * inactive → pending (condition holds) → firing (held for `for`) → resolved (stopped holding,
 * after keep_firing_for when set); a pending alert that stops holding is dropped.
 * Throws when two series map to the same alert label set, as Prometheus does.
 */
export function evaluateRule(rule: AlertingRule, active: Map<string, ActiveAlert>, samples: SeriesSample[], ts: number): RuleEvaluation {
  const updated: ActiveAlert[] = [];
  const dropped: ActiveAlert[] = [];
  let transitions = false;
  const seen = new Set<string>();

  for (const { metric, value } of samples) {
    const data = { labels: metric, value };
    const { __name__: _, ...seriesLabels } = metric;
    const labels: Record<string, string> = { ...seriesLabels };
    for (const [name, template] of rule.templates.labels) labels[name] = template.render(data);
    labels.alertname = rule.alert;
    const annotations = Object.fromEntries(rule.templates.annotations.map(([name, template]) => [name, template.render(data)]));
    const key = fingerprint(labels);
    if (seen.has(key)) throw new Error('vector contains metrics with the same labelset after applying alert labels');
    seen.add(key);
    const alert = active.get(key);
    if (alert) {
      alert.value = value;
      alert.annotations = annotations;
      alert.keepFiringSince = null;
    } else {
      transitions = true;
      active.set(key, {
        id: null,
        labels: sortedLabels(labels),
        annotations,
        state: 'pending',
        value,
        activeAt: ts,
        firedAt: null,
        resolvedAt: null,
        keepFiringSince: null,
        lastEvalAt: ts,
      });
    }
  }

  for (const [key, alert] of active) {
    alert.lastEvalAt = ts;
    if (!seen.has(key)) {
      if (alert.state === 'pending') {
        active.delete(key);
        dropped.push(alert);
        transitions = true;
        continue;
      }
      if (rule.keepFiringForMs === 0 || ts - (alert.keepFiringSince ??= ts) >= rule.keepFiringForMs) {
        alert.state = 'resolved';
        alert.resolvedAt = ts;
        active.delete(key);
        updated.push(alert);
        transitions = true;
        continue;
      }
    }
    if (alert.state === 'pending' && ts - alert.activeAt >= rule.forMs) {
      alert.state = 'firing';
      alert.firedAt = ts;
      transitions = true;
    }
    updated.push(alert);
  }
  return { updated, dropped, transitions };
}
