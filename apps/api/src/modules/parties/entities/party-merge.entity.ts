import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Party } from './party.entity';

/** What moved from a merged party to the survivor (ids and counts, never personal values). */
export interface PartyMergeMoved {
  dossierLinks: number;
  identifiers: number;
  contacts: number;
  representatives: number;
  consents: number;
}

/** The trace of one merge of duplicates: which party survived, which was merged, by whom, why. */
@Entity('party_merges')
export class PartyMerge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_party_merges_survivor')
  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId!: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survivor_id', foreignKeyConstraintName: 'fk_party_merges_survivor' })
  survivor?: Party;

  @Index('ix_party_merges_merged')
  @Column({ name: 'merged_id', type: 'uuid' })
  mergedId!: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_id', foreignKeyConstraintName: 'fk_party_merges_merged' })
  merged?: Party;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Column({ name: 'merged_by_id', type: 'uuid', nullable: true })
  mergedById!: string | null;

  @Column({ name: 'merged_by_name', type: 'varchar', length: 255, nullable: true })
  mergedByName!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'jsonb' })
  moved!: PartyMergeMoved;
}
