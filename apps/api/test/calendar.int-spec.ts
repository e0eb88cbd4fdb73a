import { Client } from 'pg';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

describe('calendar and due dates', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;
  let officer: string;

  const due = async (start: string, amount: number, unit = 'WORKING_DAYS') =>
    call(t.baseUrl, 'GET', `/api/calendar/due?start=${encodeURIComponent(start)}&amount=${amount}&unit=${unit}`, { token: officer });

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    officer = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it.each([
    // [received, amount, unit, clock start, due] — computed by hand along the 2026 official schedule
    [
      'Monday 09:00 + 3 working days',
      '2026-03-09T09:00:00+07:00',
      3,
      'WORKING_DAYS',
      '2026-03-09T09:00:00+07:00',
      '2026-03-12T09:00:00+07:00',
    ],
    [
      'Saturday receipt starts Monday 07:00',
      '2026-03-14T10:00:00+07:00',
      1,
      'WORKING_DAYS',
      '2026-03-16T07:00:00+07:00',
      '2026-03-16T17:00:00+07:00',
    ],
    [
      'lunch-time receipt starts at 13:00',
      '2026-03-10T04:30:00Z',
      4,
      'WORKING_HOURS',
      '2026-03-10T13:00:00+07:00',
      '2026-03-10T17:00:00+07:00',
    ],
    [
      'Tết Bính Ngọ: off 14–22/02/2026',
      '2026-02-13T10:00:00+07:00',
      2,
      'WORKING_DAYS',
      '2026-02-13T10:00:00+07:00',
      '2026-02-24T10:00:00+07:00',
    ],
    [
      'New Year 2026: 01/01 holiday, 02/01 swapped off',
      '2025-12-31T09:00:00+07:00',
      2,
      'WORKING_DAYS',
      '2025-12-31T09:00:00+07:00',
      '2026-01-06T09:00:00+07:00',
    ],
    [
      'New Year 2026: Saturday 10/01 is a make-up working day',
      '2026-01-09T16:00:00+07:00',
      4,
      'WORKING_HOURS',
      '2026-01-09T16:00:00+07:00',
      '2026-01-10T10:00:00+07:00',
    ],
    [
      'calendar days roll forward to working time',
      '2026-03-06T09:00:00+07:00',
      1,
      'CALENDAR_DAYS',
      '2026-03-06T09:00:00+07:00',
      '2026-03-09T07:00:00+07:00',
    ],
  ])('%s', async (_label, start, amount, unit, clockStart, expected) => {
    const res = await due(start as string, amount as number, unit as string);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ clockStart, due: expected });
  });

  it('ships the official 2026 National Day swap: Mon 31/08 off, Sat 22/08 worked, 01–02/09 holidays', async () => {
    const days = await call(t.baseUrl, 'GET', '/api/calendar/days?from=2026-08-22&to=2026-09-03', { token: officer });
    const byDate = Object.fromEntries(days.body.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2026-08-22']).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY', source: 'SCHEDULE' });
    expect(byDate['2026-08-31']).toMatchObject({ working: false, kind: 'SWAPPED_OFF' });
    expect(byDate['2026-09-01']).toMatchObject({ working: false, kind: 'HOLIDAY' });
    expect(byDate['2026-09-02']).toMatchObject({ working: false, kind: 'HOLIDAY' });
    // Fri 28/08 09:00 + 1 working day: 6 h on Friday, then nothing until Thu 03/09.
    expect((await due('2026-08-28T09:00:00+07:00', 1)).body.due).toBe('2026-09-03T09:00:00+07:00');
    // Fri 21/08 16:00 + 2 working hours: 1 h on Friday, 1 h on the make-up Saturday.
    expect((await due('2026-08-21T16:00:00+07:00', 2, 'WORKING_HOURS')).body.due).toBe('2026-08-22T08:00:00+07:00');
  });

  it('fills a year without an official schedule from the Vietnamese lunar calendar, with weekend substitutes', async () => {
    // Tết Đinh Mùi: 06/02/2027 is a Saturday (Vietnamese lunar calendar, UTC+7).
    const res = await call(t.baseUrl, 'GET', '/api/calendar/days?from=2027-02-01&to=2027-02-14', { token: officer });
    const weekdaysOff = res.body.filter((d: { working: boolean; weekday: number }) => !d.working && d.weekday <= 5);
    expect(weekdaysOff.map((d: { date: string }) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(weekdaysOff.every((d: { source: string }) => d.source === 'STATUTORY')).toBe(true);
    expect(weekdaysOff.map((d: { kind: string }) => d.kind)).toEqual(['HOLIDAY', 'HOLIDAY', 'HOLIDAY', 'SUBSTITUTE_OFF', 'SUBSTITUTE_OFF']);
    // Giỗ Tổ Hùng Vương 2027: 10/3 lunar = Friday 16/04/2027.
    const hung = await call(t.baseUrl, 'GET', '/api/calendar/days?from=2027-04-16&to=2027-04-16', { token: officer });
    expect(hung.body[0]).toMatchObject({ working: false, kind: 'HOLIDAY' });
  });

  it('moves the due date at once when an administrator marks a day off, and audits it', async () => {
    const before = await due('2026-03-27T16:00:00+07:00', 2, 'WORKING_HOURS');
    expect(before.body.due).toBe('2026-03-30T08:00:00+07:00');
    const put = await call(t.baseUrl, 'PUT', '/api/calendar/days/2026-03-30', {
      token: admin,
      body: { kind: 'HOLIDAY', name: 'Nghỉ đột xuất (thử nghiệm)', document: 'Quyết định 1/QĐ-UBND' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      date: '2026-03-30',
      working: false,
      kind: 'HOLIDAY',
      source: 'SCHEDULE',
      document: 'Quyết định 1/QĐ-UBND',
    });
    expect((await due('2026-03-27T16:00:00+07:00', 2, 'WORKING_HOURS')).body.due).toBe('2026-03-31T08:00:00+07:00');

    expect((await call(t.baseUrl, 'DELETE', '/api/calendar/days/2026-03-30', { token: admin })).status).toBe(204);
    expect((await due('2026-03-27T16:00:00+07:00', 2, 'WORKING_HOURS')).body.due).toBe('2026-03-30T08:00:00+07:00');
    const audit = (await db.query("SELECT action FROM audit_events WHERE target_id = '2026-03-30' ORDER BY id")).rows.map((r) => r.action);
    expect(audit).toEqual(['calendar.day-set', 'calendar.day-removed']);
  });

  it('changes working hours and refuses overlapping periods', async () => {
    const bad = await call(t.baseUrl, 'PUT', '/api/calendar/settings', {
      token: admin,
      body: {
        workingWeekdays: [1, 2, 3, 4, 5],
        periods: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ rule: 'noOverlap' });
    const settings = await call(t.baseUrl, 'GET', '/api/calendar/settings', { token: officer });
    expect(settings.body).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5], timeZone: 'Asia/Ho_Chi_Minh' });
  });

  it.each([
    ['start=yesterday&amount=1&unit=WORKING_DAYS', 'start'],
    ['start=2026-03-09T09:00:00&amount=1&unit=WORKING_DAYS', 'start'],
    ['start=2026-03-09T09:00:00%2B07:00&amount=-1&unit=WORKING_DAYS', 'amount'],
    ['start=2026-03-09T09:00:00%2B07:00&amount=3651&unit=WORKING_DAYS', 'amount'],
    ['start=2026-03-09T09:00:00%2B07:00&amount=2&unit=WEEKS', 'unit'],
    ['amount=2&unit=WORKING_DAYS', 'start'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await call(t.baseUrl, 'GET', `/api/calendar/due?${query}`, { token: officer });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets only administrators edit the calendar, and requires a sign-in to read it', async () => {
    const auditor = await login(t.baseUrl, 'thanhtra.tinh');
    expect(
      (await call(t.baseUrl, 'PUT', '/api/calendar/days/2026-03-31', { token: auditor, body: { kind: 'HOLIDAY', name: 'Không được' } }))
        .status,
    ).toBe(403);
    expect((await call(t.baseUrl, 'GET', '/api/calendar/due?start=2026-03-09T09:00:00%2B07:00&amount=1&unit=WORKING_DAYS')).status).toBe(
      401,
    );
    expect(
      (await call(t.baseUrl, 'PUT', '/api/calendar/days/2026-02-30', { token: admin, body: { kind: 'HOLIDAY', name: 'Ngày không có' } }))
        .status,
    ).toBe(400);
  });

  it('seeds the demo catalog: at least 25 published procedures, several inter-agency', async () => {
    const page = await call(t.baseUrl, 'GET', '/api/public/procedures?limit=200');
    expect(page.body.items.length).toBeGreaterThanOrEqual(25);
    const fixedSteps = (await db.query("SELECT count(DISTINCT procedure_id)::int AS n FROM procedure_steps WHERE actor = 'FIXED'")).rows[0]
      .n;
    expect(fixedSteps).toBeGreaterThanOrEqual(5);
    const birth = await call(t.baseUrl, 'GET', '/api/public/procedures/1.001193');
    expect(birth.body.name).toMatch(/khai sinh/i);
  });
});

