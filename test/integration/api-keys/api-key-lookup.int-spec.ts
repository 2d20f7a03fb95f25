import { ApiKey } from '../../../src/api-keys/index.js';
import { Database } from '../../../src/database/index.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { createApiKey } from '../../support/api-keys.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Authentication finds a key by id before it knows the company; the row-level security
// policy must open exactly that one key, and only for reading.
describe('row-level security on api_keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows the named key, and no other, to a transaction that names only that key', async () => {
    const a = await signUpCompany(t.http);
    const tokenA = await clientToken(t.http, a);
    const [first, second] = [
      await createApiKey(t.http, tokenA, ['company:read']),
      await createApiKey(t.http, tokenA, ['company:read']),
    ];
    const visible = await t.app
      .get(Database)
      .transaction({ apiKeyId: first.id }, (tx) => tx.getRepository(ApiKey).find());
    expect(visible.map((key) => key.id)).toEqual([first.id]);
    expect(visible.map((key) => key.id)).not.toContain(second.id);
  });

  it('shows nothing without a company or key setting', async () => {
    const rows = await t.app.get(Database).transaction({}, (tx) => tx.getRepository(ApiKey).count());
    expect(rows).toBe(0);
  });

  it('does not let the key lookup change or delete the key', async () => {
    const a = await signUpCompany(t.http);
    const key = await createApiKey(t.http, await clientToken(t.http, a), ['company:read']);
    const db = t.app.get(Database);
    const outcome = await db.transaction({ apiKeyId: key.id }, async (tx) => ({
      updated: (
        await tx
          .getRepository(ApiKey)
          .update({ companyId: a.companyId, id: key.id }, { scopes: ['audit:read'] })
      ).affected,
      deleted: (await tx.getRepository(ApiKey).delete({ companyId: a.companyId, id: key.id })).affected,
    }));
    expect(outcome).toEqual({ updated: 0, deleted: 0 });
    const stored = await db.transaction({ companyId: a.companyId }, (tx) =>
      tx.getRepository(ApiKey).findOneByOrFail({ companyId: a.companyId, id: key.id }),
    );
    expect(stored.scopes).toEqual(['company:read']);
  });
});
