import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

export type CalendarDay = Schemas['CalendarDayResponse'];
export type DayKind = Schemas['DayKind'];
export type DayOverrideKind = Schemas['DayOverrideKind'];
export type DaySource = CalendarDay['source'];

export const DAY_KINDS: readonly DayKind[] = ['WORKDAY', 'WEEKEND', 'HOLIDAY', 'SUBSTITUTE_OFF', 'SWAPPED_OFF', 'MAKEUP_WORKDAY'];
export const OVERRIDE_KINDS: readonly DayOverrideKind[] = ['HOLIDAY', 'SUBSTITUTE_OFF', 'SWAPPED_OFF', 'MAKEUP_WORKDAY'];

/** Background and text colour of a day in the year view (and its legend). */
export const DAY_KIND_STYLE: Record<DayKind, { background: string; color: string }> = {
  WORKDAY: { background: '#ffffff', color: 'rgba(0,0,0,0.88)' },
  WEEKEND: { background: '#f0f0f0', color: 'rgba(0,0,0,0.45)' },
  HOLIDAY: { background: '#cf1322', color: '#ffffff' },
  SUBSTITUTE_OFF: { background: '#fa8c16', color: '#ffffff' },
  SWAPPED_OFF: { background: '#d3adf7', color: '#391085' },
  MAKEUP_WORKDAY: { background: '#1677ff', color: '#ffffff' },
};

/** "Ngày làm việc", "Nghỉ lễ, Tết", … */
export function dayKindLabel(kind: DayKind): string {
  return i18n.t(`dayKinds.${kind}`);
}

/** Where the day's status comes from: the weekly pattern, the entered schedule, or the Labour Code. */
export function daySourceLabel(source: DaySource): string {
  return i18n.t(`daySources.${source}`);
}
