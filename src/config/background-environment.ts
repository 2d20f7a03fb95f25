import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
export const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(normalised)) return true;
  if (['false', '0', 'no'].includes(normalised)) return false;
  return value;
};

/** Svix's and Stripe's practice, stretched to about three days: published in the README. */
export const DEFAULT_RETRY_SCHEDULE = '0,5,300,1800,7200,18000,36000,50400,72000,86400';

/** The environment of workers, events and webhooks (see Environment, which extends it). */
export class BackgroundEnvironment {
  // Run the job queue and the event relay inside the API process (the two-command start); set
  // false in production and run `npm run worker` processes instead.
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  WORKERS_IN_PROCESS = true;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 32;

  // How often a worker looks for jobs that became due (retries); new jobs wake it at once.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  WORKER_POLL_INTERVAL_MS = 1000;

  // A worker process whose heartbeat is older than this is taken for dead and its jobs run again.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WORKER_STALE_SECONDS = 30;

  // How often a worker looks for committed events to number and deliver (one indexed query).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(10000)
  EVENT_RELAY_INTERVAL_MS = 50;

  // How long events stay in the feed (and deliveries in the log).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  EVENT_RETENTION_DAYS = 90;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  // Seconds to wait before each attempt, the first included (0: at once); each wait gets up to
  // 20 % random jitter. The default spans about three days.
  @IsOptional()
  @Matches(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, { message: 'must be comma-separated seconds, e.g. 0,5,300' })
  WEBHOOK_RETRY_SCHEDULE = DEFAULT_RETRY_SCHEDULE;

  // A subscription with no successful delivery for this long is disabled (3 days).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30 * 86400)
  WEBHOOK_DISABLE_AFTER_SECONDS = 3 * 86400;

  // Development and tests only (refused when NODE_ENV=production): plain http:// targets.
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_HTTP = false;

  // Development and tests only (refused when NODE_ENV=production): comma-separated addresses or
  // CIDR ranges webhooks may reach although they are not public, e.g. 127.0.0.0/8,::1/128.
  @IsOptional()
  @Matches(/^[0-9a-fA-F:.,/]*$/, { message: 'must be comma-separated IP addresses or CIDR ranges' })
  WEBHOOK_ALLOWED_PRIVATE_RANGES = '';
}

export interface BackgroundConfig {
  workers: { inProcess: boolean; concurrency: number; pollIntervalMs: number; staleAfterSeconds: number };
  events: { retentionDays: number; relayIntervalMs: number };
  webhooks: {
    timeoutMs: number;
    /** Seconds before each attempt, the first included. */
    retryScheduleSeconds: number[];
    disableAfterSeconds: number;
    allowHttp: boolean;
    allowedPrivateRanges: string[];
  };
}

/** Problems with the combination of settings (the per-variable rules are the decorators'). */
export function backgroundProblems(parsed: BackgroundEnvironment & { NODE_ENV: string }): string[] {
  if (parsed.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (parsed.WEBHOOK_ALLOW_HTTP) problems.push('WEBHOOK_ALLOW_HTTP is for development and tests only');
  if (parsed.WEBHOOK_ALLOWED_PRIVATE_RANGES.trim())
    problems.push('WEBHOOK_ALLOWED_PRIVATE_RANGES is for development and tests only');
  return problems;
}

export function backgroundConfigOf(parsed: BackgroundEnvironment): BackgroundConfig {
  return {
    workers: {
      inProcess: parsed.WORKERS_IN_PROCESS,
      concurrency: parsed.WORKER_CONCURRENCY,
      pollIntervalMs: parsed.WORKER_POLL_INTERVAL_MS,
      staleAfterSeconds: parsed.WORKER_STALE_SECONDS,
    },
    events: { retentionDays: parsed.EVENT_RETENTION_DAYS, relayIntervalMs: parsed.EVENT_RELAY_INTERVAL_MS },
    webhooks: {
      timeoutMs: parsed.WEBHOOK_TIMEOUT_MS,
      retryScheduleSeconds: parsed.WEBHOOK_RETRY_SCHEDULE.split(',').map(Number),
      disableAfterSeconds: parsed.WEBHOOK_DISABLE_AFTER_SECONDS,
      allowHttp: parsed.WEBHOOK_ALLOW_HTTP,
      allowedPrivateRanges: parsed.WEBHOOK_ALLOWED_PRIVATE_RANGES.split(',')
        .map((range) => range.trim())
        .filter(Boolean),
    },
  };
}
