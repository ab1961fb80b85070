import type { K8sEventRow } from '../../contract/types';
import { sinceText } from './format';
import { columns, objectBase, type ObjectProjection, type ObjectView } from './objectProjection';
import { countAt, metaOf, objectAt, stringAt, timeAt } from './read';

export interface EventProjection extends ObjectProjection {
  namespace: string;
  event: K8sEventRow;
  /** The uid of the object the event is about, when the reporter gave it. */
  involvedUid: string | null;
}

export const eventView: ObjectView<EventProjection> = {
  columns: columns(
    ['lastSeen', 'LAST SEEN'],
    ['type', 'TYPE'],
    ['reason', 'REASON'],
    ['object', 'OBJECT'],
    ['message', 'MESSAGE'],
    ['source', 'SOURCE'],
    ['count', 'COUNT', 'numeric'],
  ),
  search: ['reason', 'object', 'message', 'source'],
  live: (p, now) => ({ ...p.cells, lastSeen: sinceText(p.event.lastSeen, now) }),
};

/** kubectl's SOURCE: the component (or reporting controller), then the host. */
function sourceOf(raw: ReturnType<typeof objectAt>): string {
  const source = objectAt(raw.source);
  const component = stringAt(source.component) || stringAt(raw.reportingComponent) || '';
  const host = stringAt(source.host);
  return host ? `${component}, ${host}` : component;
}

export function projectEvent(raw: unknown): EventProjection | null {
  const meta = metaOf(raw);
  if (!meta) return null;
  const e = objectAt(raw);
  const involved = objectAt(e.involvedObject);
  const series = objectAt(e.series);
  const eventTime = timeAt(e.eventTime);
  // As kubectl: a series counts and dates itself; otherwise count and the timestamps, else eventTime.
  const count = e.series ? countAt(series.count) : countAt(e.count) || 1;
  const lastSeen = (e.series ? timeAt(series.lastObservedTime) : timeAt(e.lastTimestamp)) ?? eventTime;
  const event: K8sEventRow = {
    type: stringAt(e.type) ?? '',
    reason: stringAt(e.reason) ?? '',
    message: (stringAt(e.message) ?? '').trim(),
    count,
    firstSeen: timeAt(e.firstTimestamp) ?? eventTime,
    lastSeen,
    object: { kind: stringAt(involved.kind) ?? '', namespace: stringAt(involved.namespace) || null, name: stringAt(involved.name) ?? '' },
    source: sourceOf(e),
  };
  return {
    ...objectBase(meta),
    namespace: meta.namespace ?? '',
    status: event.type,
    health: event.type === 'Warning' ? 'warning' : 'ok',
    cells: {
      lastSeen: '',
      type: event.type,
      reason: event.reason,
      object: `${event.object.kind.toLowerCase()}/${event.object.name}`,
      message: event.message,
      source: event.source,
      count,
    },
    event,
    involvedUid: stringAt(involved.uid) || null,
  };
}
