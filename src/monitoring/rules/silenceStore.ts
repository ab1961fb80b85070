import type { LabelMatcher, Silence, SilenceState } from '../../contract';
import { OpsdeckError } from '../../contract';
import type { Db } from '../../store/database';
import { matcherProblem, matchesAll } from './matchers';

interface Row {
  id: number;
  matchers: string;
  starts_at: number;
  ends_at: number;
  created_by: string;
  created_at: number;
  comment: string;
}

export function silenceState(s: { startsAt: number; endsAt: number }, now: number): SilenceState {
  if (now >= s.endsAt) return 'expired';
  return now < s.startsAt ? 'pending' : 'active';
}

/** Silences in the store: label matchers that mute alerts between startsAt and endsAt. */
export class SilenceStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  private silenceOf(row: Row): Silence {
    const s = { startsAt: row.starts_at, endsAt: row.ends_at };
    return {
      id: row.id,
      matchers: JSON.parse(row.matchers) as LabelMatcher[],
      ...s,
      createdBy: row.created_by,
      createdAt: row.created_at,
      comment: row.comment,
      state: silenceState(s, this.now()),
    };
  }

  /** Newest first. */
  list(): Silence[] {
    return this.db.prepare<[], Row>('SELECT * FROM silences ORDER BY id DESC').all().map((r) => this.silenceOf(r));
  }

  get(id: number): Silence {
    const row = this.db.prepare<[number], Row>('SELECT * FROM silences WHERE id = ?').get(id);
    if (!row) throw new OpsdeckError('NOT_FOUND', `No silence with id ${id}.`);
    return this.silenceOf(row);
  }

  create(input: { matchers: LabelMatcher[]; startsAt?: number; endsAt: number; comment: string; createdBy: string }): Silence {
    const problems = input.matchers.map(matcherProblem).filter((p) => p !== null);
    if (problems.length) throw new OpsdeckError('BAD_REQUEST', problems.join('; '));
    // Alertmanager refuses silences that match every alert: at least one matcher must fail on the empty string.
    if (matchesAll(input.matchers, {})) throw new OpsdeckError('BAD_REQUEST', 'At least one matcher must not match the empty string: this silence would mute every alert.');
    const now = this.now();
    const startsAt = Math.max(input.startsAt ?? now, now);
    if (input.endsAt <= startsAt) throw new OpsdeckError('BAD_REQUEST', 'The silence must end after it starts (and after now).');
    const info = this.db
      .prepare('INSERT INTO silences (matchers, starts_at, ends_at, created_by, created_at, comment) VALUES (?, ?, ?, ?, ?, ?)')
      .run(JSON.stringify(input.matchers), startsAt, input.endsAt, input.createdBy, now, input.comment);
    return this.get(Number(info.lastInsertRowid));
  }

  /** Ends a silence now; a silence that has not started yet ends before it starts. */
  expire(id: number): Silence {
    const silence = this.get(id);
    if (silence.state === 'expired') throw new OpsdeckError('BAD_REQUEST', `Silence ${id} has expired already.`);
    const now = this.now();
    this.db.prepare('UPDATE silences SET ends_at = ?, starts_at = MIN(starts_at, ?) WHERE id = ?').run(now, now, id);
    return this.get(id);
  }

  /** The ids of the active silences that match these labels. */
  silencing(labels: Record<string, string>, active: Silence[] = this.active()): number[] {
    return active.filter((s) => matchesAll(s.matchers, labels)).map((s) => s.id);
  }

  active(): Silence[] {
    return this.list().filter((s) => s.state === 'active');
  }
}
