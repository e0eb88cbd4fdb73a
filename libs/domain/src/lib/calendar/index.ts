export * from './types';
export { localDateOf, localInstant, toLocalIso, VIETNAM_UTC_OFFSET_MINUTES } from './local-time';
export { lunarToSolar, lunarYearName, solarToLunar } from './lunar';
export type { LunarDate } from './lunar';
export { HOLIDAY_NAMES, LABOUR_CODE_ART_112, tetName } from './holiday-names';
export { holidaysFor, holidaysForYears, statutoryHolidays, withWeekendSubstitutes } from './holidays';
export { OFFICIAL_SCHEDULES } from './official-schedules';
export { DEFAULT_WORKING_TIME, WorkingCalendar } from './working-calendar';
