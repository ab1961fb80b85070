/**
 * Alerts raised by engines rather than by rules (a budget threshold crossed, a backup or verify that
 * failed, an RPO breached). They go through the same store, acknowledgements, silences, routing and
 * delivery as rule alerts. An alert is identified by its engine, alertname and labels.
 */
export interface EngineAlert {
  alertname: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  value?: number;
}

export interface EngineAlertSink {
  /** Fires the alert now, or keeps it firing (annotations and value updated) when it already fires. */
  fire(engine: string, alert: EngineAlert): void;
  /** Resolves the alert when it fires; nothing otherwise. */
  resolve(engine: string, alertname: string, labels: Record<string, string>): void;
}
