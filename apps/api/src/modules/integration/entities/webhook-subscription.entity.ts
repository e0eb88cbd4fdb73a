import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type WebhookOwnerType = 'client' | 'user';

/**
 * A receiver of CloudEvents: events whose dossier is in the owner's agency subtree and whose type
 * matches one of `events` (exact, or a `prefix.*` pattern). Deleting one keeps its delivery log.
 */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'owner_type', type: 'varchar', length: 8 })
  ownerType!: WebhookOwnerType;

  /** The API client or the staff user who created it. */
  @Index('ix_webhook_subscriptions_owner')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ name: 'owner_name', type: 'varchar', length: 255 })
  ownerName!: string;

  /** The owner's agency: the subscription receives the events of its subtree. */
  @Index('ix_webhook_subscriptions_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: string[];

  /** The HMAC key, needed in clear to sign; never returned by the API after creation. */
  @Column({ type: 'varchar', length: 256 })
  secret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
