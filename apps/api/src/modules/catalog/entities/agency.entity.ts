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

export const AGENCY_LEVELS = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** An organ of the province's tree (DOMAIN §2). `path` lists the ids from the root, for subtree scope. */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Electronic identifier code of the national standard, e.g. 000.00.22.H01. */
  @Index('uq_agencies_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'short_name', type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Column({ type: 'varchar', length: 16 })
  level!: AgencyLevel;

  @Index('ix_agencies_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_agencies_parent' })
  parent?: Agency;

  /** `/<root id>/…/<own id>/`: a subtree is `path LIKE '<ancestor path>%'`. */
  @Column({ type: 'text' })
  path!: string;

  @Column({ name: 'is_reception_point', type: 'boolean', default: false })
  isReceptionPoint!: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
