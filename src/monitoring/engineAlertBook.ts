import type { EngineAlert, EngineAlertSink } from '../engines/engineAlerts';
import type { ActiveAlert } from './rules/alertState';
import { ENGINE_ALERT_FILE_PREFIX, type AlertStore, type RuleRef } from './rules/alertStore';
import { fingerprint, sortedLabels } from './rules/labels';

const ENGINE_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;
const ALERT_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Where an engine's alerts are stored: file `engine:<engine>`, group `<engine>`. */
export const engineRef = (engine: string, alertname: string): RuleRef => ({ file: `${ENGINE_ALERT_FILE_PREFIX}${engine}`, group: engine, alertname });

const keyOf = (engine: string, alertname: string, labels: Record<string, string>) => JSON.stringify([engine, alertname, fingerprint(labels)]);

/** An engine's names are constants of its code: a bad one is a programming error, said plainly. */
function check(engine: string, alertname: string, labels: Record<string, string>, annotations: Record<string, string> = {}): void {
  if (!ENGINE_NAME.test(engine)) throw new Error(`engine alert: engine name "${engine}" must be letters, digits, _, . and -`);
  if (!ALERT_NAME.test(alertname)) throw new Error(`engine alert: alertname "${alertname}" must be letters, digits, _ and :`);
  for (const [kind, names] of [['label', Object.keys(labels)], ['annotation', Object.keys(annotations)]] as const) {
    const bad = names.find((n) => !LABEL_NAME.test(n));
    if (bad !== undefined) throw new Error(`engine alert ${alertname}: ${kind} name "${bad}" must be letters, digits and _`);
  }
}

/**
 * Alerts engines raise (a budget crossed, a backup that failed), kept in the same store as rule alerts:
 * they fire at once (no pending), resolve when the engine says so, survive a restart, and reach the
 * list, history, acknowledgements, silences, routing and delivery through onChange like any alert.
 */
export class EngineAlertBook implements EngineAlertSink {
  /** Firing engine alerts by engine, alertname and labels; restored from the store. */
  private readonly firing = new Map<string, ActiveAlert>();

  constructor(
    private readonly alerts: AlertStore,
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {
    for (const { file, group, alertname, alert } of alerts.open()) {
      if (file.startsWith(ENGINE_ALERT_FILE_PREFIX)) this.firing.set(keyOf(group, alertname, alert.labels), alert);
    }
  }

  fire(engine: string, alert: EngineAlert): void {
    check(engine, alert.alertname, alert.labels, alert.annotations);
    const labels = sortedLabels({ ...alert.labels, alertname: alert.alertname });
    const key = keyOf(engine, alert.alertname, labels);
    const now = this.now();
    const value = alert.value ?? Number.NaN;
    let active = this.firing.get(key);
    if (active) {
      active.annotations = { ...alert.annotations };
      active.value = value;
      active.lastEvalAt = now;
    } else {
      active = { id: null, labels, annotations: { ...alert.annotations }, state: 'firing', value, activeAt: now, firedAt: now, resolvedAt: null, keepFiringSince: null, lastEvalAt: now };
      this.firing.set(key, active);
    }
    this.alerts.save(engineRef(engine, alert.alertname), [active], []);
    this.onChange();
  }

  resolve(engine: string, alertname: string, labels: Record<string, string>): void {
    check(engine, alertname, labels);
    const key = keyOf(engine, alertname, { ...labels, alertname });
    const active = this.firing.get(key);
    if (!active) return;
    const now = this.now();
    this.firing.delete(key);
    active.state = 'resolved';
    active.resolvedAt = now;
    active.lastEvalAt = now;
    this.alerts.save(engineRef(engine, alertname), [active], []);
    this.onChange();
  }
}
