import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An Idempotency-Key already used by a caller: the same key and body return the same dossier. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ name: 'principal_id', type: 'uuid' })
  principalId!: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
