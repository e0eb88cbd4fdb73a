/** Why a local date deviates from the normal weekly pattern. */
export type DayOverrideKind = 'HOLIDAY' | 'SUBSTITUTE_OFF' | 'SWAPPED_OFF' | 'MAKEUP_WORKDAY';

export interface DayOverride {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  kind: DayOverrideKind;
  /** Vietnamese label shown to users. */
  name: string;
  /** The deciding document, e.g. "Công văn 12729/VPCP-KGVX". */
  document?: string;
}

/** A daily working period in local time, `HH:mm` (end exclusive, may be `24:00`). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

export interface WorkingTimeConfig {
  utcOffsetMinutes: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingWeekdays: number[];
  periods: WorkingPeriod[];
}

export type DurationUnit = 'WORKING_HOURS' | 'WORKING_DAYS' | 'CALENDAR_DAYS';

export type DayKind = 'WORKDAY' | 'WEEKEND' | DayOverrideKind;

export interface DayInfo {
  date: string;
  weekday: number;
  working: boolean;
  kind: DayKind;
  name?: string;
  document?: string;
}
