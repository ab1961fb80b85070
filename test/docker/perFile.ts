import { afterAll, beforeAll } from 'vitest';
import { startPrivateDockerd, type PrivateDockerd } from './index';

// Kept apart from index.ts so Playwright specs can import the engine helpers without vitest.
/** One private dockerd for a test file: started before its tests, stopped after them. */
export function dockerdForFile(options: { tls?: boolean } = {}): () => PrivateDockerd {
  let d: PrivateDockerd | undefined;
  beforeAll(async () => {
    d = await startPrivateDockerd(options);
  });
  afterAll(async () => {
    await d?.close();
  });
  return () => {
    if (!d) throw new Error('The private dockerd did not start (see beforeAll).');
    return d;
  };
}

