import type { ProcessingUnit, WorkingCalendar } from '@motcua/domain';

/**
 * A year of dossier history for the demo (issue 8: a living dashboard on `npm start`), written as
 * the legacy importer's NDJSON so that it goes through the same state machine as real dossiers.
 * Pure and deterministic: the same seed, `now` and catalog give the same lines.
 */

export const DEMO_HISTORY_SEED = 20_260_801;
export const DEMO_HISTORY_DAYS = 365;
/** About 180 dossiers a month across the province: enough for every chart, quick to import. */
export const DEMO_HISTORY_DOSSIERS = 2_200;

export interface HistoryProcedure {
  code: string;
  level: string;
  competentAgencyCode: string | null;
  onlineRegime: string;
  processingAmount: number;
  processingUnit: ProcessingUnit;
  /** Names of the mandatory documents (a complete counter checklist). */
  mandatoryDocuments: string[];
}

export interface HistoryReceptionPoint {
  code: string;
  level: string;
}

export interface HistoryRating {
  code: string;
  at: string;
  access: number;
  procedure: number;
  officer: number;
  result: number;
  feedback: number;
  comment: string | null;
}

export interface DemoHistory {
  /** NDJSON lines for `DossierImportService.import`, oldest first. */
  lines: string[];
  /** Ratings of returned dossiers, given after the return. */
  ratings: HistoryRating[];
  /** How the dossiers end, for the log and the tests. */
  outcomes: Record<'resolved' | 'late' | 'open' | 'withdrawn' | 'returned', number>;
}

/** mulberry32: small, fast and good enough to spread demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LOCAL_OFFSET = 7 * HOUR; // Asia/Ho_Chi_Minh, no daylight saving

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Lâm'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Thanh', 'Quốc', 'Thu', 'Kim', 'Đức', 'Hoài', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai'];
const GIVEN_MORE = [
  'Nam',
  'Nga',
  'Nhân',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trí',
  'Tuấn',
  'Uyên',
  'Vy',
  'Yến',
];
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình.',
  'Thủ tục nhanh gọn.',
  'Thời gian chờ hơi lâu.',
  'Nộp trực tuyến rất thuận tiện.',
  'Cần hướng dẫn rõ hơn về giấy tờ.',
  'Hài lòng với kết quả.',
];

/** Stable per-agency traits (how often late, how satisfied), from its code: the agencies differ, and stay so. */
function traitOf(code: string, salt: number): number {
  let h = 2_166_136_261 ^ salt;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16_777_619);
  return (h >>> 0) / 4_294_967_296;
}

const localDate = (t: number) => new Date(t + LOCAL_OFFSET).toISOString().slice(0, 10);
const iso = (t: number) => new Date(t).toISOString();

/**
 * Builds the history ending at `now`: received on working days over the last year (a little more
 * each month, a growing online share), resolved early, on time or late by each agency's habit,
 * some withdrawn, some still open (the recent ones, and a few stuck and overdue), most results
 * returned and a share of them rated.
 */
