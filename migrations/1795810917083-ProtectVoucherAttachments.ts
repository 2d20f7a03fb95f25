import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voucher attachments are the documentation bookkeeping law says to keep: row-level security
 * like every tenant table, and written once: the application role may add and read them, never
 * change, delete or truncate them.
 */
export class ProtectVoucherAttachments1795810917083 implements MigrationInterface {
  name = 'ProtectVoucherAttachments1795810917083';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "voucher_attachments" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "voucher_attachments" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "voucher_attachments_tenant_isolation" ON "voucher_attachments"
         USING (company_id = app_company_id()) WITH CHECK (company_id = app_company_id())`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "voucher_attachments" FROM hovedbok_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON "voucher_attachments" TO hovedbok_app`);
    await queryRunner.query(`DROP POLICY "voucher_attachments_tenant_isolation" ON "voucher_attachments"`);
    await queryRunner.query(`ALTER TABLE "voucher_attachments" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "voucher_attachments" DISABLE ROW LEVEL SECURITY`);
  }
}
