import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One round trip to take the audit chain lock and read the chain's last hash. PL/pgSQL runs each
 * statement with a fresh snapshot, so the hash read after the lock includes every append committed
 * while this transaction waited: the chain cannot fork.
 */
export class AuditChainHead1795865000000 implements MigrationInterface {
  name = 'AuditChainHead1795865000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        RETURN (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1);
      END $$
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_chain_head(bigint)`);
  }
}
