import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit record's id is taken under the chain lock, so ids follow the chain. The chained insert
 * takes the lock inside its own statement, but the id default (nextval) is evaluated before it:
 * a record whose transaction waited for the lock could get a smaller id than the record it links
 * to, and the verification (in id order) reported a broken chain whenever two writers overlapped —
 * e.g. a login during a historical import. The trigger takes the lock (re-entrant: a no-op when the
 * statement already holds it) and re-numbers the row from the sequence.
 */
export class AuditIdsInChainOrder1795876900000 implements MigrationInterface {
  name = 'AuditIdsInChainOrder1795876900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_events_id_in_chain_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7240001);
        NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
        RETURN NEW;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_id_in_chain_order BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_id_in_chain_order()
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_id_in_chain_order ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_id_in_chain_order()`);
  }
}
