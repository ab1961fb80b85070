import type { Db } from '../../store/database';
import type { StormLog, StormState } from './stormGuard';

/** The storm guard's state in one row of the store. */
export class StormStore implements StormLog {
  constructor(private readonly db: Db) {}

  load(): StormState | null {
    const row = this.db.prepare<[], { starts: string; storm: string | null }>('SELECT starts, storm FROM notification_storm WHERE id = 1').get();
    return row ? { starts: JSON.parse(row.starts) as StormState['starts'], storm: row.storm === null ? null : (JSON.parse(row.storm) as StormState['storm']) } : null;
  }

  save(state: StormState): void {
    this.db.prepare('INSERT OR REPLACE INTO notification_storm (id, starts, storm) VALUES (1, ?, ?)').run(JSON.stringify(state.starts), state.storm === null ? null : JSON.stringify(state.storm));
  }
}
