import { ConfigError, loadConfig } from './environment.js';

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicBaseUrl: 'http://localhost:3000',
      corsOrigins: [],
    });
    expect(config.database).toMatchObject({
      url: undefined,
      runMigrations: true,
      embedded: { dataDir: '.data/postgres', port: 54329 },
    });
    expect(config.logLevel).toBe('info');
  });

  it('reads and converts every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app:pw@db:5432/books',
      MIGRATIONS_RUN: 'false',
      PUBLIC_BASE_URL: 'https://api.example.no/',
      CORS_ORIGINS: 'https://a.example,https://b.example',
      BODY_LIMIT_BYTES: '4096',
      LOG_LEVEL: 'warn',
    });
    expect(config.http).toMatchObject({
      port: 8080,
      publicBaseUrl: 'https://api.example.no',
      bodyLimitBytes: 4096,
    });
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.database).toMatchObject({ url: 'postgres://app:pw@db:5432/books', runMigrations: false });
    expect(config.logLevel).toBe('warn');
  });

  it('reads the rate limits, 0 turning one off, and the proxies to trust', () => {
    const config = loadConfig({
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
    });
    expect(config.rateLimits).toEqual({ perClientAndCompany: 0, publicPerAddress: 60, windowSeconds: 10 });
    expect(config.http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({}).rateLimits.perClientAndCompany).toBe(1200);
  });

  it('keeps idempotency records a day and leases a key for a minute unless told otherwise', () => {
    expect(loadConfig({}).idempotency).toEqual({ ttlHours: 24, leaseSeconds: 60 });
    expect(
      loadConfig({ IDEMPOTENCY_KEY_TTL_HOURS: '48', IDEMPOTENCY_LEASE_SECONDS: '5' }).idempotency,
    ).toEqual({ ttlHours: 48, leaseSeconds: 5 });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['LOG_LEVEL', 'loud'],
    ['MIGRATIONS_RUN', 'maybe'],
    ['PUBLIC_BASE_URL', 'ftp://x'],
    ['CORS_ORIGINS', 'shop.example'],
    ['BODY_LIMIT_BYTES', '1'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0'],
    ['IDEMPOTENCY_KEY_TTL_HOURS', '0'],
    ['IDEMPOTENCY_LEASE_SECONDS', 'soon'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/33'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}`);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
