import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every login attempt, for the lockout rule (5 failures in 15 minutes). No password is kept. */
@Entity('login_attempts')
@Index('ix_login_attempts_username_at', ['username', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'boolean' })
  success!: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
