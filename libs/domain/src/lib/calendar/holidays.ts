import { addDaysToDate, dayNumberOf, isoWeekdayOfDayNumber } from './local-time';
import { HOLIDAY_NAMES, LABOUR_CODE_ART_112, substituteName, tetName } from './holiday-names';
import { lunarToSolar } from './lunar';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import type { DayOverride } from './types';

function holiday(date: string, name: string): DayOverride {
  return { date, kind: 'HOLIDAY', name, document: LABOUR_CODE_ART_112 };
}

// ISO dates sort as strings; no locale rules wanted.
const byDate = (a: DayOverride, b: DayOverride): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function isWeekend(date: string): boolean {
  return isoWeekdayOfDayNumber(dayNumberOf(date)) >= 6;
}

/**
 * Gives each holiday falling on Saturday/Sunday a SUBSTITUTE_OFF on the next Monday-Friday after
 * its run of consecutive holidays (Labour Code art. 112(3)), skipping days already off.
 */
export function withWeekendSubstitutes(holidays: readonly DayOverride[]): DayOverride[] {
  const sorted = [...holidays].sort(byDate);
  const taken = new Set(sorted.map((h) => h.date));
  const substitutes: DayOverride[] = [];
  let i = 0;
  while (i < sorted.length) {
    // A run: holidays on consecutive calendar days (Tết, 30/4 + 1/5, 1/9 + 2/9).
    let j = i;
    while (j + 1 < sorted.length && addDaysToDate(sorted[j].date, 1) === sorted[j + 1].date) j++;
    const run = sorted.slice(i, j + 1);
    let cursor = run[run.length - 1].date;
    for (const onWeekend of run.filter((h) => isWeekend(h.date))) {
      do cursor = addDaysToDate(cursor, 1);
      while (isWeekend(cursor) || taken.has(cursor));
      taken.add(cursor);
      substitutes.push({ date: cursor, kind: 'SUBSTITUTE_OFF', name: substituteName(onWeekend.name), document: LABOUR_CODE_ART_112 });
    }
    i = j + 1;
  }
  return [...sorted, ...substitutes].sort(byDate);
}

const memo = new Map<number, readonly DayOverride[]>();

/**
 * Labour Code art. 112 holidays of a Gregorian year with weekend substitutes. Tết defaults to the
 * last day of the lunar year plus mùng 1-4 and Quốc khánh to 1/9 + 2/9; the government picks the
 * real days each year, so prefer `holidaysFor`, which uses the official schedule when known.
 */
export function statutoryHolidays(year: number): DayOverride[] {
  let cached = memo.get(year);
  if (!cached) {
    const y = String(year).padStart(4, '0');
    const tet = lunarToSolar(1, 1, year);
    const tetLabel = tetName(year);
    cached = withWeekendSubstitutes([
      holiday(`${y}-01-01`, HOLIDAY_NAMES.newYear),
      ...[-1, 0, 1, 2, 3].map((offset) => holiday(addDaysToDate(tet, offset), tetLabel)),
      holiday(lunarToSolar(10, 3, year), HOLIDAY_NAMES.hungKings),
      holiday(`${y}-04-30`, HOLIDAY_NAMES.reunification),
      holiday(`${y}-05-01`, HOLIDAY_NAMES.labourDay),
      holiday(`${y}-09-01`, HOLIDAY_NAMES.nationalDayAdjacent),
      holiday(`${y}-09-02`, HOLIDAY_NAMES.nationalDay),
    ]);
    memo.set(year, cached);
  }
  return cached.map((o) => ({ ...o }));
}

/** The official schedule of a year when the product ships one (2025, 2026), else the statutory default. */
export function holidaysFor(year: number): DayOverride[] {
  const official = OFFICIAL_SCHEDULES[year];
  return official ? official.map((o) => ({ ...o })) : statutoryHolidays(year);
}

/** `holidaysFor` over an inclusive range of years, e.g. to build a `WorkingCalendar`. */
export function holidaysForYears(fromYear: number, toYear: number): DayOverride[] {
  const result: DayOverride[] = [];
  for (let year = fromYear; year <= toYear; year++) result.push(...holidaysFor(year));
  return result;
}
