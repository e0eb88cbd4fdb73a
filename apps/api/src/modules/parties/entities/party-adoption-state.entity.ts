import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far the adoption of pre-registry dossiers' applicants got (keyset on the dossiers' creation
 * order), so a restart continues there instead of re-scanning every dossier. One row.
 */
@Entity('party_adoption_state')
export class PartyAdoptionState {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'last_created_at', type: 'timestamptz', precision: 3, nullable: true })
  lastCreatedAt!: Date | null;

  @Column({ name: 'last_dossier_id', type: 'uuid', nullable: true })
  lastDossierId!: string | null;

  @Column({ name: 'adopted', type: 'integer', default: 0 })
  adopted!: number;
}
