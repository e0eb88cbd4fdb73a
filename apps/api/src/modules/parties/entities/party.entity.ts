import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Agency } from '../../catalog/entities/agency.entity';

export const PARTY_TYPES = ['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_STATUSES = ['ACTIVE', 'MERGED', 'PSEUDONYMISED'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * One person, organisation or enterprise that transacted (DOMAIN §7). Name and birth date stay in
 * clear (search, duplicates); identifiers and contacts live encrypted in their own tables.
 * `ix_parties_name_trgm` (GIN, pg_trgm) is hand-written in the migration: TypeORM cannot express it.
 */
@Entity('parties')
@Index('ix_parties_name_trgm', { synchronize: false })
@Index('ix_parties_active_name', ['nameFolded', 'id'], { where: `"status" = 'ACTIVE'` })
@Index('ix_parties_active_name_birth', ['nameFolded', 'dateOfBirth'], { where: `"status" = 'ACTIVE' AND "date_of_birth" IS NOT NULL` })
export class Party {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: PartyType;

  /** Full name of an individual, or the name of an organisation / enterprise. */
  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  fullName!: string;

  /**
   * `foldVietnamese(fullName)`: "nguyen van an" finds "Nguyễn Văn An". ASCII only, so byte order
   * (collation C) is alphabetical, and `LIKE 'prefix%'` can use the b-tree index.
   */
  @Column({ name: 'name_folded', type: 'varchar', length: 255, collation: 'C' })
  nameFolded!: string;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  sex!: Sex | null;

  /** Administrative unit code (national list) of the permanent address, when known. */
  @Column({ name: 'permanent_area_code', type: 'varchar', length: 16, nullable: true })
  permanentAreaCode!: string | null;

  @Column({ name: 'permanent_address', type: 'varchar', length: 500, nullable: true })
  permanentAddress!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status!: PartyStatus;

  @Index('ix_parties_merged_into')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_parties_merged_into' })
  mergedInto?: Party;

  @Column({ name: 'created_by_agency_id', type: 'uuid', nullable: true })
  createdByAgencyId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_agency_id', foreignKeyConstraintName: 'fk_parties_created_by_agency' })
  createdByAgency?: Agency;

  @Column({ name: 'pseudonymised_at', type: 'timestamptz', nullable: true })
  pseudonymisedAt!: Date | null;

  /** The person asked to restrict processing (Law 91/2025): no reveal, no contact export, until lifted. */
  @Column({ name: 'restricted_at', type: 'timestamptz', nullable: true })
  restrictedAt!: Date | null;

  @Column({ name: 'restriction_reason', type: 'text', nullable: true })
  restrictionReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
