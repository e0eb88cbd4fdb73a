import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_TYPES = [
  'STEP_RECEIVED',
  'STEP_DUE_SOON',
  'STEP_OVERDUE',
  'STEP_RETURNED',
  'STEP_CANCELLED',
  'DOSSIER_TO_RETURN',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** An in-app notification for one staff member (issue 6): what arrived, what is due, what came back. */
@Entity('notifications')
@Index('ix_notifications_user_unread', ['userId', 'readAt', 'id'])
export class Notification {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: NotificationType;

  @Column({ name: 'dossier_code', type: 'varchar', length: 48 })
  dossierCode!: string;

  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId!: string | null;

  /** Vietnamese text shown as is. */
  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
