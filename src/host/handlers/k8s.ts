import type { AuditEntry } from '../../contract';
import type { k8sChannels } from '../../contract/channels/k8s';
import type { ClusterManager } from '../../kubernetes/clusterManager';
import type { LogStreams } from '../../kubernetes/logStreams';
import { readLog } from '../../kubernetes/podLogs';
import type { AuditLog } from '../../store/auditLog';
import { auditedAction } from '../auditedActions';
import type { HandlersFor } from '../dispatch';

export interface K8sHandlerDeps {
  clusters: ClusterManager;
  logs: LogStreams;
  audit: AuditLog;
  actor: string;
  onAudit: (entry: AuditEntry) => void;
}

/** The Kubernetes channels, answered from the cluster manager's caches. */
export function k8sHandlers({ clusters, logs, audit, actor, onAudit }: K8sHandlerDeps): HandlersFor<keyof typeof k8sChannels> {
  return {
    'k8s.contexts': () => clusters.contexts(),
    'k8s.setEnabled': ({ context, enabled }) => clusters.setEnabled(context, enabled),
    'k8s.overview': ({ context }) => clusters.overview(context),
    'k8s.namespaces': ({ context }) => clusters.namespaces(context),
    'k8s.pods': ({ context, ...query }) => clusters.pods(context, query),
    'k8s.objects': ({ context, kind, ...query }) => clusters.objects(context, kind, query),
    'k8s.detail': ({ context, kind, namespace, name }) => clusters.detail(context, { kind, namespace: namespace ?? null, name }),
    'k8s.rolloutHistory': ({ context, namespace, name }) => clusters.rolloutHistory(context, namespace, name),
    'k8s.logs': async ({ context, tailLines, ...target }) => readLog(await clusters.api(context), target, tailLines),
    'k8s.logs.follow': (request) => logs.follow(request),
    'k8s.logs.stop': ({ streamId }) => ({ stopped: logs.stop(streamId) }),
    'k8s.action': (action) => auditedAction(clusters, audit, actor, onAudit, action),
  };
}
