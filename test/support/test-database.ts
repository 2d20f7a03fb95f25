import { randomBytes } from 'node:crypto';
import {
  requireEnv,
  TEST_DATABASE_PREFIX,
  TEST_SERVER_URL_VARIABLE,
  TEST_TEMPLATE_VARIABLE,
  urlWithDatabase,
  withAdminClient,
} from './test-server.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

const OBJECT_IN_USE = '55006';

/**
 * A database of its own for one test file: a clone of the migrated template, or (with
 * `empty: true`) a database with no schema at all.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = requireEnv(TEST_SERVER_URL_VARIABLE);
  const template = options.empty ? 'template0' : requireEnv(TEST_TEMPLATE_VARIABLE);
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, async (client) => {
    // Two clones starting at the same instant can see each other on the template; retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  return {
    name,
    url: urlWithDatabase(serverUrl, name),
    drop: () =>
      withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}
