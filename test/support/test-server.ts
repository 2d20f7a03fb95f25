import pg from 'pg';

/**
 * Where test databases live: the server named by DATABASE_URL, or the embedded PostgreSQL
 * that global-setup started. Global setup publishes both through these variables.
 */
export const TEST_SERVER_URL_VARIABLE = 'HOVEDBOK_TEST_SERVER_URL';
export const TEST_TEMPLATE_VARIABLE = 'HOVEDBOK_TEST_TEMPLATE';
export const TEST_DATABASE_PREFIX = 'hovedbok_test_';

/** The same server URL with another database name. */
export function urlWithDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: urlWithDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest's global setup (npm test)`);
  return value;
}
