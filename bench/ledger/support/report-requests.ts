import { performance } from 'node:perf_hooks';
import { runScenario, type ScenarioResult } from '../../support/load.js';
import type { ApiSession } from './api-session.js';
import { summarise, type LatencySummary } from './latency.js';

// Uncounted requests first: the first after a bulk load or a new range pays for cold caches.
const WARMUP_REQUESTS = 5;

/** `count` requests one after another (after a few uncounted), each body read whole; the last body comes back. */
export async function sequentialGets(
  session: ApiSession,
  path: string,
  count: number,
): Promise<{ latency: LatencySummary; body: string }> {
  const samples: number[] = [];
  let body = '';
  for (let i = 0; i < WARMUP_REQUESTS + count; i += 1) {
    const started = performance.now();
    body = await session.request(path, { method: 'GET', expected: 200 });
    if (i >= WARMUP_REQUESTS) samples.push(performance.now() - started);
  }
  return { latency: summarise(samples), body };
}

/** The same GET under autocannon (the harness's scenario runner: check, warm-up, measure). */
export async function loadedGets(
  session: ApiSession,
  name: string,
  path: string,
  seconds: number,
  connections: number,
): Promise<ScenarioResult> {
  return runScenario(
    session.baseUrl,
    { name, path, request: { method: 'GET', headers: await session.headers() } },
    { durationSeconds: seconds, warmupSeconds: 1, connections },
  );
}
