import { afterEach } from 'vitest';

/**
 * Collects undo steps during a test and runs them, newest first, after it:
 * `const cleanup = cleanupAfterEach(); ... cleanup(() => host.stop());`
 */
export function cleanupAfterEach(): (step: () => unknown) => void {
  const steps: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return (step) => void steps.push(step);
}
