export const SUITES = ['http', 'ledger', 'webhooks'] as const;
export type Suite = (typeof SUITES)[number];

export interface BenchSettings {
  /**
   * `BENCH_SUITES=http,ledger,webhooks` (the default): the autocannon scenarios, the ledger
   * benchmarks, webhook delivery.
   */
  suites: Suite[];
  /** Measured seconds per scenario. */
  durationSeconds: number;
  /** Uncounted seconds per scenario before measuring. */
  warmupSeconds: number;
  /** Concurrent connections autocannon keeps open. */
  connections: number;
  /** External server to create the bench database on; the embedded PostgreSQL when unset. */
  databaseUrl: string | undefined;
  /** How long the server may take to answer 200 on /health/ready. */
  readyTimeoutMs: number;
}

export class SettingsError extends Error {}

export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new SettingsError(`${name}=${JSON.stringify(raw)}: expected a whole number from 1 to ${max}`);
  }
  return value;
}

function suites(env: NodeJS.ProcessEnv): Suite[] {
  const raw = env.BENCH_SUITES?.trim();
  if (!raw) return [...SUITES];
  const named = raw.split(',').map((name) => name.trim());
  if (named.length === 0 || named.some((name) => !(SUITES as readonly string[]).includes(name))) {
    throw new SettingsError(`BENCH_SUITES=${JSON.stringify(raw)}: expected some of ${SUITES.join(',')}`);
  }
  return SUITES.filter((suite) => named.includes(suite));
}

/** Reads the BENCH_* variables and DATABASE_URL; throws a `SettingsError` on a bad value. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    suites: suites(env),
    durationSeconds: positiveInt(env, 'BENCH_DURATION_SECONDS', 10, 3600),
    warmupSeconds: 2,
    connections: positiveInt(env, 'BENCH_CONNECTIONS', 16, 1000),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    readyTimeoutMs: 60_000,
  };
}
