import { formatDuration } from '../../format/duration';

/** CPU as kubectl top shows it: millicores below one core, cores above. */
export const cores = (millis: number): string => (millis < 1000 ? `${Math.round(millis)}m` : `${Number((millis / 1000).toFixed(1))} cores`);

/** How long ago an object was created, as kubectl's AGE column. */
export const age = (createdAt: number | null, now: number): string => (createdAt === null ? '—' : formatDuration((now - createdAt) / 1000));
