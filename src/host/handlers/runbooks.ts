import type { runbooksChannels } from '../../contract/channels/runbooks';
import type { Runbooks } from '../../runbooks/runbooks';
import type { HandlersFor } from '../dispatch';

/** The runbook channels: library, search, alert links and guided runs. */
export function runbooksHandlers({ library, folders, runs }: Runbooks): HandlersFor<keyof typeof runbooksChannels> {
  return {
    'runbooks.search': (query) => library.search(query),
    'runbooks.get': ({ id }) => library.get(id),
    'runbooks.forAlert': (alert) => library.forAlert(alert),
    'runbooks.library': () => library.info(),
    'runbooks.addFolder': ({ path }) => {
      folders.add(path);
      library.reload();
      return library.info();
    },
    'runbooks.removeFolder': ({ path }) => {
      folders.remove(path);
      library.reload();
      return library.info();
    },
    'runbooks.startRun': (input) => runs.start(input),
    'runbooks.runs': (query) => runs.list(query),
    'runbooks.run': ({ id }) => runs.get(id),
    'runbooks.checkStep': (input) => runs.checkStep(input),
    'runbooks.describeAction': (input) => runs.describeAction(input),
    'runbooks.runAction': (input) => runs.runAction(input),
    'runbooks.setRunStatus': (input) => runs.setStatus(input),
    'runbooks.report': ({ id }) => runs.report(id),
  };
}
