import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Dossier } from '../../dossiers/entities/dossier.entity';
import { Party } from './party.entity';

export const DOSSIER_PARTY_ROLES = ['OWNER', 'SUBMITTER', 'AUTHORISED', 'RESULT_RECIPIENT'] as const;
export type DossierPartyRole = (typeof DOSSIER_PARTY_ROLES)[number];

/** Which parties a dossier concerns, by role (the owner is the applicant). */
@Entity('dossier_parties')
@Index('ix_dossier_parties_party', ['partyId', 'role'])
export class DossierParty {
  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: DossierPartyRole;

  @PrimaryColumn({ name: 'party_id', type: 'uuid' })
  partyId!: string;

  // Declared here only for the foreign key: the registry reads dossiers, never writes them.
  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_parties_dossier' })
  dossier?: Dossier;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'fk_dossier_parties_party' })
  party?: Party;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
