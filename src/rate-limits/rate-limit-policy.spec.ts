import {
  policiesFrom,
  publicBucketKey,
  rateLimitHeaders,
  tenantBucketKey,
  tenantBucketPrefix,
} from './rate-limit-policy.js';

const tenant = (actor: Record<string, string>) => ({
  companyId: 'c1',
  scopes: new Set<never>(),
  requestId: 'req',
  actor: { kind: 'client' as const, ...actor },
});

describe('rate-limit policies', () => {
  it('reads both quotas and the window from the configuration, 0 meaning off', () => {
    expect(policiesFrom({ perClientAndCompany: 1200, publicPerAddress: 0, windowSeconds: 60 })).toEqual({
      default: { name: 'default', quota: 1200, windowSeconds: 60 },
      public: undefined,
    });
  });

  it('keys an authenticated request by API key, else by OAuth client, and by company', () => {
    expect(tenantBucketKey(tenant({ clientId: 'hbc_1' }))).toBe('client:hbc_1:company:c1');
    expect(tenantBucketKey(tenant({ apiKeyId: 'k1', clientId: 'hbc_1' }))).toBe('api_key:k1:company:c1');
  });

  it('ends a tenant bucket key with the company id, so the database can append it', () => {
    const actor = { kind: 'api_key' as const, apiKeyId: 'k1' };
    expect(tenantBucketPrefix(actor) + 'c1').toBe(tenantBucketKey({ ...tenant({}), actor }));
  });

  it('keys a public request by address and endpoint', () => {
    expect(publicBucketKey('203.0.113.7', 'SignUpController.signUp')).toBe(
      'address:203.0.113.7:endpoint:SignUpController.signUp',
    );
  });

  it('writes the draft RateLimit fields as structured fields, and Retry-After only when refused', () => {
    const policy = { name: 'default' as const, quota: 1200, windowSeconds: 60 };
    expect(rateLimitHeaders({ policy, allowed: true, remaining: 1187, resetSeconds: 1 })).toEqual({
      'RateLimit-Policy': '"default";q=1200;w=60',
      RateLimit: '"default";r=1187;t=1',
    });
    expect(rateLimitHeaders({ policy, allowed: false, remaining: 0, resetSeconds: 12 })).toMatchObject({
      RateLimit: '"default";r=0;t=12',
      'Retry-After': '12',
    });
  });
});
