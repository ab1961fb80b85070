import { describe, expect, it } from 'vitest';
import { restoredIncidents } from '../../../src/deliveryMetrics/incidentHistory';
import { openDatabase } from '../../../src/store/database';
import { tempDir } from '../../helpers/tempDir';

describe('incidents for time to restore', () => {
  it('reads resolved incidents since a time, with the namespace their group labels carry', () => {
    const db = openDatabase(tempDir());
    const insert = db.prepare('INSERT INTO incidents (group_key, title, group_labels, fingerprints, status, opened_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('a', 'A', JSON.stringify({ namespace: 'shop', alertname: 'X' }), '[]', 'resolved', 1_000, 5_000);
    insert.run('b', 'B', JSON.stringify({ alertname: 'Y' }), '[]', 'resolved', 2_000, 9_000);
    insert.run('c', 'C', '{}', '[]', 'open', 3_000, null);
    insert.run('d', 'D', '{}', '[]', 'resolved', 100, 900);
    expect(restoredIncidents(db, 1_000)).toEqual([
      { namespace: 'shop', openedAt: 1_000, resolvedAt: 5_000 },
      { namespace: null, openedAt: 2_000, resolvedAt: 9_000 },
    ]);
    db.close();
  });
});
