import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Party } from './party.entity';

export const CONSENT_CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'POST'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_PURPOSES = ['SURVEY', 'NOTICE'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Consent to be contacted on a channel for a purpose; withdrawal keeps the row with its date. */
@Entity('party_consents')
@Index('ix_party_consents_party', ['partyId', 'purpose'])
export class PartyConsent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'fk_party_consents_party' })
  party?: Party;

  @Column({ type: 'varchar', length: 8 })
  channel!: ConsentChannel;

  @Column({ type: 'varchar', length: 8 })
  purpose!: ConsentPurpose;

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById!: string | null;
}
