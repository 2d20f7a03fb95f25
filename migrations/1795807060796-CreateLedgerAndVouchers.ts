import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLedgerAndVouchers1795807060796 implements MigrationInterface {
  name = 'CreateLedgerAndVouchers1795807060796';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "number" text NOT NULL, "name" text NOT NULL, "description" text, "account_class" text NOT NULL, "standard_account_id" text NOT NULL, "grouping_category" text NOT NULL, "grouping_code" text NOT NULL, "control_kind" text, "default_vat_code" text, "is_vat_locked" boolean NOT NULL DEFAULT false, "requires_department" boolean NOT NULL DEFAULT false, "requires_project" boolean NOT NULL DEFAULT false, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "accounts_control_kind_check" CHECK ("control_kind" IN ('receivable', 'payable')), CONSTRAINT "accounts_account_class_check" CHECK ("account_class" IN ('asset', 'equity', 'liability', 'revenue', 'expense')), CONSTRAINT "accounts_number_check" CHECK ("number" ~ '^[1-8][0-9]{3,5}$'), CONSTRAINT "accounts_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "accounts_number_key" ON "accounts" ("company_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vat_codes" ("company_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "direction" text NOT NULL, "rates" jsonb NOT NULL, "vat_account_id" uuid, "deduction_account_id" uuid, "is_deductible" boolean NOT NULL DEFAULT true, "is_active" boolean NOT NULL DEFAULT true, CONSTRAINT "vat_codes_direction_check" CHECK ("direction" IN ('output', 'input', 'reverse_charge', 'none')), CONSTRAINT "vat_codes_pkey" PRIMARY KEY ("company_id", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fiscal_years" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fiscal_years_dates_check" CHECK ("end_date" > "start_date"), CONSTRAINT "fiscal_years_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "fiscal_years_start_date_key" ON "fiscal_years" ("company_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "periods" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "fiscal_year_id" uuid NOT NULL, "number" smallint NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" text NOT NULL DEFAULT 'open', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "periods_dates_check" CHECK ("end_date" >= "start_date"), CONSTRAINT "periods_status_check" CHECK ("status" IN ('open', 'closed', 'locked')), CONSTRAINT "periods_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "periods_fiscal_year_number_key" ON "periods" ("company_id", "fiscal_year_id", "number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "periods_start_date_key" ON "periods" ("company_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "dimensions" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "dimensions_kind_check" CHECK ("kind" IN ('department', 'project', 'free')), CONSTRAINT "dimensions_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "dimensions_name_key" ON "dimensions" ("company_id", "name") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "dimensions_builtin_kind_key" ON "dimensions" ("company_id", "kind") WHERE "kind" <> 'free'`,
    );
    await queryRunner.query(
      `CREATE TABLE "dimension_values" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "dimension_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "dimension_values_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "dimension_values_code_key" ON "dimension_values" ("company_id", "dimension_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "voucher_series" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "voucher_type" text NOT NULL, CONSTRAINT "voucher_series_voucher_type_check" CHECK ("voucher_type" IN ('manual', 'sales', 'purchase', 'bank', 'pos', 'payroll', 'expense', 'opening_balance')), CONSTRAINT "voucher_series_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "voucher_series_voucher_type_key" ON "voucher_series" ("company_id", "voucher_type") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "voucher_series_code_key" ON "voucher_series" ("company_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vouchers" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "series_id" uuid NOT NULL, "fiscal_year_id" uuid, "number" integer, "status" text NOT NULL, "voucher_date" date NOT NULL, "description" text NOT NULL DEFAULT '', "amounts_include_vat" boolean NOT NULL DEFAULT false, "draft_lines" jsonb, "reverses_voucher_id" uuid, "created_by_kind" text NOT NULL, "created_by_user_id" uuid, "created_by_client_id" text, "created_by_api_key_id" uuid, "booked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "vouchers_booked_check" CHECK ("status" = 'draft' OR ("number" IS NOT NULL AND "fiscal_year_id" IS NOT NULL AND "booked_at" IS NOT NULL)), CONSTRAINT "vouchers_status_check" CHECK ("status" IN ('draft', 'booked')), CONSTRAINT "vouchers_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "vouchers_date_idx" ON "vouchers" ("company_id", "voucher_date", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "vouchers_reverses_voucher_id_key" ON "vouchers" ("company_id", "reverses_voucher_id") WHERE "reverses_voucher_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "vouchers_number_key" ON "vouchers" ("company_id", "series_id", "fiscal_year_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "voucher_number_counters" ("company_id" uuid NOT NULL, "series_id" uuid NOT NULL, "fiscal_year_id" uuid NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "voucher_number_counters_pkey" PRIMARY KEY ("company_id", "series_id", "fiscal_year_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "postings" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "voucher_id" uuid NOT NULL, "line_number" smallint NOT NULL, "kind" text NOT NULL, "source_line_number" smallint, "posting_date" date NOT NULL, "period_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount" numeric(19,4) NOT NULL, "currency" character(3) NOT NULL DEFAULT 'NOK', "currency_amount" numeric(19,4) NOT NULL, "exchange_rate" numeric(19,8) NOT NULL DEFAULT '1', "vat_code" text, "vat_rate" numeric(7,4), "department_id" uuid, "project_id" uuid, "dimension_value_ids" uuid array NOT NULL DEFAULT '{}', "customer_id" uuid, "supplier_id" uuid, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "postings_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'), CONSTRAINT "postings_kind_check" CHECK ("kind" IN ('entry', 'vat', 'rounding')), CONSTRAINT "postings_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "postings_date_idx" ON "postings" ("company_id", "posting_date", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "postings_account_date_idx" ON "postings" ("company_id", "account_id", "posting_date", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "postings_voucher_line_key" ON "postings" ("company_id", "voucher_id", "line_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_balances" ("company_id" uuid NOT NULL, "grain" character(1) NOT NULL, "dimension_value_id" uuid NOT NULL, "bucket" date NOT NULL, "account_id" uuid NOT NULL, "debit" numeric(19,4) NOT NULL, "credit" numeric(19,4) NOT NULL, "posting_count" integer NOT NULL, CONSTRAINT "ledger_balances_grain_check" CHECK ("grain" IN ('D', 'M')), CONSTRAINT "ledger_balances_pkey" PRIMARY KEY ("company_id", "grain", "dimension_value_id", "bucket", "account_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "accounts_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vat_codes" ADD CONSTRAINT "vat_codes_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vat_codes" ADD CONSTRAINT "vat_codes_company_id_vat_account_id_fkey" FOREIGN KEY ("company_id", "vat_account_id") REFERENCES "accounts"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vat_codes" ADD CONSTRAINT "vat_codes_company_id_deduction_account_id_fkey" FOREIGN KEY ("company_id", "deduction_account_id") REFERENCES "accounts"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_years" ADD CONSTRAINT "fiscal_years_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "periods" ADD CONSTRAINT "periods_company_id_fiscal_year_id_fkey" FOREIGN KEY ("company_id", "fiscal_year_id") REFERENCES "fiscal_years"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dimensions" ADD CONSTRAINT "dimensions_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dimension_values" ADD CONSTRAINT "dimension_values_company_id_dimension_id_fkey" FOREIGN KEY ("company_id", "dimension_id") REFERENCES "dimensions"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voucher_series" ADD CONSTRAINT "voucher_series_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_company_id_series_id_fkey" FOREIGN KEY ("company_id", "series_id") REFERENCES "voucher_series"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_company_id_fiscal_year_id_fkey" FOREIGN KEY ("company_id", "fiscal_year_id") REFERENCES "fiscal_years"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_company_id_reverses_voucher_id_fkey" FOREIGN KEY ("company_id", "reverses_voucher_id") REFERENCES "vouchers"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voucher_number_counters" ADD CONSTRAINT "voucher_number_counters_company_id_series_id_fkey" FOREIGN KEY ("company_id", "series_id") REFERENCES "voucher_series"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "voucher_number_counters" ADD CONSTRAINT "voucher_number_counters_company_id_fiscal_year_id_fkey" FOREIGN KEY ("company_id", "fiscal_year_id") REFERENCES "fiscal_years"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_voucher_id_fkey" FOREIGN KEY ("company_id", "voucher_id") REFERENCES "vouchers"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_account_id_fkey" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_period_id_fkey" FOREIGN KEY ("company_id", "period_id") REFERENCES "periods"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_department_id_fkey" FOREIGN KEY ("company_id", "department_id") REFERENCES "dimension_values"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "postings" ADD CONSTRAINT "postings_company_id_project_id_fkey" FOREIGN KEY ("company_id", "project_id") REFERENCES "dimension_values"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_company_id_account_id_fkey" FOREIGN KEY ("company_id", "account_id") REFERENCES "accounts"("company_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ledger_balances" DROP CONSTRAINT "ledger_balances_company_id_account_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "postings" DROP CONSTRAINT "postings_company_id_project_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "postings" DROP CONSTRAINT "postings_company_id_department_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "postings" DROP CONSTRAINT "postings_company_id_period_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "postings" DROP CONSTRAINT "postings_company_id_account_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "postings" DROP CONSTRAINT "postings_company_id_voucher_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "voucher_number_counters" DROP CONSTRAINT "voucher_number_counters_company_id_fiscal_year_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "voucher_number_counters" DROP CONSTRAINT "voucher_number_counters_company_id_series_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vouchers" DROP CONSTRAINT "vouchers_company_id_reverses_voucher_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vouchers" DROP CONSTRAINT "vouchers_company_id_fiscal_year_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "vouchers" DROP CONSTRAINT "vouchers_company_id_series_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "voucher_series" DROP CONSTRAINT "voucher_series_company_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "dimension_values" DROP CONSTRAINT "dimension_values_company_id_dimension_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "dimensions" DROP CONSTRAINT "dimensions_company_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "periods" DROP CONSTRAINT "periods_company_id_fiscal_year_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "fiscal_years" DROP CONSTRAINT "fiscal_years_company_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "vat_codes" DROP CONSTRAINT "vat_codes_company_id_deduction_account_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vat_codes" DROP CONSTRAINT "vat_codes_company_id_vat_account_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "vat_codes" DROP CONSTRAINT "vat_codes_company_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "accounts_company_id_fkey"`);
    await queryRunner.query(`DROP TABLE "ledger_balances"`);
    await queryRunner.query(`DROP INDEX "public"."postings_voucher_line_key"`);
    await queryRunner.query(`DROP INDEX "public"."postings_account_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."postings_date_idx"`);
    await queryRunner.query(`DROP TABLE "postings"`);
    await queryRunner.query(`DROP TABLE "voucher_number_counters"`);
    await queryRunner.query(`DROP INDEX "public"."vouchers_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."vouchers_reverses_voucher_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."vouchers_date_idx"`);
    await queryRunner.query(`DROP TABLE "vouchers"`);
    await queryRunner.query(`DROP INDEX "public"."voucher_series_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."voucher_series_voucher_type_key"`);
    await queryRunner.query(`DROP TABLE "voucher_series"`);
    await queryRunner.query(`DROP INDEX "public"."dimension_values_code_key"`);
    await queryRunner.query(`DROP TABLE "dimension_values"`);
    await queryRunner.query(`DROP INDEX "public"."dimensions_builtin_kind_key"`);
    await queryRunner.query(`DROP INDEX "public"."dimensions_name_key"`);
    await queryRunner.query(`DROP TABLE "dimensions"`);
    await queryRunner.query(`DROP INDEX "public"."periods_start_date_key"`);
    await queryRunner.query(`DROP INDEX "public"."periods_fiscal_year_number_key"`);
    await queryRunner.query(`DROP TABLE "periods"`);
    await queryRunner.query(`DROP INDEX "public"."fiscal_years_start_date_key"`);
    await queryRunner.query(`DROP TABLE "fiscal_years"`);
    await queryRunner.query(`DROP TABLE "vat_codes"`);
    await queryRunner.query(`DROP INDEX "public"."accounts_number_key"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
