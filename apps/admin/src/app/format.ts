import dayjs from 'dayjs';

/** Vietnamese date and time, as officials write it: 05/03/2026 14:30. Empty for no value. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('DD/MM/YYYY HH:mm') : '';
}
