/*
 * Vietnamese lunisolar calendar, after Hồ Ngọc Đức's public-domain "amlich" algorithm.
 * New moons and solar terms are evaluated at UTC+7, which is what makes it Vietnamese:
 * Chinese tables (UTC+8) put some new moons on a different day (e.g. Tết 1985, 2007).
 * Valid roughly 1800-2199; tested 1900-2100.
 */
import { dateOfDayNumber, dayNumberOf, MS_PER_DAY } from './local-time';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the intercalary (nhuận) month that repeats `month`. */
  leap: boolean;
}

// Aliased once: this runs in hot loops and global lookups are slow under some test runners.
const { floor, sin, PI } = Math;

const TIME_ZONE = 7;
const DEG = PI / 180;
/** Julian day number of 1970-01-01 (our day numbers count from there). */
const JD_UNIX_EPOCH = 2440588;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 used by the algorithm as k = 0. */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Astronomical new moon number k (from 1900-01-01), in Julian days (UT). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * sin(M * DEG) + 0.0021 * sin(2 * DEG * M);
  c1 = c1 - 0.4068 * sin(Mpr * DEG) + 0.0161 * sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * sin(DEG * 2 * F) - 0.0051 * sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * sin(DEG * (M - Mpr)) + 0.0004 * sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * sin(DEG * (2 * F - M)) - 0.0006 * sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * sin(DEG * (2 * F - Mpr)) + 0.0005 * sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, normalised to [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * sin(DEG * 2 * M) + 0.00029 * sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - 2 * PI * floor(L / (2 * PI));
}

/** Julian day number (local) of the day holding new moon k. */
function getNewMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Major solar term index 0..11 (30° sectors) at the start of local day `dayNumber` (JDN). */
function getSunLongitude(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / PI) * 6);
}

/** JDN of the start of lunar month 11 (the month holding the winter solstice) of Gregorian year `yy`. */
function getLunarMonth11(yy: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = getNewMoonDay(k);
  return getSunLongitude(nm) >= 9 ? getNewMoonDay(k - 1) : nm;
}

/** In a 13-month year, the offset after month 11 of the first month without a major solar term (the leap month). */
function getLeapMonthOffset(a11: number): number {
  const k = floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = getSunLongitude(getNewMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = getSunLongitude(getNewMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function jdFromDate(dd: number, mm: number, yy: number): number {
  return floor(Date.UTC(yy, mm - 1, dd) / MS_PER_DAY) + JD_UNIX_EPOCH;
}

function jdToDate(jd: number): string {
  return dateOfDayNumber(jd - JD_UNIX_EPOCH);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new RangeError(`Lunar conversion supports years 1800-2199, got ${year}`);
  }
}

/** Vietnamese lunar date of a solar (Gregorian) date `YYYY-MM-DD`. */
export function solarToLunar(date: string): LunarDate {
  const dayNumber = dayNumberOf(date) + JD_UNIX_EPOCH;
  const yy = Number(date.slice(0, 4));
  assertYear(yy);
  // The reference estimates k from the mean month and checks k + 1 and k only; that returns day 0
  // on a few dates (e.g. 2054-05-07) when the true new moon is late, so search both ways.
  let k = floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (getNewMoonDay(k + 1) <= dayNumber) k++;
  while (getNewMoonDay(k) > dayNumber) k--;
  const monthStart = getNewMoonDay(k);
  let a11 = getLunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = getLunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = getLunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapMonthDiff = getLeapMonthOffset(a11);
    if (diff >= leapMonthDiff) {
      month = diff + 10;
      leap = diff === leapMonthDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * Solar date `YYYY-MM-DD` of a Vietnamese lunar date. Throws a RangeError when the date does not
 * exist (no such leap month that year, or day 30 of a 29-day month).
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  assertYear(year);
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid lunar date ${day}/${month}/${year}`);
  }
  const [a11, b11] = month < 11 ? [getLunarMonth11(year - 1), getLunarMonth11(year)] : [getLunarMonth11(year), getLunarMonth11(year + 1)];
  const k = floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = getLeapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  const solar = jdToDate(getNewMoonDay(k + off) + day - 1);
  // Day 30 of a short month would spill into the next month.
  const check = solarToLunar(solar);
  if (check.day !== day || check.month !== month || check.leap !== leap) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has no day ${day}`);
  }
  return solar;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Sexagenary (can chi) name of a lunar year, e.g. 2026 → "Bính Ngọ". */
export function lunarYearName(year: number): string {
  const mod = (n: number, m: number): number => ((n % m) + m) % m;
  return `${CAN[mod(year + 6, 10)]} ${CHI[mod(year + 8, 12)]}`;
}
