import type { EventData } from '../contract';
import type { DockerManager } from '../docker/dockerManager';
import type { EngineAlertSink } from '../engines/engineAlerts';
import type { ClusterManager } from '../kubernetes/clusterManager';
import type { SecretStore } from '../secrets/secretStore';
import type { Db } from '../store/database';
import type { KeyValueStore } from '../store/keyValue';
import { RecoveryEngine } from './recoveryEngine';

interface RecoveryDeps {
  db: Db;
  kv: KeyValueStore;
  secrets: SecretStore;
  dataDir: string;
  docker: DockerManager;
  clusters: ClusterManager;
  alerts: EngineAlertSink;
  emit<K extends 'recovery.job' | 'recovery.changed'>(name: K, data: EventData<K>): void;
  log(message: string): void;
  tickMs?: number;
}

/** The recovery engine on the host's clients, alerts and events. */
export function createRecovery(deps: RecoveryDeps): RecoveryEngine {
  return new RecoveryEngine({
    db: deps.db,
    kv: deps.kv,
    secrets: deps.secrets,
    dataDir: deps.dataDir,
    clients: { docker: (engine) => deps.docker.connection(engine).client(), kube: (context) => deps.clusters.api(context) },
    alerts: deps.alerts,
    onJob: (job) => deps.emit('recovery.job', job),
    onChanged: (what) => deps.emit('recovery.changed', { what }),
    log: deps.log,
    tickMs: deps.tickMs,
  });
}
