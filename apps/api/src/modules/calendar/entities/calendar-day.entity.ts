import type { DayOverrideKind } from '@motcua/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An administrator-maintained exception to the weekly pattern (holiday, swap, make-up Saturday). */
@Entity('calendar_days')
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DayOverrideKind;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** The deciding document (e.g. Công văn 12729/VPCP-KGVX). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  document!: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
