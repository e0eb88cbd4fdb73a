import {
  DEFAULT_WORKING_TIME,
  OFFICIAL_SCHEDULES,
  statutoryHolidays,
  toLocalIso,
  VIETNAM_UTC_OFFSET_MINUTES,
  WorkingCalendar,
  type DayOverride,
  type ProcessingUnit,
} from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import {
  CalendarDayResponse,
  CalendarSettingsDto,
  CalendarSettingsResponse,
  DueResponse,
  MAX_DAYS,
  PutCalendarDayRequest,
} from './dto/calendar.dto';
import { CalendarDay } from './entities/calendar-day.entity';
import { CalendarSettings } from './entities/calendar-settings.entity';

/** Years around today for which statutory holidays are computed when no schedule was entered. */
const STATUTORY_YEARS_BEHIND = 5;
const STATUTORY_YEARS_AHEAD = 10;
const MAX_DAYS_LISTED = 3 * 366;

interface CachedCalendar {
  revision: string;
  calendar: WorkingCalendar;
  scheduled: Map<string, CalendarDay>;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The one source of working time: every deadline in the product comes from `computeDue`.
 * Built from the administrators' day schedule plus, for years without one, the statutory holidays.
 */
@Injectable()
export class CalendarService {
  private cached?: CachedCalendar;
  private loading?: Promise<CachedCalendar>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    return (await this.current()).calendar;
  }

  async computeDue(start: Date, amount: number, unit: ProcessingUnit): Promise<{ clockStart: Date; due: Date }> {
    return (await this.calendar()).computeDue(start, amount, unit);
  }

  async dueResponse(startIso: string, amount: number, unit: ProcessingUnit): Promise<DueResponse> {
    const start = new Date(startIso);
    if (Number.isNaN(start.getTime()))
      throw validationProblem([{ field: 'start', rule: 'isIso8601', message: 'start không phải thời điểm hợp lệ' }]);
    if (unit !== 'WORKING_HOURS' && amount > MAX_DAYS) {
      throw validationProblem([{ field: 'amount', rule: 'max', message: `amount tối đa ${MAX_DAYS} ngày` }]);
    }
    const { clockStart, due } = await this.computeDue(start, amount, unit);
    return { clockStart: toLocalIso(clockStart), due: toLocalIso(due) };
  }

  async days(from: string, to: string): Promise<CalendarDayResponse[]> {
    if (from > to) throw validationProblem([{ field: 'to', rule: 'afterFrom', message: 'to phải sau from' }]);
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (span > MAX_DAYS_LISTED) throw validationProblem([{ field: 'to', rule: 'maxSpan', message: 'Tối đa 3 năm mỗi lần' }]);
    const { calendar, scheduled } = await this.current();
    return calendar.days(from, to).map((day) => ({
      ...day,
      source: scheduled.has(day.date) ? 'SCHEDULE' : day.kind === 'WORKDAY' || day.kind === 'WEEKEND' ? 'WEEKLY' : 'STATUTORY',
    }));
  }

  async settings(): Promise<CalendarSettingsResponse> {
    const row = await this.dataSource.getRepository(CalendarSettings).findOneByOrFail({ id: 1 });
    return { workingWeekdays: row.workingWeekdays, periods: row.periods, timeZone: 'Asia/Ho_Chi_Minh', revision: Number(row.revision) };
  }

  async putDay(actor: ActorContext, date: string, body: PutCalendarDayRequest): Promise<CalendarDayResponse> {
    await this.dataSource.transaction(async (tx) => {
      // The first entry of a year without a schedule would hide its computed holidays: write them first.
      const year = Number(date.slice(0, 4));
      const scheduled = await tx.query(`SELECT 1 FROM calendar_days WHERE date BETWEEN $1 AND $2 LIMIT 1`, [
        `${year}-01-01`,
        `${year}-12-31`,
      ]);
      if (!scheduled.length) {
        await this.insertOverrides(
          tx,
          statutoryHolidays(year).filter((h) => h.date !== date),
          'Bộ luật Lao động 2019, Điều 112',
          principalOf(actor).id,
        );
      }
      const before = await tx.findOneBy(CalendarDay, { date });
      await tx.save(
        tx.create(CalendarDay, {
          date,
          kind: body.kind,
          name: body.name,
          document: body.document ?? null,
          updatedBy: principalOf(actor).id,
        }),
      );
      await this.bumpRevision(tx);
      await this.audit.record(
        actor,
        {
          action: 'calendar.day-set',
          targetType: 'calendar-day',
          targetId: date,
          before: before ? dayView(before) : undefined,
          after: { kind: body.kind, name: body.name, document: body.document ?? null },
        },
        tx,
      );
    });
    return (await this.days(date, date))[0];
  }

