import { NONE, selectorText, sinceText, templateCells } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { listAt, metaOf, objectAt, stringAt, timeAt } from './read';

export interface CronJobProjection extends ObjectProjection {
  namespace: string;
  lastScheduledAt: number | null;
}

export const cronJobView: ObjectView<CronJobProjection> = {
  columns: columns(
    ['schedule', 'SCHEDULE'],
    ['timezone', 'TIMEZONE'],
    ['suspend', 'SUSPEND'],
    ['active', 'ACTIVE', 'numeric'],
    ['lastSchedule', 'LAST SCHEDULE'],
    ['containers', 'CONTAINERS'],
    ['images', 'IMAGES'],
    ['selector', 'SELECTOR'],
  ),
  search: ['schedule', 'images', 'containers'],
  live: (p, now) => ({ ...p.cells, lastSchedule: sinceText(p.lastScheduledAt, now) }),
};

export function projectCronJob(raw: unknown): CronJobProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const spec = objectAt(objectAt(raw).spec);
  const status = objectAt(objectAt(raw).status);
  const jobTemplate = objectAt(objectAt(spec.jobTemplate).spec);
  const active = listAt(status.active).length;
  const suspended = spec.suspend === true;
  const { containers, images } = templateCells(jobTemplate.template);
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    // kubectl has no STATUS column for cron jobs: suspended, running a job, or waiting for the next.
    status: suspended ? 'Suspended' : active > 0 ? 'Active' : 'Scheduled',
    health: suspended ? 'warning' : 'ok',
    cells: {
      schedule: stringAt(spec.schedule) ?? '',
      timezone: stringAt(spec.timeZone) ?? NONE,
      suspend: typeof spec.suspend === 'boolean' ? (suspended ? 'True' : 'False') : '<unset>',
      active,
      lastSchedule: NONE,
      containers,
      images,
      selector: selectorText(jobTemplate.selector),
    },
    lastScheduledAt: timeAt(status.lastScheduleTime),
  };
}
