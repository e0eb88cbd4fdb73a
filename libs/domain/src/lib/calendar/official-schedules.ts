/*
 * Official holiday schedules for civil servants (cán bộ, công chức, viên chức), which replace the
 * statutory defaults for their year. Administrators maintain later years; these ship as seed data.
 * Sources checked (press reports of the decisions):
 * - 2025: Công văn 8726/VPCP-KGVX of 26/11/2024 ("nghỉ Tết Âm lịch và một số dịp nghỉ lễ trong năm
 *   2025", pld.net.vn). That it also carries the 30/4 swap and the 2/9 days is inferred from that
 *   title and from press reports listing all three together; the swap 02/05 ↔ 26/04 and Quốc khánh
 *   30/8-2/9 themselves are confirmed (VietnamPlus, thoidai.com.vn).
 * - 2026 New Year: Công văn 12729/VPCP-KGVX (domain brief [S20]; press of 25/12/2025).
 * - 2026 Tết and Quốc khánh: the Prime Minister approved the Ministry of Home Affairs' plan
 *   (thanhnien.vn, 13/10/2025); the number of the VPCP letter is NOT confirmed, so `document`
 *   describes the decision instead of citing a number.
 * Days decided by the Labour Code alone cite art. 112.
 */
import { HOLIDAY_NAMES, LABOUR_CODE_ART_112, substituteName, tetName } from './holiday-names';
import type { DayOverride } from './types';

const VPCP_8726 = 'Công văn 8726/VPCP-KGVX';
const VPCP_12729 = 'Công văn 12729/VPCP-KGVX';
const PM_DECISION_2026 =
  'Ý kiến chỉ đạo của Thủ tướng Chính phủ (10/2025) đồng ý phương án nghỉ Tết Âm lịch, Quốc khánh năm 2026 của Bộ Nội vụ';

const SCHEDULE_2025: readonly DayOverride[] = [
  { date: '2025-01-01', kind: 'HOLIDAY', name: HOLIDAY_NAMES.newYear, document: LABOUR_CODE_ART_112 },
  // Off Sat 25/01 → Sun 02/02 (9 days): 26 tháng Chạp Giáp Thìn → mùng 5 Ất Tỵ.
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date): DayOverride => ({
    date,
    kind: 'HOLIDAY',
    name: tetName(2025),
    document: VPCP_8726,
  })),
  { date: '2025-04-07', kind: 'HOLIDAY', name: HOLIDAY_NAMES.hungKings, document: LABOUR_CODE_ART_112 },
  // Off Wed 30/04 → Sun 04/05 (5 days), Saturday 26/04 worked instead of Friday 02/05.
  { date: '2025-04-26', kind: 'MAKEUP_WORKDAY', name: 'Làm bù cho ngày nghỉ hoán đổi 02/05/2025', document: VPCP_8726 },
  { date: '2025-04-30', kind: 'HOLIDAY', name: HOLIDAY_NAMES.reunification, document: LABOUR_CODE_ART_112 },
  { date: '2025-05-01', kind: 'HOLIDAY', name: HOLIDAY_NAMES.labourDay, document: LABOUR_CODE_ART_112 },
  { date: '2025-05-02', kind: 'SWAPPED_OFF', name: 'Nghỉ hoán đổi dịp 30/4 - 1/5 (làm bù thứ Bảy 26/04/2025)', document: VPCP_8726 },
  // Off Sat 30/08 → Tue 02/09 (4 days).
  { date: '2025-09-01', kind: 'HOLIDAY', name: HOLIDAY_NAMES.nationalDayAdjacent, document: VPCP_8726 },
  { date: '2025-09-02', kind: 'HOLIDAY', name: HOLIDAY_NAMES.nationalDay, document: LABOUR_CODE_ART_112 },
];

const SCHEDULE_2026: readonly DayOverride[] = [
  // Off Thu 01/01 → Sun 04/01, Saturday 10/01 worked instead of Friday 02/01.
  { date: '2026-01-01', kind: 'HOLIDAY', name: HOLIDAY_NAMES.newYear, document: LABOUR_CODE_ART_112 },
  { date: '2026-01-02', kind: 'SWAPPED_OFF', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', document: VPCP_12729 },
  { date: '2026-01-10', kind: 'MAKEUP_WORKDAY', name: 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026', document: VPCP_12729 },
  // Off Sat 14/02 → Sun 22/02 (9 days): 27 tháng Chạp Ất Tỵ → mùng 6 Bính Ngọ.
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date): DayOverride => ({
    date,
    kind: 'HOLIDAY',
    name: tetName(2026),
    document: PM_DECISION_2026,
  })),
  // 10/3 Bính Ngọ is a Sunday: Monday off instead (art. 112(3)).
  { date: '2026-04-26', kind: 'HOLIDAY', name: HOLIDAY_NAMES.hungKings, document: LABOUR_CODE_ART_112 },
  { date: '2026-04-27', kind: 'SUBSTITUTE_OFF', name: substituteName(HOLIDAY_NAMES.hungKings), document: LABOUR_CODE_ART_112 },
  { date: '2026-04-30', kind: 'HOLIDAY', name: HOLIDAY_NAMES.reunification, document: LABOUR_CODE_ART_112 },
  { date: '2026-05-01', kind: 'HOLIDAY', name: HOLIDAY_NAMES.labourDay, document: LABOUR_CODE_ART_112 },
  // Off Sat 29/08 → Wed 02/09 (5 days), Saturday 22/08 worked instead of Monday 31/08.
  { date: '2026-08-22', kind: 'MAKEUP_WORKDAY', name: 'Làm bù cho ngày nghỉ hoán đổi 31/08/2026', document: PM_DECISION_2026 },
  { date: '2026-08-31', kind: 'SWAPPED_OFF', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)', document: PM_DECISION_2026 },
  { date: '2026-09-01', kind: 'HOLIDAY', name: HOLIDAY_NAMES.nationalDayAdjacent, document: PM_DECISION_2026 },
  { date: '2026-09-02', kind: 'HOLIDAY', name: HOLIDAY_NAMES.nationalDay, document: LABOUR_CODE_ART_112 },
];

function frozen(days: readonly DayOverride[]): readonly DayOverride[] {
  return Object.freeze(days.map((d) => Object.freeze({ ...d })));
}

export const OFFICIAL_SCHEDULES: Readonly<Record<number, readonly DayOverride[]>> = Object.freeze({
  2025: frozen(SCHEDULE_2025),
  2026: frozen(SCHEDULE_2026),
});
