/** Changes Opsdeck makes (clusters, engines) and the log that records them. */

/** The answer to any audited action. */
export interface ActionResult {
  /** What was done, in a sentence. */
  message: string;
  /** The audit log entry that records it. */
  auditId: number;
}

/** One change Opsdeck made to a cluster or an engine, or tried to. */
export interface AuditEntry {
  id: number;
  ts: number;
  /** The OS user and the mode, e.g. "alice (desktop)". */
  actor: string;
  /** The action's name, e.g. "scale" (Kubernetes) or "container.stop" (Docker). */
  action: string;
  /** The object acted on and the action's arguments, e.g. { namespace, name, replicas }. */
  target: Record<string, string | number>;
  /** The kubeconfig context or container engine acted on. */
  context: string;
  result: 'ok' | 'error';
  /** The outcome; on failure the API server's own words. */
  message: string;
}

/** The most audit entries one request returns. */
export const MAX_AUDIT_PAGE = 500;
