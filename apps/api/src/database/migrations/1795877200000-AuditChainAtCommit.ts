import { MigrationInterface, QueryRunner } from 'typeorm';

const CHAIN_LOCK = 7_240_001;

/**
 * Audit records join the hash chain when their transaction commits, not when they are inserted.
 *
 * Before, the writer took the province-wide chain lock with its insert and held it until its
 * commit: every round trip between (the rest of a transition, the API process busy with other
 * requests) made every other writer in the province wait. Now a record is inserted with the
 * canonical text to hash (`chain_input`) and no hashes; a deferred constraint trigger seals it at
 * commit: under the lock, it links the record to the chain's head, computes its hash, and gives
 * it a new id from the sequence, so ids still follow the chain and the verification still walks
 * them in order. The lock is held only for the commit itself.
 *
 * The append-only trigger allows exactly that one update: from the sealing trigger, of a record
 * not yet sealed (which only its own transaction can see), changing nothing but id, hashes and
 * `chain_input`.
 */
export class AuditChainAtCommit1795877200000 implements MigrationInterface {
  name = 'AuditChainAtCommit1795877200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN chain_input text`);
    await queryRunner.query(`ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await queryRunner.query(`DROP TRIGGER audit_events_id_in_chain_order ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_id_in_chain_order()`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head(bigint)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND to_jsonb(OLD) - '{id,prev_hash,hash,chain_input}'::text[] = to_jsonb(NEW) - '{id,prev_hash,hash,chain_input}'::text[] THEN
          RETURN NEW; -- the commit-time seal (audit_events_seal)
        END IF;
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
    // PL/pgSQL takes a fresh snapshot per statement: the head read after the lock includes every
    // seal committed while this transaction waited for it, so the chain cannot fork.
    await queryRunner.query(`
      CREATE FUNCTION audit_events_seal() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head text;
      BEGIN
        IF NEW.chain_input IS NULL THEN
          RAISE EXCEPTION 'audit record % has neither a hash nor a chain_input', NEW.id USING ERRCODE = 'not_null_violation';
        END IF;
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        SELECT hash INTO head FROM audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1;
        head := coalesce(head, repeat('0', 64));
        UPDATE audit_events
           SET id = nextval(pg_get_serial_sequence('audit_events', 'id')),
               prev_hash = head,
               hash = encode(sha256(convert_to(head || chain_input, 'UTF8')), 'hex'),
               chain_input = NULL
         WHERE id = NEW.id;
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER audit_events_seal AFTER INSERT ON audit_events
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.hash IS NULL) EXECUTE FUNCTION audit_events_seal()
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_seal ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_seal()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        RETURN (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1);
      END $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION audit_events_id_in_chain_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
        RETURN NEW;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_id_in_chain_order BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_id_in_chain_order()
    `);
    await queryRunner.query(`ALTER TABLE audit_events ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE audit_events DROP COLUMN chain_input`);
  }
}
