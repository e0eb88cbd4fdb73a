import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Party } from './party.entity';

export const CONTACT_KINDS = ['PHONE', 'EMAIL', 'ADDRESS'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/**
 * Versioned contact data: a change closes the current row (`validTo`) and opens a new one, so old
 * values stay with their dates. Values are encrypted; `lookupHash` allows exact phone search and
 * "did it change?" without decrypting. ADDRESS is the current (contact) address.
 */
@Entity('party_contacts')
@Index('uq_party_contacts_current', ['partyId', 'kind'], { unique: true, where: `"valid_to" IS NULL` })
@Index('ix_party_contacts_lookup', ['kind', 'lookupHash'])
export class PartyContact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_party_contacts_party')
  @Column({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'fk_party_contacts_party' })
  party?: Party;

  @Column({ type: 'varchar', length: 8 })
  kind!: ContactKind;

  @Column({ name: 'value_encrypted', type: 'bytea' })
  valueEncrypted!: Buffer;

  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId!: string;

  @Column({ name: 'lookup_hash', type: 'bytea' })
  lookupHash!: Buffer;

  /** Phones: '091****678'; null for the other kinds (shown decrypted on the detail). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  masked!: string | null;

  /** Administrative unit code of an ADDRESS. */
  @Column({ name: 'area_code', type: 'varchar', length: 16, nullable: true })
  areaCode!: string | null;

  @Column({ name: 'valid_from', type: 'timestamptz', default: () => 'now()' })
  validFrom!: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo!: Date | null;
}
