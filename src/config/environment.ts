import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  Validate,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { IsTrustProxy, trustProxy } from './trust-proxy.js';
import {
  BackgroundEnvironment,
  backgroundConfigOf,
  backgroundProblems,
  toBoolean,
  toInt,
  type BackgroundConfig,
} from './background-environment.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every environment variable the process reads, with its rule. `process.env` is read
 * nowhere else: the rest of the code gets a typed, validated `AppConfig`.
 */
export class Environment extends BackgroundEnvironment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsOptional()
  @IsString()
  EMBEDDED_POSTGRES_DIR = '.data/postgres';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  // 4 MiB: a batch of 1,000 vouchers with a few lines each fits; larger work belongs in an import job.
  BODY_LIMIT_BYTES = 4 * 1024 * 1024;

  /** Largest voucher attachment (a scanned invoice or receipt). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

  // Comma-separated origins, or empty for no cross-origin access.
  @IsOptional()
  @Matches(/^$|^\*$|^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, {
    message: 'CORS_ORIGINS must be empty, "*", or a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS = '';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100000)
  GRAPHQL_MAX_COMPLEXITY = 1000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  // Short-lived, per RFC 9068 practice; clients refresh with rotating refresh tokens.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  // Sliding: each refresh issues a new token with a full lifetime.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 90;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SIGNING_KEY_ROTATION_DAYS = 30;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SIGN_UP_ENABLED = true;

  // Requests per window for each (OAuth client or API key) x company; 0 turns the limit off.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  RATE_LIMIT_PER_MINUTE = 1200;

  // Requests per window from one client address to each public endpoint (sign-up, token); 0 = off.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 60;

  // The quotas above are per window; a minute unless changed (tests use short windows).
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  // How long a write's outcome is kept for a retry with the same Idempotency-Key. The draft
  // (draft-ietf-httpapi-idempotency-key-header) suggests at least a day, so clients retrying
  // after an outage still get the first response instead of a second execution.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_KEY_TTL_HOURS = 24;

  // How long after it started a request whose write committed but whose response is not kept
  // yet counts as still running (a retry gets 409 "in progress"); after that, as having lost its
  // response (a process that died between the two). Must exceed the slowest write.
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  IDEMPOTENCY_LEASE_SECONDS = 60;

  // Which proxies may set X-Forwarded-For (Express "trust proxy"): "false", a hop count, or a
  // comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal. Never
  // "true": trusting every sender would let any client pick its own address for the limits.
  @IsOptional()
  @Validate(IsTrustProxy)
  TRUST_PROXY = 'false';

  // Only with the embedded database: a sandbox company to try the API with at once.
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_COMPANY = true;
}

export interface AppConfig extends BackgroundConfig {
  environment: Environment['NODE_ENV'];
  http: {
    port: number;
    host: string;
    publicBaseUrl: string;
    bodyLimitBytes: number;
    attachmentLimitBytes: number;
    corsOrigins: string[] | '*';
    /** Express "trust proxy": false, a hop count, or a list of trusted proxy addresses. */
    trustProxy: false | number | string;
    shutdownTimeoutMs: number;
  };
  database: {
    url: string | undefined;
    poolSize: number;
    runMigrations: boolean;
    embedded: { dataDir: string; port: number };
  };
  logLevel: LogLevel;
  /** Create a demo company on first start, when running on the embedded database. */
  demoCompany: boolean;
  graphql: { maxDepth: number; maxComplexity: number };
  rateLimits: {
    /** Per (client or API key) x company and window; 0 when off. */
    perClientAndCompany: number;
    /** Per client address, public endpoint and window; 0 when off. */
    publicPerAddress: number;
    windowSeconds: number;
  };
  idempotency: {
    /** How long a stored outcome is replayed, from when it was stored. */
    ttlHours: number;
    /** How long an unfinished request keeps its key before a retry may take it over. */
    leaseSeconds: number;
  };
  oauth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    signingKeyRotationDays: number;
    signUpEnabled: boolean;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return errors.map((error) => {
    const rules = Object.values(error.constraints ?? {}).join('; ');
    return `${error.property}=${JSON.stringify(env[error.property] ?? '')}: ${rules}`;
  });
}

function rateLimitsOf(parsed: Environment): AppConfig['rateLimits'] {
  return {
    perClientAndCompany: parsed.RATE_LIMIT_PER_MINUTE,
    publicPerAddress: parsed.RATE_LIMIT_PUBLIC_PER_MINUTE,
    windowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS,
  };
}

/** Reads and validates the environment; throws a `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings mean "unset", the way shells and compose files usually write them.
  const present = Object.fromEntries(
    Object.keys(new Environment()).flatMap((key) => (env[key] ? [[key, env[key]]] : [])),
  );
  if (env.DATABASE_URL) present.DATABASE_URL = env.DATABASE_URL;
  if (env.PUBLIC_BASE_URL) present.PUBLIC_BASE_URL = env.PUBLIC_BASE_URL;
  const parsed = plainToInstance(Environment, present);
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(describe(errors, env));
  const combined = backgroundProblems(parsed);
  if (combined.length > 0) throw new ConfigError(combined);
  return toAppConfig(parsed);
}

function toAppConfig(parsed: Environment): AppConfig {
  const cors = parsed.CORS_ORIGINS.trim();
  return {
    ...backgroundConfigOf(parsed),
    environment: parsed.NODE_ENV,
    http: {
      port: parsed.PORT,
      host: parsed.HOST,
      publicBaseUrl: (parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
      bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
      attachmentLimitBytes: parsed.ATTACHMENT_LIMIT_BYTES,
      corsOrigins: cors === '*' ? '*' : cors.split(',').filter(Boolean),
      shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS,
      trustProxy: trustProxy(parsed.TRUST_PROXY),
    },
    database: {
      url: parsed.DATABASE_URL,
      poolSize: parsed.DATABASE_POOL_SIZE,
      runMigrations: parsed.MIGRATIONS_RUN,
      embedded: { dataDir: parsed.EMBEDDED_POSTGRES_DIR, port: parsed.EMBEDDED_POSTGRES_PORT },
    },
    logLevel: parsed.LOG_LEVEL,
    demoCompany: parsed.DEMO_COMPANY,
    graphql: { maxDepth: parsed.GRAPHQL_MAX_DEPTH, maxComplexity: parsed.GRAPHQL_MAX_COMPLEXITY },
    rateLimits: rateLimitsOf(parsed),
    idempotency: {
      ttlHours: parsed.IDEMPOTENCY_KEY_TTL_HOURS,
      leaseSeconds: parsed.IDEMPOTENCY_LEASE_SECONDS,
    },
    oauth: {
      accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS,
      signingKeyRotationDays: parsed.SIGNING_KEY_ROTATION_DAYS,
      signUpEnabled: parsed.SIGN_UP_ENABLED,
    },
  };
}
