import { performance } from 'node:perf_hooks';
import { summarise, type LatencySummary } from './latency.js';

export interface LoopOptions {
  /** Workers, each doing one operation at a time. */
  concurrency: number;
  /** Uncounted seconds before measuring (0 for none). */
  warmupSeconds: number;
  /** Measure for this long, or until `operations` have completed, whichever is given. */
  until: { seconds: number } | { operations: number };
  /** One operation; `worker` is 0..concurrency-1. Throws on failure. */
  operation: (worker: number) => Promise<void>;
}

export interface LoopResult {
  concurrency: number;
  operations: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  failures: number;
  firstFailure: string | null;
}

interface Phase {
  latencies: number[];
  failures: number;
  firstFailure: string | null;
}

async function runPhase(
  options: LoopOptions,
  until: LoopOptions['until'],
): Promise<Phase & { seconds: number }> {
  const phase: Phase = { latencies: [], failures: 0, firstFailure: null };
  const started = performance.now();
  const deadline = 'seconds' in until ? started + until.seconds * 1000 : Infinity;
  let remaining = 'operations' in until ? until.operations : Infinity;
  const worker = async (index: number): Promise<void> => {
    while (performance.now() < deadline && remaining > 0) {
      remaining -= 1;
      const begun = performance.now();
      try {
        await options.operation(index);
        phase.latencies.push(performance.now() - begun);
      } catch (error) {
        phase.failures += 1;
        phase.firstFailure ??= error instanceof Error ? error.message : String(error);
        // A failing operation usually fails fast: stop hammering after a few.
        if (phase.failures >= 10) remaining = 0;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index)));
  return { ...phase, seconds: (performance.now() - started) / 1000 };
}

/**
 * A closed loop: `concurrency` workers each start the next operation when the last one ends,
 * so throughput and latency are measured together, as a client with that many connections sees
 * them. Only successful operations count towards throughput and latency.
 */
export async function runClosedLoop(options: LoopOptions): Promise<LoopResult> {
  if (options.warmupSeconds > 0) {
    const warmup = await runPhase(options, { seconds: options.warmupSeconds });
    if (warmup.failures > 0) {
      return { ...resultOf(options, warmup), operations: 0, perSecond: 0 };
    }
  }
  return resultOf(options, await runPhase(options, options.until));
}

function resultOf(options: LoopOptions, phase: Phase & { seconds: number }): LoopResult {
  return {
    concurrency: options.concurrency,
    operations: phase.latencies.length,
    seconds: phase.seconds,
    perSecond: phase.latencies.length / phase.seconds,
    latency: summarise(phase.latencies),
    failures: phase.failures,
    firstFailure: phase.firstFailure,
  };
}
