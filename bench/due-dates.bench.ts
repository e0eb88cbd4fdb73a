/**
 * Issue 4 target: 100 000 due-date computations spread over two years with holidays, under 1 s
 * in one process. Uses the same WorkingCalendar the API builds (official 2025–2026 schedules plus
 * statutory holidays for the years around them).
 *   npm run bench:due
 */
import { holidaysForYears, WorkingCalendar, type ProcessingUnit } from '../libs/domain/src';

const COUNT = 100_000;
const UNITS: ProcessingUnit[] = ['WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS'];
const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const SPAN = Date.parse('2027-01-01T00:00:00+07:00') - FROM;

// A fixed pseudo-random sequence so every run measures the same work.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const calendar = new WorkingCalendar(holidaysForYears(2024, 2040));
const inputs = Array.from({ length: COUNT }, () => ({
  start: new Date(FROM + Math.floor(random() * SPAN)),
  amount: 1 + Math.floor(random() * 30),
  unit: UNITS[Math.floor(random() * UNITS.length)],
}));

calendar.computeDue(inputs[0].start, 1, 'WORKING_DAYS'); // warm the day cache once
const started = process.hrtime.bigint();
let checksum = 0;
for (const { start, amount, unit } of inputs) checksum += calendar.computeDue(start, amount, unit).due.getTime() % 1000;
const ms = Number(process.hrtime.bigint() - started) / 1e6;

console.log(`due-date computations: ${COUNT} in ${ms.toFixed(0)} ms (${Math.round((COUNT / ms) * 1000)} /s), target < 1000 ms: ${ms < 1000 ? 'MET' : 'MISSED'} [checksum ${checksum}]`);
