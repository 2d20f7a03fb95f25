import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security on the idempotency records, enabled and forced like every tenant table:
 * a transaction sees and writes only the records of the company it names. No cross-company
 * lookup is needed: a key is only ever used after the guard has picked the company.
 */
export class ProtectIdempotencyKeys1795807910454 implements MigrationInterface {
  name = 'ProtectIdempotencyKeys1795807910454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_keys" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "idempotency_keys_tenant_isolation" ON "idempotency_keys"
         USING (company_id = app_company_id()) WITH CHECK (company_id = app_company_id())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "idempotency_keys_tenant_isolation" ON "idempotency_keys"`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "idempotency_keys" DISABLE ROW LEVEL SECURITY`);
  }
}
