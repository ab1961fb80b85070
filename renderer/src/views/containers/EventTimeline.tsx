import type { DockerEventRow } from '@contract';
import { formatTimestamp } from '../../format/time';

/** Actions that mean trouble are marked. */
const tone = (action: string): string => {
  if (action === 'oom' || action === 'die' || action === 'kill' || action.endsWith('unhealthy')) return 'event-row--bad';
  if (action === 'start' || action.endsWith(': healthy')) return 'event-row--good';
  return '';
};

/** Shown beside the action: why a container died, and which image or exit code. */
function detailOf(e: DockerEventRow): string {
  const parts: string[] = [];
  if (e.attributes.exitCode !== undefined) parts.push(`exit code ${e.attributes.exitCode}`);
  if (e.attributes.signal !== undefined) parts.push(`signal ${e.attributes.signal}`);
  if (e.type === 'container' && e.attributes.image) parts.push(e.attributes.image);
  return parts.join(' · ');
}

/** Engine events newest first, as a time line. */
export function EventTimeline({ events, showEngine }: { events: DockerEventRow[]; showEngine: boolean }) {
  if (events.length === 0) return <p className="note">No events yet. The engine reports creates, starts, deaths and health changes as they happen.</p>;
  return (
    <ol className="event-timeline" aria-label="Engine events" data-testid="event-timeline">
      {events.map((e, i) => (
        <li key={`${e.at}:${e.id}:${e.action}:${i}`} className={`event-row ${tone(e.action)}`} data-action={e.action} data-type={e.type}>
          <time className="event-row__time muted" dateTime={new Date(e.at).toISOString()}>
            {formatTimestamp(e.at)}
          </time>
          <span className="event-row__dot" aria-hidden="true" />
          <span className="event-row__what">
            <span className="badge">{e.type}</span> <strong>{e.action}</strong> <span className="mono">{e.name ?? e.id.slice(0, 12)}</span>
            {showEngine && <span className="muted"> · {e.engine}</span>}
            {detailOf(e) && <span className="muted"> · {detailOf(e)}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
