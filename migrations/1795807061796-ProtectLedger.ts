import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'accounts',
  'vat_codes',
  'fiscal_years',
  'periods',
  'dimensions',
  'dimension_values',
  'voucher_series',
  'voucher_number_counters',
  'vouchers',
  'postings',
  'ledger_balances',
];

/**
 * The double-entry rules of DOMAIN.md enforced by the database itself, whatever the code does:
 * - row-level security on every ledger table, like every tenant table;
 * - postings are insert-only for the application role, and a booked voucher cannot be updated
 *   or deleted by anyone (a trigger, so the owner is held to it as well);
 * - every INSERT into postings must balance per voucher, belong to a booked voucher that had
 *   no postings yet, and fall in an open period that contains its date;
 * - the same statement maintains ledger_balances (per day and month, in total and per
 *   dimension value), so balances always equal the postings; only that trigger writes them.
 */
export class ProtectLedger1795807061796 implements MigrationInterface {
  name = 'ProtectLedger1795807061796';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "${table}_tenant_isolation" ON "${table}"
           USING (company_id = app_company_id()) WITH CHECK (company_id = app_company_id())`,
      );
    }
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "postings" FROM hovedbok_app`);
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "ledger_balances" FROM hovedbok_app`);
    await queryRunner.query(`REVOKE TRUNCATE ON "vouchers" FROM hovedbok_app`);

    await queryRunner.query(`
      CREATE FUNCTION vouchers_protect_booked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'booked' THEN
          RAISE EXCEPTION 'voucher % is booked: it cannot be changed or deleted, only reversed', OLD.id
            USING ERRCODE = '55000';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER vouchers_protect_booked BEFORE UPDATE OR DELETE ON "vouchers"
      FOR EACH ROW EXECUTE FUNCTION vouchers_protect_booked()`);
    await queryRunner.query(`
      CREATE FUNCTION postings_protect() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'postings are never changed or deleted; reverse the voucher instead'
          USING ERRCODE = '55000';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER postings_protect BEFORE UPDATE OR DELETE ON "postings"
      FOR EACH ROW EXECUTE FUNCTION postings_protect()`);
    await queryRunner.query(`
      CREATE TRIGGER postings_protect_truncate BEFORE TRUNCATE ON "postings"
      FOR EACH STATEMENT EXECUTE FUNCTION postings_protect()`);

    await queryRunner.query(POSTINGS_INSERTED_FUNCTION);
    await queryRunner.query(`
      CREATE TRIGGER postings_inserted AFTER INSERT ON "postings"
      REFERENCING NEW TABLE AS new_postings
      FOR EACH STATEMENT EXECUTE FUNCTION postings_inserted()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER postings_inserted ON "postings"`);
    await queryRunner.query(`DROP FUNCTION postings_inserted()`);
    await queryRunner.query(`DROP TRIGGER postings_protect_truncate ON "postings"`);
    await queryRunner.query(`DROP TRIGGER postings_protect ON "postings"`);
    await queryRunner.query(`DROP FUNCTION postings_protect()`);
    await queryRunner.query(`DROP TRIGGER vouchers_protect_booked ON "vouchers"`);
    await queryRunner.query(`DROP FUNCTION vouchers_protect_booked()`);
    await queryRunner.query(`GRANT TRUNCATE ON "vouchers" TO hovedbok_app`);
    await queryRunner.query(`GRANT INSERT, UPDATE, DELETE, TRUNCATE ON "ledger_balances" TO hovedbok_app`);
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON "postings" TO hovedbok_app`);
    for (const table of [...TENANT_TABLES].reverse()) {
      await queryRunner.query(`DROP POLICY "${table}_tenant_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}

// SECURITY DEFINER: the application role cannot write ledger_balances at all; only this
// function, run for rows the role was allowed to insert, does. The balance rows are locked in
// key order, so concurrent bookings on the same accounts queue instead of deadlocking.
const POSTINGS_INSERTED_FUNCTION = `
  CREATE FUNCTION postings_inserted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    offending record;
  BEGIN
    SELECT voucher_id, sum(amount) AS total INTO offending
      FROM new_postings GROUP BY company_id, voucher_id HAVING sum(amount) <> 0 LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'the postings of voucher % sum to %, not zero', offending.voucher_id, offending.total
        USING ERRCODE = '23514';
    END IF;

    SELECT n.voucher_id INTO offending
      FROM (SELECT company_id, voucher_id, count(*) AS lines FROM new_postings GROUP BY 1, 2) n
      LEFT JOIN vouchers v ON v.company_id = n.company_id AND v.id = n.voucher_id
     WHERE v.status IS DISTINCT FROM 'booked'
        OR (SELECT count(*) FROM postings p WHERE p.company_id = n.company_id AND p.voucher_id = n.voucher_id) <> n.lines
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'postings are written once, with their voucher when it is booked (voucher %)', offending.voucher_id
        USING ERRCODE = '23514';
    END IF;

    SELECT n.id, n.posting_date INTO offending
      FROM new_postings n JOIN periods p ON p.company_id = n.company_id AND p.id = n.period_id
     WHERE p.status <> 'open' OR n.posting_date NOT BETWEEN p.start_date AND p.end_date
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'posting % dated % is not in an open period that contains its date', offending.id, offending.posting_date
        USING ERRCODE = '23514';
    END IF;

    INSERT INTO ledger_balances AS b
           (company_id, grain, dimension_value_id, bucket, account_id, debit, credit, posting_count)
    SELECT n.company_id, g.grain, d.dimension_value_id,
           CASE g.grain WHEN 'D' THEN n.posting_date ELSE date_trunc('month', n.posting_date)::date END,
           n.account_id, sum(greatest(n.amount, 0)), sum(greatest(-n.amount, 0)), count(*)
      FROM new_postings n
     CROSS JOIN (VALUES ('D'), ('M')) AS g(grain)
     CROSS JOIN LATERAL unnest(
             ARRAY['00000000-0000-0000-0000-000000000000'::uuid]
             || array_remove(ARRAY[n.department_id, n.project_id], NULL)
             || n.dimension_value_ids) AS d(dimension_value_id)
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (company_id, grain, dimension_value_id, bucket, account_id) DO UPDATE
       SET debit = b.debit + excluded.debit,
           credit = b.credit + excluded.credit,
           posting_count = b.posting_count + excluded.posting_count;
    RETURN NULL;
  END $$`;