  async deleteDay(actor: ActorContext, date: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const before = await tx.findOneBy(CalendarDay, { date });
      if (!before)
        throw new ProblemException({
          status: 404,
          code: 'CALENDAR_DAY_NOT_FOUND',
          title: 'Not found',
          detail: `Ngày ${date} không có trong lịch điều chỉnh.`,
        });
      await tx.delete(CalendarDay, { date });
      await this.bumpRevision(tx);
      await this.audit.record(
        actor,
        { action: 'calendar.day-removed', targetType: 'calendar-day', targetId: date, before: dayView(before) },
        tx,
      );
    });
  }

  async putSettings(actor: ActorContext, body: CalendarSettingsDto): Promise<CalendarSettingsResponse> {
    const periods = [...body.periods].sort((a, b) => a.start.localeCompare(b.start));
    periods.forEach((period, i) => {
      if (toMinutes(period.start) >= toMinutes(period.end)) {
        throw validationProblem([{ field: `periods.${i}.end`, rule: 'afterStart', message: 'Giờ kết thúc phải sau giờ bắt đầu' }]);
      }
      if (i > 0 && toMinutes(period.start) < toMinutes(periods[i - 1].end)) {
        throw validationProblem([{ field: `periods.${i}.start`, rule: 'noOverlap', message: 'Các ca làm việc không được chồng lên nhau' }]);
      }
    });
    await this.dataSource.transaction(async (tx) => {
      const before = await tx.findOneByOrFail(CalendarSettings, { id: 1 });
      await tx.update(CalendarSettings, { id: 1 }, { workingWeekdays: [...body.workingWeekdays].sort(), periods });
      await this.bumpRevision(tx);
      await this.audit.record(
        actor,
        {
          action: 'calendar.settings-changed',
          targetType: 'calendar-settings',
          targetId: '1',
          before: { workingWeekdays: before.workingWeekdays, periods: before.periods },
          after: { workingWeekdays: body.workingWeekdays, periods },
        },
        tx,
      );
    });
    return this.settings();
  }

  /** Writes the computed statutory holidays of a year into the schedule so administrators can adjust them. */
  async fillStatutory(actor: ActorContext, year: number): Promise<CalendarDayResponse[]> {
    await this.dataSource.transaction(async (tx) => {
      const existing = await tx.query(`SELECT 1 FROM calendar_days WHERE date BETWEEN $1 AND $2 LIMIT 1`, [
        `${year}-01-01`,
        `${year}-12-31`,
      ]);
      if (existing.length) {
        throw new ProblemException({
          status: 409,
          code: 'CALENDAR_YEAR_SCHEDULED',
          title: 'Conflict',
          detail: `Năm ${year} đã có lịch điều chỉnh; hãy sửa từng ngày.`,
        });
      }
      await this.insertOverrides(tx, statutoryHolidays(year), 'Bộ luật Lao động 2019, Điều 112', principalOf(actor).id);
      await this.bumpRevision(tx);
      await this.audit.record(actor, { action: 'calendar.year-filled', targetType: 'calendar-year', targetId: String(year) }, tx);
    });
    return (await this.days(`${year}-01-01`, `${year}-12-31`)).filter((d) => d.source === 'SCHEDULE');
  }

  /** First start: default working time and the official 2025 and 2026 schedules. */
  async ensureSeeded(tx: EntityManager): Promise<void> {
    if (await tx.findOneBy(CalendarSettings, { id: 1 })) return;
    await tx.insert(CalendarSettings, {
      id: 1,
      workingWeekdays: DEFAULT_WORKING_TIME.workingWeekdays,
      periods: DEFAULT_WORKING_TIME.periods,
      revision: '1',
    });
    for (const overrides of Object.values(OFFICIAL_SCHEDULES)) await this.insertOverrides(tx, overrides, undefined, null);
  }

  private async insertOverrides(
    tx: EntityManager,
    overrides: readonly DayOverride[],
    fallbackDocument: string | undefined,
    userId: string | null,
  ): Promise<void> {
    if (!overrides.length) return;
    await tx.insert(
      CalendarDay,
      overrides.map((o) => ({
        date: o.date,
        kind: o.kind,
        name: o.name,
        document: o.document ?? fallbackDocument ?? null,
        updatedBy: userId,
      })),
    );
  }

  private async bumpRevision(tx: EntityManager): Promise<void> {
    await tx.query('UPDATE calendar_settings SET revision = revision + 1, updated_at = now() WHERE id = 1');
  }

  private async current(): Promise<CachedCalendar> {
    const [row] = await this.dataSource.query('SELECT revision FROM calendar_settings WHERE id = 1');
    const revision = String(row?.revision ?? '0');
    if (this.cached?.revision === revision) return this.cached;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<CachedCalendar> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const settings = await tx.findOneBy(CalendarSettings, { id: 1 });
      const rows = await tx.find(CalendarDay);
      const scheduled = new Map(rows.map((r) => [r.date, r]));
      const scheduledYears = new Set(rows.map((r) => Number(r.date.slice(0, 4))));
      const thisYear = new Date().getUTCFullYear();
      const computed: DayOverride[] = [];
      for (let year = thisYear - STATUTORY_YEARS_BEHIND; year <= thisYear + STATUTORY_YEARS_AHEAD; year++) {
        if (!scheduledYears.has(year)) computed.push(...statutoryHolidays(year));
      }
      const overrides: DayOverride[] = [
        ...rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, document: r.document ?? undefined })),
        ...computed,
      ];
      const calendar = new WorkingCalendar(overrides, {
        utcOffsetMinutes: VIETNAM_UTC_OFFSET_MINUTES,
        workingWeekdays: settings?.workingWeekdays ?? DEFAULT_WORKING_TIME.workingWeekdays,
        periods: settings?.periods ?? DEFAULT_WORKING_TIME.periods,
      });
      this.cached = { revision: String(settings?.revision ?? '0'), calendar, scheduled };
      return this.cached;
    });
  }
}

function dayView(day: CalendarDay): Record<string, unknown> {
  return { kind: day.kind, name: day.name, document: day.document };
}
