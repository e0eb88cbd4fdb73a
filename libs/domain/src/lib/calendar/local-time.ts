/** Asia/Ho_Chi_Minh: fixed UTC+7, no DST since 1975, so plain offset arithmetic is exact. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

// Aliased once: called in hot loops, and global lookups are slow under some test runners.
const { floor } = Math;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function assertValidDate(t: Date, label = 'time'): number {
  const ms = t instanceof Date ? t.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid ${label}`);
  return ms;
}

/** Days since 1970-01-01 (local) of the local date containing the UTC instant `ms`. */
export function localDayNumber(ms: number, utcOffsetMinutes: number): number {
  return floor((ms + utcOffsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** UTC instant of local midnight starting local day `dayNumber`. */
export function localMidnightMs(dayNumber: number, utcOffsetMinutes: number): number {
  return dayNumber * MS_PER_DAY - utcOffsetMinutes * MS_PER_MINUTE;
}

/** Parses a strict `YYYY-MM-DD` calendar date into a day number; throws on impossible dates. */
export function dayNumberOf(localDate: string): number {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`Invalid local date "${localDate}", expected YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`Invalid local date "${localDate}"`);
  }
  return floor(d.getTime() / MS_PER_DAY);
}

export function dateOfDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday); day 0 (1970-01-01) was a Thursday. */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function addDaysToDate(localDate: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(localDate) + days);
}

/** Local calendar date `YYYY-MM-DD` of an instant. */
export function localDateOf(t: Date, utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  return dateOfDayNumber(localDayNumber(assertValidDate(t), utcOffsetMinutes));
}

function formatOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${sign}${pad(floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the local offset, e.g. `2026-02-23T09:00:00+07:00`; milliseconds only when non-zero. */
export function toLocalIso(t: Date, utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  const shifted = new Date(assertValidDate(t) + utcOffsetMinutes * MS_PER_MINUTE);
  const ms = shifted.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}${fraction}` +
    formatOffset(utcOffsetMinutes)
  );
}

/** The UTC instant of a local wall-clock time, e.g. `localInstant('2026-02-23', '09:00')`. */
export function localInstant(localDate: string, time = '00:00', utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): Date {
  return new Date(localMidnightMs(dayNumberOf(localDate), utcOffsetMinutes) + parseTimeOfDay(time) * MS_PER_MINUTE);
}

/** Minutes since local midnight for `HH:mm` (00:00 … 24:00). */
export function parseTimeOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`Invalid time of day "${time}", expected HH:mm`);
  }
  return minutes;
}
