import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Dossier } from './dossier.entity';

export const ATTACHMENT_KINDS = ['DOCUMENT', 'RESULT'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A file of a dossier: a submitted (or digitised) document, or the issued result. */
@Entity('dossier_attachments')
@Index('ix_dossier_attachments_dossier', ['dossierId', 'uploadedAt'])
export class DossierAttachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @ManyToOne(() => Dossier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dossier_id', foreignKeyConstraintName: 'fk_dossier_attachments_dossier' })
  dossier?: Dossier;

  @Column({ type: 'varchar', length: 8 })
  kind!: AttachmentKind;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  /** Judged from the content, never from the name. */
  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ name: 'uploaded_by_name', type: 'varchar', length: 255, nullable: true })
  uploadedByName!: string | null;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
