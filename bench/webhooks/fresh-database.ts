import pg from 'pg';

export interface SuiteDatabase {
  name: string;
  url: string;
}

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database next to the run's, on the same PostgreSQL server, for a suite that must not
 * share tables with the suites before it. Named after the run's database, so that the embedded
 * server's sweep of stale bench databases takes it too; `drop` connects through the run's.
 */
export async function siblingDatabase(
  run: SuiteDatabase,
  suffix: string,
): Promise<SuiteDatabase & { drop: () => Promise<void> }> {
  const name = `${run.name}_${suffix}`;
  const url = new URL(run.url);
  url.pathname = `/${name}`;
  await onDatabase(run.url, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const drop = async (): Promise<void> => {
    await onDatabase(run.url, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
    );
  };
  return { name, url: url.toString(), drop };
}
