import type { IdentifierType } from '@motcua/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Party } from './party.entity';

/**
 * An identifier of a party, encrypted at rest. `lookupHash` = HMAC-SHA256 of the normalised value:
 * exact lookup and the one-party-per-identifier rule work without decrypting.
 */
@Entity('party_identifiers')
@Index('uq_party_identifiers_type_hash', ['type', 'lookupHash'], { unique: true })
export class PartyIdentifier {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_party_identifiers_party')
  @Column({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'fk_party_identifiers_party' })
  party?: Party;

  @Column({ type: 'varchar', length: 16 })
  type!: IdentifierType;

  /** iv ‖ tag ‖ AES-256-GCM ciphertext */
  @Column({ name: 'value_encrypted', type: 'bytea' })
  valueEncrypted!: Buffer;

  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId!: string;

  @Column({ name: 'lookup_hash', type: 'bytea' })
  lookupHash!: Buffer;

  /** For lists: '089******234'. */
  @Column({ type: 'varchar', length: 32 })
  masked!: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
