import { localInstant, type WorkingCalendar } from '@motcua/domain';
import { resolveCompetentAgency, type AgencyInfo, type Catalog, type ProcedureInfo } from './catalog';
import { LEVEL_SHARE, MONTH_FACTOR, ONLINE_SHARE, POINT_SHARE, POSTAL_SHARE, PROCEDURE_POPULARITY, WEEKDAY_FACTOR } from './profile';
import { hash32, Random, WeightedPicker } from './random';

/** One intake to generate: when, where, what, how. */
export interface IntakeSpec {
  at: Date;
  point: ReceptionPoint;
  procedure: ProcedureInfo;
  competent: AgencyInfo;
  channel: 'DIRECT' | 'ONLINE' | 'POSTAL';
}

export interface ReceptionPoint {
  agency: AgencyInfo;
  index: number;
  weight: number;
  /** Procedures this point may receive (the API's competent-agency rule), by weight. */
  anyDay: WeightedPicker<[ProcedureInfo, AgencyInfo]>;
  /** The same restricted to procedures that can be filed online (weekends and holidays). */
  onlineOnly?: WeightedPicker<[ProcedureInfo, AgencyInfo]>;
  /** Applicants of this point are numbered from here (see people.ts). */
  personOffset: number;
  personPool: number;
  businessOffset: number;
  businessPool: number;
}

export interface DayPlan {
  date: string;
  working: boolean;
  count: number;
}

const DAY_MS = 86_400_000;
// Relative intake by local hour: counters peak mid-morning; online filing also in the evening.
const COUNTER_HOURS: Record<number, number> = { 7: 0.8, 8: 1.3, 9: 1.4, 10: 1.05, 11: 0.3, 12: 0.2, 13: 0.7, 14: 1.15, 15: 1.1, 16: 0.7 };
const ONLINE_HOURS = [
  0.08, 0.05, 0.03, 0.03, 0.05, 0.15, 0.35, 0.8, 1.3, 1.4, 1.3, 1.0, 0.6, 0.9, 1.2, 1.2, 1.1, 0.8, 0.7, 0.9, 1.0, 0.9, 0.6, 0.3,
];

