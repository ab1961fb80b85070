import { OpsdeckError, type RunbookLibraryInfo } from '../contract';
import type { IncidentStore } from '../monitoring/delivery/incidentStore';
import type { AlertStore } from '../monitoring/rules/alertStore';
import type { SilenceStore } from '../monitoring/rules/silenceStore';
import type { Db } from '../store/database';
import { dockerActionKinds, type DockerPerform } from './actions/docker';
import { kubernetesActionKinds, type K8sPerform } from './actions/kubernetes';
import { ActionRegistry } from './actions/registry';
import { silenceActionKind } from './actions/silence';
import { FolderStore } from './folderStore';
import { RunbookLibrary } from './library';
import { GuidedRuns } from './runs/guidedRuns';
import { RunStore } from './runs/runStore';

export interface RunbooksOptions {
  db: Db;
  /** The built-in library (resources/runbooks). */
  builtInDir: string;
  /** Who runs and confirms. */
  actor: string;
  /** The host's audited Kubernetes action. */
  k8s: K8sPerform;
  /** The host's audited Docker action. */
  docker: DockerPerform;
  silences: SilenceStore;
  /** A silence was created: alerts and notifications look again. */
  onSilenced: () => void;
  /** Runs started from an alert or an incident take its labels. */
  alerts: Pick<AlertStore, 'get'>;
  incidents: Pick<IncidentStore, 'get'>;
  onChange: (info: RunbookLibraryInfo) => void;
  log: (message: string) => void;
}

/** The runbooks engine: the action registry, the library and guided runs, built from the host's engines. */
export function createRunbooks(o: RunbooksOptions) {
  const registry = new ActionRegistry();
  for (const kind of [...kubernetesActionKinds(o.k8s), ...dockerActionKinds(o.docker)]) registry.register(kind);
  registry.register(silenceActionKind(o.silences, o.onSilenced));
  const folders = new FolderStore(o.db);
  const library = new RunbookLibrary({ builtInDir: o.builtInDir, folders, registry, onChange: o.onChange, log: o.log });
  const origins = {
    alertLabels: (id: number) => {
      const alert = o.alerts.get(id);
      if (!alert) throw new OpsdeckError('NOT_FOUND', `No alert with id ${id}.`);
      return alert.labels;
    },
    incidentLabels: (id: number) => o.incidents.get(id).groupLabels,
  };
  const runs = new GuidedRuns({ store: new RunStore(o.db), library, registry, origins, actor: o.actor });
  return {
    registry,
    folders,
    library,
    runs,
    /** Reads the library and watches the user's folders. Engines register their action kinds before this. */
    start() {
      library.load();
      library.watch();
    },
    stop: () => library.stop(),
  };
}

export type Runbooks = ReturnType<typeof createRunbooks>;
