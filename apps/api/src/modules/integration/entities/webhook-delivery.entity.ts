import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one subscription. A worker claims it by moving `next_attempt_at` to the end of a
 * lease (`claimed_until`), so a process that dies mid-delivery only delays it: after the lease
 * another process sends it again (at-least-once; receivers dedupe by the event id).
 */
@Entity('webhook_deliveries')
@Index('uq_webhook_deliveries_subscription_event', ['subscriptionId', 'outboxId'], { unique: true })
@Index('ix_webhook_deliveries_due', ['nextAttemptAt'], { where: `status = 'PENDING'` })
@Index('ix_webhook_deliveries_status', ['status', 'outboxId'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'fk_webhook_deliveries_subscription' })
  subscription?: WebhookSubscription;

  @Column({ name: 'outbox_id', type: 'bigint' })
  outboxId!: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outbox_id', foreignKeyConstraintName: 'fk_webhook_deliveries_outbox' })
  event?: OutboxEvent;

  @Column({ type: 'varchar', length: 12 })
  status!: DeliveryStatus;

  /** Attempts since creation or the last replay. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'last_status', type: 'int', nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'dead_at', type: 'timestamptz', nullable: true })
  deadAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
