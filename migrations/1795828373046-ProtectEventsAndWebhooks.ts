import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_OR_SYSTEM = ['events', 'event_streams', 'webhook_subscriptions', 'webhook_deliveries'];
const TENANT_ONLY = ['webhook_delivery_attempts'];

/**
 * Row-level security on events and webhooks. A request sees its own company's rows only. The
 * event relay (numbering events and fanning them out to subscriptions) and retention work on all
 * companies at once; they say so explicitly with `app.system` (DatabaseScope.system), which no
 * request-handling code sets.
 *
 * Events are the outbox of record: once written, only their sequence may be set, once, by the
 * relay. (No NOTIFY wakes the relay: a notifying transaction holds a database-wide lock through
 * its commit, which would serialise every write; the relay polls an index instead.)
 */
export class ProtectEventsAndWebhooks1795828373046 implements MigrationInterface {
  name = 'ProtectEventsAndWebhooks1795828373046';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Time-ordered ids (RFC 9562 version 7) for rows the database makes itself (the relay's
    // deliveries), as the application makes them: 48 bits of Unix milliseconds, then randomness.
    await queryRunner.query(`
      CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                 PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                 FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.system', true), '') = 'on' $$`);
    for (const table of TENANT_OR_SYSTEM)
      await this.protect(queryRunner, table, 'company_id = app_company_id() OR app_is_system()');
    for (const table of TENANT_ONLY) await this.protect(queryRunner, table, 'company_id = app_company_id()');
    // Retention deletes expired Idempotency-Key records of every company (they stay tenant-only
    // otherwise). A DELETE with a WHERE clause must also see the rows, hence the SELECT policy.
    for (const command of ['SELECT', 'DELETE'])
      await queryRunner.query(
        `CREATE POLICY "idempotency_keys_expiry_${command.toLowerCase()}" ON "idempotency_keys" FOR ${command}
           USING (app_is_system() AND expires_at < now())`,
      );
    await queryRunner.query(`
      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.sequence IS NULL AND NEW.sequence IS NOT NULL
           AND (NEW.company_id, NEW.id, NEW.type, NEW.scope, NEW.occurred_at, NEW.transaction_id, NEW.data)
               IS NOT DISTINCT FROM
               (OLD.company_id, OLD.id, OLD.type, OLD.scope, OLD.occurred_at, OLD.transaction_id, OLD.data) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'an event is never changed once written (only its sequence is set, once)'
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER events_refuse_change BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER events_refuse_change ON events`);
    await queryRunner.query(`DROP FUNCTION events_refuse_change()`);
    for (const command of ['select', 'delete'])
      await queryRunner.query(`DROP POLICY "idempotency_keys_expiry_${command}" ON "idempotency_keys"`);
    for (const table of [...TENANT_OR_SYSTEM, ...TENANT_ONLY]) {
      await queryRunner.query(`DROP POLICY "${table}_tenant_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION app_is_system()`);
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }

  private async protect(queryRunner: QueryRunner, table: string, rule: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING (${rule}) WITH CHECK (${rule})`,
    );
  }
}
