import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { i18n } from '../i18n/i18n';

dayjs.extend(utc);

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a fixed offset shows its wall clock. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** Now, on the wall clock of Vietnam: "today" is Vietnam's day whatever the browser's time zone. */
export function vietnamNow(): Dayjs {
  return dayjs().utcOffset(VIETNAM_OFFSET_MINUTES);
}

/** Vietnamese date and time, as officials write it: 05/03/2026 14:30. Empty for no value. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('DD/MM/YYYY HH:mm') : '';
}

/** An instant on the wall clock of Vietnam, whatever the browser's time zone: 30/03/2026 08:00. */
export function formatVietnamDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).utcOffset(VIETNAM_OFFSET_MINUTES).format('DD/MM/YYYY HH:mm') : '';
}

/** A recent instant on the wall clock of Vietnam, without the year: 30/03 08:00. */
export function formatShortVietnamDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).utcOffset(VIETNAM_OFFSET_MINUTES).format('DD/MM HH:mm') : '';
}

/** A local date `YYYY-MM-DD` as dd/MM/yyyy; no time zone is involved. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month, day] = value.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** The wall-clock date and time picked in a form, as an ISO instant in Vietnam time (`…+07:00`). */
export function toVietnamIso(value: dayjs.Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00+07:00`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "Thứ Hai", "Chủ nhật", … in the current language. */
export function weekdayName(isoDay: number): string {
  return i18n.t(`weekdays.long.${isoDay}`);
}

/** An amount of Vietnamese đồng with the Vietnamese thousands separator: 200.000 đồng. */
export function formatVnd(amount: number): string {
  return i18n.t('money.vnd', { amount: new Intl.NumberFormat('vi-VN').format(amount) });
}

/** Working hours as officials write them: 8, 2,5, 0,25 (quarter hours allowed). */
export function formatHours(hours: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 }).format(hours);
}
