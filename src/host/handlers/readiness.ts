import type { readinessChannels } from '../../contract/channels/readiness';
import type { ReadinessEngine } from '../../readiness/readinessEngine';
import type { HandlersFor } from '../dispatch';

export function readinessHandlers(engine: ReadinessEngine): HandlersFor<keyof typeof readinessChannels> {
  return {
    'readiness.rules': () => engine.rules(),
    'readiness.check': ({ context }) => engine.check(context),
    'readiness.report': ({ context }) => engine.report(context),
    'readiness.reports': () => engine.reports(),
    'readiness.tuning': ({ context }) => engine.tuning(context),
    'readiness.setTuning': ({ context, namespace, tuning }) => engine.setTuning(context, namespace, tuning),
    'readiness.resetTuning': ({ context, namespace }) => engine.resetTuning(context, namespace),
    'readiness.export': ({ context, namespace, format }) => engine.export(context, namespace, format),
  };
}
