import type { K8sHealth } from '../../contract/types';
import { WORKLOAD_COLUMNS } from './workload';
import { conditionOf, humanDuration, selectorText, templateCells } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { countAt, metaOf, objectAt, timeAt, type Json } from './read';

export interface JobProjection extends ObjectProjection {
  namespace: string;
  startedAt: number | null;
  completedAt: number | null;
}

export const jobView: ObjectView<JobProjection> = {
  columns: columns(['status', 'STATUS'], ['completions', 'COMPLETIONS'], ['duration', 'DURATION'], ...WORKLOAD_COLUMNS),
  search: ['images', 'containers'],
  // A running job's duration grows with the clock, as kubectl's does.
  live: (p, now) => ({ ...p.cells, duration: p.startedAt === null ? '' : humanDuration((p.completedAt ?? now) - p.startedAt) }),
};

const holds = (status: Json, type: string) => conditionOf(status, type)?.status === 'True';

/** kubectl's STATUS of a job, first match wins. */
const STATUSES: [string, (status: Json, deleting: boolean) => boolean, K8sHealth][] = [
  ['Complete', (s) => holds(s, 'Complete'), 'ok'],
  ['Failed', (s) => holds(s, 'Failed'), 'error'],
  ['Terminating', (_s, deleting) => deleting, 'warning'],
  ['FailureTarget', (s) => holds(s, 'FailureTarget'), 'error'],
  ['Suspended', (s) => holds(s, 'Suspended'), 'warning'],
  ['SuccessCriteriaMet', (s) => holds(s, 'SuccessCriteriaMet'), 'ok'],
];

/** COMPLETIONS: succeeded of spec.completions, or "of <parallelism>" for a work queue. */
function completionsOf(spec: Json, succeeded: number): string {
  if (typeof spec.completions === 'number') return `${succeeded}/${spec.completions}`;
  const parallelism = countAt(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function projectJob(raw: unknown): JobProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const found = STATUSES.find(([, test]) => test(status, meta.deleting));
  const [text, health]: [string, K8sHealth] = found ? [found[0], found[2]] : ['Running', 'ok'];
  const { containers, images } = templateCells(spec.template);
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    status: text,
    health,
    cells: {
      status: text,
      completions: completionsOf(spec, countAt(status.succeeded)),
      duration: '',
      containers,
      images,
      selector: selectorText(spec.selector),
    },
    startedAt: timeAt(status.startTime),
    completedAt: timeAt(status.completionTime),
  };
}
