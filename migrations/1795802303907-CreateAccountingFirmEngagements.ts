import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountingFirmEngagements1795802303907 implements MigrationInterface {
  name = 'CreateAccountingFirmEngagements1795802303907';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounting_firm_engagements" ("company_id" uuid NOT NULL, "firm_company_id" uuid NOT NULL, "firm_organization_number" character(9) NOT NULL, "firm_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, CONSTRAINT "accounting_firm_engagements_pkey" PRIMARY KEY ("company_id", "firm_company_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "accounting_firm_engagements_firm_company_id_idx" ON "accounting_firm_engagements" ("firm_company_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "accounting_firm_engagements" ADD CONSTRAINT "accounting_firm_engagements_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "accounting_firm_engagements" ADD CONSTRAINT "accounting_firm_engagements_firm_company_id_fkey" FOREIGN KEY ("firm_company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "accounting_firm_engagements" DROP CONSTRAINT "accounting_firm_engagements_firm_company_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "accounting_firm_engagements" DROP CONSTRAINT "accounting_firm_engagements_company_id_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."accounting_firm_engagements_firm_company_id_idx"`);
    await queryRunner.query(`DROP TABLE "accounting_firm_engagements"`);
  }
}