export function demoHistory(
  now: Date,
  procedures: readonly HistoryProcedure[],
  receptionPoints: readonly HistoryReceptionPoint[],
  calendar: WorkingCalendar,
  options: { seed?: number; dossiers?: number; days?: number } = {},
): DemoHistory {
  const random = seededRandom(options.seed ?? DEMO_HISTORY_SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const between = (a: number, b: number) => a + random() * (b - a);
  const total = options.dossiers ?? DEMO_HISTORY_DOSSIERS;
  const days = options.days ?? DEMO_HISTORY_DAYS;
  const end = now.getTime() - HOUR;
  const start = end - days * DAY;

  const center = receptionPoints.filter((p) => p.level === 'DEPARTMENT');
  const points: Record<string, HistoryReceptionPoint[]> = {
    PROVINCE: center,
    DISTRICT: receptionPoints.filter((p) => p.level === 'DISTRICT'),
    COMMUNE: receptionPoints.filter((p) => p.level === 'COMMUNE'),
  };
  // Commune procedures are the most frequent, as in the province's statistics.
  const share: Record<string, number> = { COMMUNE: 0.5, DISTRICT: 0.2, PROVINCE: 0.3 };
  const byLevel = Object.fromEntries(
    Object.keys(share).map((level) => [level, procedures.filter((p) => p.level === level && points[level]?.length)]),
  );
  const levels = Object.keys(share).filter((level) => byLevel[level].length);
  if (!levels.length) return { lines: [], ratings: [], outcomes: { resolved: 0, late: 0, open: 0, withdrawn: 0, returned: 0 } };

  const receipts: Array<{ at: number; procedure: HistoryProcedure; point: HistoryReceptionPoint }> = [];
  for (let i = 0; i < total; i++) {
    // Volume grows by half over the year (density ∝ 1 + x/2): the inverse of its distribution function.
    const position = 2 * (Math.sqrt(1 + 1.25 * random()) - 1);
    let at = start + position * (end - start);
    // Received on a working day between 07:30 and 16:30 local time.
    let day = localDate(at);
    for (let back = 0; back < 10 && !calendar.isWorkingDay(day); back++) day = localDate((at -= DAY));
    at = Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET + between(7.5, 16.5) * HOUR;
    // Moved back from a weekend or holiday past the first day: outside the year, left out.
    if (at >= end || at < start) continue;
    let roll = random();
    let level = levels[levels.length - 1];
    for (const candidate of levels) {
      if (roll < share[candidate]) {
        level = candidate;
        break;
      }
      roll -= share[candidate];
    }
    receipts.push({ at, procedure: pick(byLevel[level]), point: pick(points[level]) });
  }
  receipts.sort((a, b) => a.at - b.at);

  const sequences = new Map<string, number>();
  const lines: string[] = [];
  const ratings: HistoryRating[] = [];
  const outcomes = { resolved: 0, late: 0, open: 0, withdrawn: 0, returned: 0 };
  for (const { at: received, procedure, point } of receipts) {
    const day = localDate(received);
    const key = `${point.code}-${day}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const code = `${point.code}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
    const handler = procedure.competentAgencyCode ?? point.code;
    const lateShare = 0.02 + 0.16 * traitOf(handler, 1);
    const satisfied = 0.62 + 0.33 * traitOf(handler, 2);

    // Online grows from about a third to about two thirds of what may be filed online.
    const progress = (received - start) / (end - start);
    const onlineShare = procedure.onlineRegime === 'NONE' ? 0 : (0.32 + 0.34 * progress) * (procedure.onlineRegime === 'FULL' ? 1 : 0.5);
    const online = random() < onlineShare;
    const events: Array<Record<string, unknown>> = online
      ? [
          { statusCode: 1, at: iso(received - between(0.3, 30) * HOUR) },
          { statusCode: 2, at: iso(received) },
        ]
      : [{ statusCode: 2, at: iso(received) }];
    const processing = received + between(0.2, 2) * HOUR;
    if (processing < end) events.push({ statusCode: 4, at: iso(processing) });

    const due = calendar.computeDue(new Date(received), procedure.processingAmount, procedure.processingUnit).due.getTime();
    const dueDayStart = Date.parse(`${localDate(due)}T00:00:00Z`) - LOCAL_OFFSET;
    const fate = random();
    const late = random() < lateShare;
    const stuck = random() < 0.015;
    let finished: number;
    let withdrawn = false;
    if (fate < 0.03) {
      withdrawn = true;
      finished = processing + between(2, 72) * HOUR;
    } else if (late) {
      finished = due + between(1, 15 * 24) * HOUR;
    } else if (dueDayStart > processing + HOUR && random() < 0.7) {
      finished = between(processing + 0.5 * HOUR, dueDayStart - HOUR); // early: a day before the due day
    } else {
      finished = between(Math.max(dueDayStart, processing) + 0.1 * HOUR, due); // on the due day, in time
    }
    if (finished >= end || stuck || processing >= end) {
      outcomes.open += 1;
    } else if (withdrawn) {
      events.push({ statusCode: 7, at: iso(finished), reason: 'Công dân xin rút hồ sơ' }, { statusCode: 8, at: iso(finished + HOUR) });
      outcomes.withdrawn += 1;
    } else {
      const negative = random() < 0.04;
      events.push({
        statusCode: 9,
        at: iso(finished),
        ...(negative ? { negative: true, reason: 'Hồ sơ không đủ điều kiện giải quyết' } : {}),
      });
      outcomes.resolved += 1;
      if (finished > due) outcomes.late += 1;
      const returned = finished + between(1, 72) * HOUR;
      if (returned < end && random() < 0.85) {
        events.push({ statusCode: 10, at: iso(returned) });
        outcomes.returned += 1;
        if (random() < 0.4) {
          const score = (penalty: number) =>
            random() < satisfied - penalty ? (random() < 0.6 ? 5 : 4) : random() < 0.6 ? 3 : pick([1, 2]);
          const latePenalty = finished > due ? 0.3 : 0;
          ratings.push({
            code,
            at: iso(Math.min(returned + between(0.5, 48) * HOUR, end)),
            access: score(0),
            procedure: score(0.05),
            officer: score(latePenalty / 2),
            result: score(latePenalty + (negative ? 0.4 : 0)),
            feedback: score(0.1),
            comment: random() < 0.3 ? pick(COMMENTS) : null,
          });
        }
      }
    }
    const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${random() < 0.5 ? pick(GIVEN) : pick(GIVEN_MORE)}`;
    lines.push(
      JSON.stringify({
        code,
        procedureCode: procedure.code,
        receivingAgencyCode: point.code,
        channel: online ? 'ONLINE' : 'DIRECT',
        applicant: { type: 'INDIVIDUAL', fullName, identifiers: [] },
        documents: procedure.mandatoryDocuments.map((name) => ({ name, kind: 'ORIGINAL', count: 1 })),
        events,
      }),
    );
  }
  return { lines, ratings, outcomes };
}
