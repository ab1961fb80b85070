import { DOCKER_EVENTS_KEPT, type DockerEventRow } from '../contract';

/** The engine's event message as /events sends it. */
export interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** Healthchecks run an exec every interval; their exec_* events would drown the timeline. */
const NOISE = /^exec_(create|start|die|detach)/;

export function eventRow(engine: string, raw: RawEvent): DockerEventRow | null {
  const action = raw.Action ?? '';
  const id = raw.Actor?.ID ?? '';
  if (!raw.Type || !action || NOISE.test(action)) return null;
  const attributes = raw.Actor?.Attributes ?? {};
  const at = raw.timeNano ? Math.floor(raw.timeNano / 1e6) : (raw.time ?? 0) * 1000;
  return { engine, at, type: raw.Type, action, id, name: attributes.name ?? null, attributes };
}

export interface EventFilter {
  type?: string;
  action?: string;
  id?: string;
}

/** An engine's most recent events, oldest first; replays after a reconnect are dropped. */
export class EventTimeline {
  private readonly rows: DockerEventRow[] = [];
  private lastNano = 0;
  private lastKeys = new Set<string>();

  constructor(private readonly keep = DOCKER_EVENTS_KEPT) {}

  /** False when the event was seen already (the stream replays from the last second it saw). */
  add(row: DockerEventRow, timeNano: number): boolean {
    const key = `${row.type}|${row.action}|${row.id}`;
    if (timeNano < this.lastNano || (timeNano === this.lastNano && this.lastKeys.has(key))) return false;
    if (timeNano > this.lastNano) {
      this.lastNano = timeNano;
      this.lastKeys = new Set();
    }
    this.lastKeys.add(key);
    this.rows.push(row);
    if (this.rows.length > this.keep) this.rows.splice(0, this.rows.length - this.keep);
    return true;
  }

  /** The second to ask the engine to replay from after a reconnect. */
  lastSeenSeconds(): number | null {
    return this.lastNano > 0 ? Math.floor(this.lastNano / 1e9) : null;
  }

  /** Newest first. */
  query(filter: EventFilter, limit: number): DockerEventRow[] {
    const out: DockerEventRow[] = [];
    for (let i = this.rows.length - 1; i >= 0 && out.length < limit; i--) {
      const r = this.rows[i]!;
      if (filter.type && r.type !== filter.type) continue;
      if (filter.action && !r.action.startsWith(filter.action)) continue;
      if (filter.id && !r.id.startsWith(filter.id)) continue;
      out.push(r);
    }
    return out;
  }
}
