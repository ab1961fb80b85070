import { afterAll, beforeAll } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from './index';

/** One private PostgreSQL cluster for a test file: started before its tests, stopped after them. */
export function postgresForFile(): () => PrivatePostgres {
  let pg: PrivatePostgres | undefined;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  });
  afterAll(async () => {
    await pg?.close();
  });
  return () => {
    if (!pg) throw new Error('The private PostgreSQL did not start (see beforeAll).');
    return pg;
  };
}
