import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Party } from './party.entity';

export const REPRESENTATIVE_ROLES = ['LEGAL_REPRESENTATIVE', 'AUTHORISED_REPRESENTATIVE', 'OTHER'] as const;
export type RepresentativeRole = (typeof REPRESENTATIVE_ROLES)[number];

/** An individual acting for an organisation or enterprise, in a role, for a period. */
@Entity('party_representatives')
export class PartyRepresentative {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_party_representatives_organization')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_party_representatives_organization' })
  organization?: Party;

  @Index('ix_party_representatives_representative')
  @Column({ name: 'representative_id', type: 'uuid' })
  representativeId!: string;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'representative_id', foreignKeyConstraintName: 'fk_party_representatives_representative' })
  representative?: Party;

  @Column({ type: 'varchar', length: 32 })
  role!: RepresentativeRole;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