function dateAdd(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Reception points with their weights and the procedures each may receive. */
export function receptionPoints(catalog: Catalog, dossiers: number): ReceptionPoint[] {
  const points = catalog.agencies.filter((a) => a.isReceptionPoint && a.active);
  const perLevel = new Map<string, number>();
  for (const p of points) perLevel.set(p.level, (perLevel.get(p.level) ?? 0) + 1);
  // Local size: a stable factor per agency (towns bigger than villages), from its code.
  const size = (a: AgencyInfo) => ((perLevel.get(a.level) ?? 1) > 1 ? 0.6 + ((hash32(a.code) % 1000) / 1000) * 0.9 : 1);
  const raw = points.map((a) => ((POINT_SHARE[a.level] ?? 0.02) / (perLevel.get(a.level) ?? 1)) * size(a));
  const sum = raw.reduce((s, w) => s + w, 0);

  let personOffset = 0;
  let businessOffset = 0;
  return points.map((agency, index) => {
    const weight = raw[index] / sum;
    const valid: Array<[ProcedureInfo, AgencyInfo]> = [];
    for (const procedure of catalog.procedures) {
      const competent = resolveCompetentAgency(catalog, procedure, agency);
      if (competent) valid.push([procedure, competent]);
    }
    if (!valid.length) throw new Error(`No procedure can be received at ${agency.code}`);
    const shares = LEVEL_SHARE[agency.level] ?? {};
    const popularity = (p: ProcedureInfo) => PROCEDURE_POPULARITY[p.code] ?? 1;
    const levelTotal = (level: string, list: Array<[ProcedureInfo, AgencyInfo]>) =>
      list.filter(([p]) => p.level === level).reduce((s, [p]) => s + popularity(p), 0);
    const weigh = (list: Array<[ProcedureInfo, AgencyInfo]>) => {
      const weights = list.map(([p]) => ((shares[p.level] ?? 0.01) * popularity(p)) / levelTotal(p.level, list));
      return weights.some((w) => w > 0)
        ? new WeightedPicker(list, weights)
        : new WeightedPicker(
            list,
            list.map(() => 1),
          );
    };
    const online = valid.filter(([p]) => p.onlineRegime !== 'NONE');
    // About 0.6 distinct people per dossier: some citizens come several times.
    const personPool = Math.max(50, Math.round(dossiers * weight * 0.6));
    const businessPool = Math.max(20, Math.round(dossiers * weight * 0.05));
    const point: ReceptionPoint = {
      agency,
      index,
      weight,
      anyDay: weigh(valid),
      onlineOnly: online.length ? weigh(online) : undefined,
      personOffset,
      personPool,
      businessOffset,
      businessPool,
    };
    personOffset += personPool;
    businessOffset += businessPool;
    return point;
  });
}

/**
 * How many dossiers arrive on each local day: weekday and month patterns, the backlog after Tết
 * and other long holidays, first working days of the month, a few campaign peaks, growth over the
 * period, and noise. Non-working days get online filings only.
 */
export function planDays(calendar: WorkingCalendar, from: string, to: string, total: number, r: Random): DayPlan[] {
  const days: Array<{ date: string; working: boolean; weight: number }> = [];
  const span = Math.max(1, (Date.parse(to) - Date.parse(from)) / DAY_MS);
  let offRun = 0;
  let afterLongBreak = 0;
  let lastMonthSeen = '';
  for (let date = from; date <= to; date = dateAdd(date, 1)) {
    const working = calendar.isWorkingDay(date);
    if (!working) {
      offRun++;
      days.push({ date, working, weight: 0.09 * (1 + 0.2 * ((Date.parse(date) - Date.parse(from)) / DAY_MS / span)) });
      continue;
    }
    if (offRun >= 4)
      afterLongBreak = 3; // Tết and other long breaks: three busy days after
    else if (offRun === 3) afterLongBreak = Math.max(afterLongBreak, 1);
    offRun = 0;
    const progress = (Date.parse(date) - Date.parse(from)) / DAY_MS / span;
    let weight = (WEEKDAY_FACTOR[isoWeekday(date)] ?? 1) * (MONTH_FACTOR[Number(date.slice(5, 7))] ?? 1) * (1 + 0.2 * progress);
    if (afterLongBreak > 0) weight *= [1, 1.2, 1.4, 1.7][afterLongBreak--];
    if (date.slice(0, 7) !== lastMonthSeen) {
      weight *= 1.2;
      lastMonthSeen = date.slice(0, 7);
    }
    if (r.chance(0.015)) weight *= r.uniform(1.8, 2.6);
    weight *= Math.exp(0.1 * r.gaussian());
    days.push({ date, working, weight });
  }
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let cumulative = 0;
  let assigned = 0;
  return days.map((d) => {
    cumulative += d.weight;
    const upTo = Math.round((cumulative / sum) * total);
    const count = upTo - assigned;
    assigned = upTo;
    return { date: d.date, working: d.working, count };
  });
}

/** The intakes of one (past) day, in time order. */
export function planIntakes(
  day: DayPlan,
  pointPicker: WeightedPicker<ReceptionPoint>,
  calendar: WorkingCalendar,
  progress: number,
  r: Random,
): IntakeSpec[] {
  const specs: IntakeSpec[] = [];
  const periods = calendar.config.periods.map((p) => [
    Number(p.start.slice(0, 2)) * 60 + Number(p.start.slice(3)),
    Number(p.end.slice(0, 2)) * 60 + Number(p.end.slice(3)),
  ]);
  const counterMinutes: number[] = [];
  const counterWeights: number[] = [];
  for (const [start, end] of periods) {
    for (let m = start; m < end; m += 15) {
      counterMinutes.push(m);
      counterWeights.push(COUNTER_HOURS[Math.floor(m / 60)] ?? 0.5);
    }
  }
  const counterSlot = new WeightedPicker(counterMinutes, counterWeights);
  const onlineHour = new WeightedPicker(
    ONLINE_HOURS.map((_, h) => h),
    ONLINE_HOURS,
  );
  const midnight = localInstant(day.date).getTime();
  const periodEnd = (m: number) => periods.find(([s, e]) => m >= s && m < e)?.[1] ?? m + 15;

  for (let i = 0; i < day.count; i++) {
    let point = pointPicker.pick(r);
    let channel: IntakeSpec['channel'];
    let pair: [ProcedureInfo, AgencyInfo];
    if (!day.working) {
      while (!point.onlineOnly) point = pointPicker.pick(r);
      pair = point.onlineOnly.pick(r);
      channel = 'ONLINE';
    } else {
      pair = point.anyDay.pick(r);
      const [lo, hi] = ONLINE_SHARE[pair[0].onlineRegime];
      channel = r.chance(lo + (hi - lo) * progress) ? 'ONLINE' : r.chance(POSTAL_SHARE) ? 'POSTAL' : 'DIRECT';
    }
    let at: number;
    if (channel === 'ONLINE') at = midnight + (onlineHour.pick(r) * 60 + r.next() * 60) * 60_000;
    else {
      const slot = counterSlot.pick(r);
      at = midnight + Math.min(slot + r.next() * 15, periodEnd(slot) - 0.05) * 60_000;
    }
    at = Math.floor(at);
    specs.push({ at: new Date(at), point, procedure: pair[0], competent: pair[1], channel });
  }
  return specs.sort((a, b) => a.at.getTime() - b.at.getTime());
}
