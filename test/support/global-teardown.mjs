import pg from 'pg';

export default async function globalTeardown() {
  const serverUrl = process.env.HOVEDBOK_TEST_SERVER_URL;
  const template = process.env.HOVEDBOK_TEST_TEMPLATE;
  if (serverUrl && template) {
    const url = new URL(serverUrl);
    url.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__HOVEDBOK_EMBEDDED_STOP__?.();
}
