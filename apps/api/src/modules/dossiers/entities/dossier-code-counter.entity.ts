import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last sequence used per receiving agency and local day: codes are allocated gap-free under a row lock. */
@Entity('dossier_code_counters')
export class DossierCodeCounter {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;
}
