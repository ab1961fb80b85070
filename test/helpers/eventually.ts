/**
 * Checks `probe` until it stops throwing (an expect() inside it), then returns its value;
 * after `timeoutMs` throws the last failure. For state reached asynchronously, never for timing.
 */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 10_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
