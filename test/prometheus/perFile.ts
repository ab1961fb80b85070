import { afterAll, beforeAll } from 'vitest';
import { startPrometheusStack, type PrometheusStack } from './index';

// Kept apart from index.ts so Playwright specs can import the stack helpers without vitest.

/** One Prometheus stack for a test file: started before its tests, stopped after them. */
export function prometheusStackForFile(): () => PrometheusStack {
  let stack: PrometheusStack | undefined;
  beforeAll(async () => {
    stack = await startPrometheusStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error('The Prometheus stack did not start (see beforeAll).');
    return stack;
  };
}
