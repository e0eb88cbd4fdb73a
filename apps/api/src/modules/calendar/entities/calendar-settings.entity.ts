import type { WorkingPeriod } from '@motcua/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The single row of working-time settings. `revision` grows with every calendar change so that
 * each API process can tell, with one cheap read, whether its cached calendar is stale.
 */
@Entity('calendar_settings')
export class CalendarSettings {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ name: 'working_weekdays', type: 'smallint', array: true })
  workingWeekdays!: number[];

  @Column({ type: 'jsonb' })
  periods!: WorkingPeriod[];

  @Column({ type: 'bigint', default: 1 })
  revision!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
