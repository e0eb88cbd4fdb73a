import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where the fan-out of outbox events to webhook deliveries stands, in commit order `(txid, id)`.
 * One row (id 1); the process holding its row lock fans out, the others skip.
 */
@Entity('webhook_fanout_cursor')
export class WebhookFanoutCursor {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'bigint' })
  txid!: string;

  @Column({ name: 'outbox_id', type: 'bigint' })
  outboxId!: string;
}
