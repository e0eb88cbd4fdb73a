import { lunarYearName } from './lunar';

export const LABOUR_CODE_ART_112 = 'Bộ luật Lao động 2019, Điều 112';

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  nationalDayAdjacent: 'Quốc khánh (ngày liền kề)',
} as const;

/** e.g. 2026 → "Tết Nguyên đán Bính Ngọ". */
export function tetName(year: number): string {
  return `Tết Nguyên đán ${lunarYearName(year)}`;
}

export function substituteName(holidayName: string): string {
  return `Nghỉ bù ${holidayName}`;
}
