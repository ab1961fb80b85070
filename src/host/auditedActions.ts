import os from 'node:os';
import type { AppInfo, AuditEntry, K8sAction, ActionResult } from '../contract';
import { OpsdeckError } from '../contract';
import { actionTarget, runAction } from '../kubernetes/actions';
import type { ClusterManager } from '../kubernetes/clusterManager';
import type { AuditLog } from '../store/auditLog';

/** Who acts: the OS user running Opsdeck, and whether from the desktop app or serve mode. */
export function actorName(mode: AppInfo['mode']): string {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    // A uid with no passwd entry (some containers) has no name.
    user = `uid ${process.getuid?.() ?? 'unknown'}`;
  }
  return `${user} (${mode})`;
}

export interface AuditDeps {
  audit: AuditLog;
  actor: string;
  onAppended: (entry: AuditEntry) => void;
}

/** Runs a change and records it, success or failure, before answering; the answer carries the entry's id. */
export async function recordAudited<T extends { message: string }>(
  { audit, actor, onAppended }: AuditDeps,
  what: Pick<AuditEntry, 'action' | 'target' | 'context'>,
  run: () => Promise<T>,
): Promise<T & { auditId: number }> {
  const record = (result: AuditEntry['result'], message: string) => {
    const entry = audit.append({ ts: Date.now(), actor, ...what, result, message });
    onAppended(entry);
    return entry;
  };
  let done: T;
  try {
    done = await run();
  } catch (err) {
    const failure = err instanceof OpsdeckError ? err : new OpsdeckError('INTERNAL', err instanceof Error ? err.message : String(err));
    record('error', failure.message);
    throw failure;
  }
  return { ...done, auditId: record('ok', done.message).id };
}

/** Runs a cluster action and records it, success or failure, before answering. */
export async function auditedAction(
  clusters: ClusterManager,
  audit: AuditLog,
  actor: string,
  onAppended: (entry: AuditEntry) => void,
  action: K8sAction,
): Promise<ActionResult> {
  return recordAudited({ audit, actor, onAppended }, { action: action.action, target: actionTarget(action), context: action.context }, async () => ({
    message: await runAction(await clusters.api(action.context), action),
  }));
}
