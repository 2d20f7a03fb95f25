import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application will connect as (or SET ROLE to) `hovedbok_app`: a role that owns no
 * table, cannot bypass row-level security and gets only data privileges on what the
 * migration owner creates. Roles are cluster-wide, so creating it tolerates an existing one.
 */
export class CreateApplicationRole1795796534041 implements MigrationInterface {
  name = 'CreateApplicationRole1795796534041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hovedbok_app') THEN
          CREATE ROLE hovedbok_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created by a concurrent migration of another database on this server
      END
      $$`);
    await queryRunner.query(`GRANT hovedbok_app TO CURRENT_USER`);
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO hovedbok_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hovedbok_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO hovedbok_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The role itself stays: other databases on the same server may still use it.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM hovedbok_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM hovedbok_app`,
    );
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM hovedbok_app`);
  }
}
