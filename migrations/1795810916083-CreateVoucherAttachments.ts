import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVoucherAttachments1795810916083 implements MigrationInterface {
  name = 'CreateVoucherAttachments1795810916083';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "voucher_attachments" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "voucher_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "voucher_attachments_size_check" CHECK ("size_bytes" > 0), CONSTRAINT "voucher_attachments_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "voucher_attachments_content_key" ON "voucher_attachments" ("company_id", "voucher_id", "sha256") `,
    );
    await queryRunner.query(
      `ALTER TABLE "voucher_attachments" ADD CONSTRAINT "voucher_attachments_company_id_voucher_id_fkey" FOREIGN KEY ("company_id", "voucher_id") REFERENCES "vouchers"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "voucher_attachments" DROP CONSTRAINT "voucher_attachments_company_id_voucher_id_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."voucher_attachments_content_key"`);
    await queryRunner.query(`DROP TABLE "voucher_attachments"`);
  }
}
