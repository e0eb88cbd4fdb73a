import { WorkingCalendar } from '@motcua/domain';
import { demoHistory, type HistoryProcedure, type HistoryReceptionPoint } from './demo-history';

const PROCEDURES: HistoryProcedure[] = [
  {
    code: '1.001193',
    level: 'COMMUNE',
    competentAgencyCode: null,
    onlineRegime: 'FULL',
    processingAmount: 8,
    processingUnit: 'WORKING_HOURS',
    mandatoryDocuments: ['Tờ khai'],
  },
  {
    code: '2.000720',
    level: 'DISTRICT',
    competentAgencyCode: null,
    onlineRegime: 'PARTIAL',
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    mandatoryDocuments: ['Giấy đề nghị'],
  },
  {
    code: '2.000488',
    level: 'PROVINCE',
    competentAgencyCode: '000.00.10.H01',
    onlineRegime: 'FULL',
    processingAmount: 10,
    processingUnit: 'WORKING_DAYS',
    mandatoryDocuments: ['Tờ khai', 'Căn cước'],
  },
  {
    code: '2.000884',
    level: 'COMMUNE',
    competentAgencyCode: null,
    onlineRegime: 'NONE',
    processingAmount: 8,
    processingUnit: 'WORKING_HOURS',
    mandatoryDocuments: ['Giấy tờ'],
  },
];
const POINTS: HistoryReceptionPoint[] = [
  { code: '000.00.22.H01', level: 'DEPARTMENT' },
  { code: '000.00.31.H01', level: 'DISTRICT' },
  { code: '000.31.01.H01', level: 'COMMUNE' },
  { code: '000.31.02.H01', level: 'COMMUNE' },
];
const NOW = new Date('2026-11-28T10:00:00Z');
const calendar = new WorkingCalendar([]);

type Line = { code: string; channel: string; procedureCode: string; events: Array<{ statusCode: number; at: string }> };

describe('demo history', () => {
  const history = demoHistory(NOW, PROCEDURES, POINTS, calendar, { dossiers: 1500 });
  const lines: Line[] = history.lines.map((l) => JSON.parse(l));

  it('gives the same lines for the same seed and moment', () => {
    expect(demoHistory(NOW, PROCEDURES, POINTS, calendar, { dossiers: 1500 })).toEqual(history);
    expect(demoHistory(NOW, PROCEDURES, POINTS, calendar, { dossiers: 1500, seed: 7 }).lines).not.toEqual(history.lines);
  });

  it('writes importable histories: unique codes, events in order and in the past, online ones submitted first', () => {
    expect(new Set(lines.map((l) => l.code)).size).toBe(lines.length);
    for (const line of lines) {
      const times = line.events.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThan(NOW.getTime());
      expect(line.events[0].statusCode).toBe(line.channel === 'ONLINE' ? 1 : 2);
      expect(line.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H01-\d{6}-\d{4}$/);
    }
    // A procedure that cannot be filed online never is.
    expect(lines.filter((l) => l.procedureCode === '2.000884' && l.channel === 'ONLINE')).toEqual([]);
  });

  it('spreads over the year with more dossiers and a larger online share towards the end', () => {
    const half = NOW.getTime() - (365 / 2) * 86_400_000;
    const received = (l: Line) => Date.parse(l.events.find((e) => e.statusCode === 2)?.at ?? '');
    const early = lines.filter((l) => received(l) < half);
    const recent = lines.filter((l) => received(l) >= half);
    expect(Math.min(...lines.map(received))).toBeGreaterThan(NOW.getTime() - 366 * 86_400_000);
    expect(recent.length).toBeGreaterThan(early.length);
    const onlineShare = (group: Line[]) => group.filter((l) => l.channel === 'ONLINE').length / group.length;
    expect(onlineShare(recent)).toBeGreaterThan(onlineShare(early));
  });

  it('ends in every way the reports count: resolved (some late), open, withdrawn, returned and rated', () => {
    const { outcomes } = history;
    expect(outcomes.resolved + outcomes.open + outcomes.withdrawn).toBe(lines.length);
    expect(outcomes.late / outcomes.resolved).toBeGreaterThan(0.03);
    expect(outcomes.late / outcomes.resolved).toBeLessThan(0.35);
    expect(outcomes.open).toBeGreaterThan(10);
    expect(outcomes.withdrawn).toBeGreaterThan(10);
    expect(history.ratings.length).toBeGreaterThan(outcomes.returned / 4);
    for (const rating of history.ratings) {
      const line = lines.find((l) => l.code === rating.code) as Line;
      const returned = line.events.find((e) => e.statusCode === 10);
      expect(returned).toBeDefined();
      expect(Date.parse(rating.at)).toBeGreaterThanOrEqual(Date.parse(returned?.at ?? ''));
      for (const factor of [rating.access, rating.procedure, rating.officer, rating.result, rating.feedback]) {
        expect(factor).toBeGreaterThanOrEqual(1);
        expect(factor).toBeLessThanOrEqual(5);
      }
    }
  });
});
