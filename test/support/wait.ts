/**
 * Polls `probe` every 100 ms until it returns something other than `undefined`. For state another
 * process writes after the moment a test can observe (a worker records an attempt only after the
 * receiver has answered it), so the test waits for the state itself instead of sleeping.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