describe('calendar: first entry of a year without a schedule', () => {
  it('keeps the computed statutory holidays of that year', async () => {
    const t = await startTestApp({ DEMO_DATA: 'true' });
    try {
      const admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
      const before = await call(t.baseUrl, 'GET', '/api/calendar/days?from=2028-01-01&to=2028-12-31', { token: admin });
      const holidaysBefore = before.body
        .filter((d: { kind: string }) => d.kind !== 'WORKDAY' && d.kind !== 'WEEKEND')
        .map((d: { date: string }) => d.date);
      expect(holidaysBefore.length).toBeGreaterThanOrEqual(11);
      await call(t.baseUrl, 'PUT', '/api/calendar/days/2028-03-06', {
        token: admin,
        body: { kind: 'HOLIDAY', name: 'Nghỉ thử', document: 'QĐ thử' },
      });
      const after = await call(t.baseUrl, 'GET', '/api/calendar/days?from=2028-01-01&to=2028-12-31', { token: admin });
      const holidaysAfter = after.body.filter((d: { kind: string }) => d.kind !== 'WORKDAY' && d.kind !== 'WEEKEND');
      expect(holidaysAfter.map((d: { date: string }) => d.date)).toEqual([...holidaysBefore, '2028-03-06'].sort());
      expect(holidaysAfter.every((d: { source: string }) => d.source === 'SCHEDULE')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
