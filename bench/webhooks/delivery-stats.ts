/** A distribution of delays; negative values are kept (a delivery can beat the client's 201). */
export interface DelaySummary {
  count: number;
  minMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted samples (0 for none). */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summariseDelays(samplesMs: number[]): DelaySummary {
  const sorted = Float64Array.from(samplesMs).sort();
  const values = Array.from(sorted);
  return {
    count: values.length,
    minMs: values[0] ?? 0,
    p50Ms: percentile(values, 0.5),
    p90Ms: percentile(values, 0.9),
    p99Ms: percentile(values, 0.99),
    maxMs: values.at(-1) ?? 0,
  };
}

export interface DeliverySpan {
  delivered: number;
  /** Deliveries per second from `startedAt` (the workers ready) to the last arrival. */
  perSecond: number;
  /** Deliveries per second between the first and the last arrival (null with fewer than two). */
  firstToLastPerSecond: number | null;
  firstAfterMs: number;
  lastAfterMs: number;
}

/** Rates of arrivals (performance.now() times) counted from `startedAt`. */
export function deliverySpan(startedAt: number, arrivals: number[]): DeliverySpan {
  if (arrivals.length === 0) {
    return { delivered: 0, perSecond: 0, firstToLastPerSecond: null, firstAfterMs: 0, lastAfterMs: 0 };
  }
  let [first, last] = [arrivals[0], arrivals[0]];
  for (const at of arrivals) [first, last] = [Math.min(first, at), Math.max(last, at)];
  const spanMs = last - first;
  return {
    delivered: arrivals.length,
    perSecond: arrivals.length / ((last - startedAt) / 1000),
    firstToLastPerSecond: arrivals.length > 1 && spanMs > 0 ? (arrivals.length - 1) / (spanMs / 1000) : null,
    firstAfterMs: first - startedAt,
    lastAfterMs: last - startedAt,
  };
}
