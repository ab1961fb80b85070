import type { sloChannels } from '../../contract/channels/slo';
import type { SloEngine } from '../../monitoring/slo/sloEngine';
import type { HandlersFor } from '../dispatch';

/** The SLO channels: definitions with their numbers, series, and generated alerts. */
export function sloHandlers(slos: SloEngine): HandlersFor<keyof typeof sloChannels> {
  return {
    'slo.list': () => slos.list(),
    'slo.get': (input) => slos.get(input),
    'slo.save': (input) => slos.save(input),
    'slo.delete': ({ name }) => slos.delete(name),
  };
}
