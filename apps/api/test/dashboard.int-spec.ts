import { Client } from 'pg';
import { CENTER, CRIMINAL_RECORD, mandatoryDocuments } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';
import { importHistory, RESULT } from './support/history';

const SO_TU_PHAP = '000.00.10.H01';
const SO_KH_DT = '000.00.11.H01';
const LONG_XUYEN = '000.00.31.H01';
const MY_BINH = '000.31.01.H01';
/** Đăng ký thành lập doanh nghiệp tư nhân (Sở KH&ĐT, 3 working days). */
const PRIVATE_COMPANY = '2.001610';
/** Đăng ký thành lập hộ kinh doanh (district level, 3 working days). */
const HOUSEHOLD_BUSINESS = '2.000720';
/** Đăng ký khai sinh (commune level, 8 working hours). */
const BIRTH = '1.001193';

/**
 * The dashboard against the reports it summarises: a known history over March–May 2026 in three
 * departments and a district with one of its wards, imported through the legacy importer, then
 * every figure of the dashboard compared with II.06a, the 766 indicators and the satisfaction
 * report of the same filters — and the series with counts made by hand.
 */
describe('reports dashboard', () => {
  let t: TestApp;
  let db: Client;
  let province: string;
  let leader: string;
  const PERIOD = 'from=2026-03-01&to=2026-05-31';

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    const documents = Object.fromEntries(
      await Promise.all(
        [CRIMINAL_RECORD, PRIVATE_COMPANY, HOUSEHOLD_BUSINESS, BIRTH].map(async (code) => [
          code,
          await mandatoryDocuments(t.baseUrl, code),
        ]),
      ),
    );
    const line = (
      code: string,
      procedureCode: string,
      receivingAgencyCode: string,
      events: Array<Record<string, unknown>>,
      channel = 'DIRECT',
    ) =>
      JSON.stringify({
        code,
        procedureCode,
        receivingAgencyCode,
        channel,
        applicant: { type: 'INDIVIDUAL', fullName: 'Trần Thị Bảng Điều Khiển', identifiers: [] },
        documents: documents[procedureCode],
        events,
      });
    const online = (at: string) => [
      { statusCode: 1, at },
      { statusCode: 2, at },
    ];
    const body = [
      // Sở Tư pháp (received at the provincial center)
      // A1: carried over from February, resolved early on 02/03, returned (and rated below).
      line(`${CENTER}-260226-0001`, CRIMINAL_RECORD, CENTER, [
        { statusCode: 2, at: '2026-02-26T02:00:00Z' },
        ...RESULT('2026-03-02T03:00:00Z'),
        { statusCode: 10, at: '2026-03-03T03:00:00Z' },
      ]),
      // A2: received 02/03, resolved late on 30/03.
      line(`${CENTER}-260302-0001`, CRIMINAL_RECORD, CENTER, [
        { statusCode: 2, at: '2026-03-02T02:00:00Z' },
        ...RESULT('2026-03-30T03:00:00Z'),
      ]),
      // A3: online, accepted 06/04, resolved early on 08/04.
      line(
        `${CENTER}-260406-0001`,
        CRIMINAL_RECORD,
        CENTER,
        [...online('2026-04-06T02:00:00Z'), ...RESULT('2026-04-08T03:00:00Z')],
        'ONLINE',
      ),
      // A4: received 04/05, still open (overdue since mid-May).
      line(`${CENTER}-260504-0001`, CRIMINAL_RECORD, CENTER, [
        { statusCode: 2, at: '2026-05-04T02:00:00Z' },
        { statusCode: 4, at: '2026-05-04T03:00:00Z' },
      ]),
      // Sở KH&ĐT
      // B1: received 10/03, resolved early on 11/03.
      line(`${CENTER}-260310-0001`, PRIVATE_COMPANY, CENTER, [
        { statusCode: 2, at: '2026-03-10T02:00:00Z' },
        ...RESULT('2026-03-11T03:00:00Z'),
      ]),
      // B2: online, accepted 14/04, withdrawn 15/04.
      line(
        `${CENTER}-260414-0001`,
        PRIVATE_COMPANY,
        CENTER,
        [
          ...online('2026-04-14T02:00:00Z'),
          { statusCode: 7, at: '2026-04-15T02:00:00Z', reason: 'Doanh nghiệp xin rút' },
          { statusCode: 8, at: '2026-04-15T03:00:00Z' },
        ],
        'ONLINE',
      ),
      // B3: received 20/05, resolved late on 10/06 (after the period: in process and overdue at its end).
      line(`${CENTER}-260520-0001`, PRIVATE_COMPANY, CENTER, [
        { statusCode: 2, at: '2026-05-20T02:00:00Z' },
        ...RESULT('2026-06-10T03:00:00Z'),
      ]),
      // UBND TP Long Xuyên and its ward Mỹ Bình
      // C1: received 16/03 at the district, resolved early on 17/03.
      line(`${LONG_XUYEN}-260316-0001`, HOUSEHOLD_BUSINESS, LONG_XUYEN, [
        { statusCode: 2, at: '2026-03-16T02:00:00Z' },
        ...RESULT('2026-03-17T03:00:00Z'),
      ]),
      // C2: received 05/05 at the district, still open (overdue).
      line(`${LONG_XUYEN}-260505-0001`, HOUSEHOLD_BUSINESS, LONG_XUYEN, [{ statusCode: 2, at: '2026-05-05T02:00:00Z' }]),
      // D1: birth registration submitted online to Mỹ Bình, accepted and resolved on 01/04.
      line(`${MY_BINH}-260401-0001`, BIRTH, MY_BINH, [...online('2026-04-01T02:00:00Z'), ...RESULT('2026-04-01T06:00:00Z')], 'ONLINE'),
    ].join('\n');
    const admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    await importHistory(t.baseUrl, admin, body);
    [province, leader] = await Promise.all([login(t.baseUrl, 'thanhtra.tinh'), login(t.baseUrl, 'lanhdao.stp')]);

    // The applicant of A1 rates it today (ratings are counted on the day they are given).
    const { lookup_secret: secret } = (await db.query(`SELECT lookup_secret FROM dossiers WHERE code = '${CENTER}-260226-0001'`)).rows[0];
    const rated = await call(t.baseUrl, 'POST', `/api/public/dossiers/${CENTER}-260226-0001/rating?secret=${secret}`, {
      body: { access: 5, procedure: 5, officer: 4, result: 3, feedback: 5 },
    });
    if (rated.status !== 204) throw new Error(`rating: ${rated.status}`);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const get = (path: string, query: string, token = province) => call(t.baseUrl, 'GET', `/api/reports/${path}?${query}`, { token });
  const agencyId = async (code: string) => (await db.query('SELECT id FROM agencies WHERE code = $1', [code])).rows[0].id as string;

  it('draws received vs resolved per month as counted by hand, adding up to the II.06a total', async () => {
    const res = await get('dashboard', `${PERIOD}&granularity=month`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-03-01', to: '2026-05-31', granularity: 'month', source: 'live' });
    expect(res.body.agency).toMatchObject({ code: '000.00.00.H01' });
    expect(res.body.series).toEqual([
      { from: '2026-03-01', to: '2026-03-31', received: 3, receivedOnline: 0, resolved: 4, resolvedOnTime: 3, resolvedLate: 1 },
      { from: '2026-04-01', to: '2026-04-30', received: 3, receivedOnline: 3, resolved: 2, resolvedOnTime: 2, resolvedLate: 0 },
      { from: '2026-05-01', to: '2026-05-31', received: 3, receivedOnline: 0, resolved: 0, resolvedOnTime: 0, resolvedLate: 0 },
    ]);

    const ii06a = await get('ii06a', PERIOD);
    expect(res.body.totals).toEqual(ii06a.body.total);
    expect(res.body.totals).toMatchObject({
      receivedTotal: 10,
      carriedOver: 1,
      resolvedTotal: 6,
      withdrawnOrStopped: 1,
      inProcessOverdue: 3,
    });
    const sum = (key: string) => res.body.series.reduce((total: number, b: Record<string, number>) => total + b[key], 0);
    expect(sum('received')).toBe(ii06a.body.total.receivedOnline + ii06a.body.total.receivedDirect);
    expect(sum('receivedOnline')).toBe(ii06a.body.total.receivedOnline);
    expect(sum('resolved')).toBe(ii06a.body.total.resolvedTotal);
    expect(sum('resolvedLate')).toBe(ii06a.body.total.resolvedLate);

    // Each bucket is the II.06a of its own month.
    for (const bucket of res.body.series) {
      const month = (await get('ii06a', `from=${bucket.from}&to=${bucket.to}`)).body.total;
      expect(bucket.received).toBe(month.receivedOnline + month.receivedDirect);
      expect(bucket.resolved).toBe(month.resolvedTotal);
      expect(bucket.resolvedOnTime).toBe(month.resolvedEarly + month.resolvedOnTime);
    }
  });

  it('rolls II.06a and the 766 on-time rate up to the direct children of the agency', async () => {
    const [dashboard, ii06a, indicators] = await Promise.all([get('dashboard', PERIOD), get('ii06a', PERIOD), get('indicators', PERIOD)]);
    const rows = dashboard.body.agencies;
    expect(rows.map((r: { agencyCode: string; self: boolean }) => [r.agencyCode, r.self])).toEqual([
      [SO_TU_PHAP, false],
      [SO_KH_DT, false],
      [LONG_XUYEN, false],
    ]);
    const [justice, planning, city] = rows;
    expect(justice).toMatchObject({ receivedTotal: 4, carriedOver: 1, resolvedTotal: 3, resolvedLate: 1, inProcessOverdue: 1 });
    expect(planning).toMatchObject({ receivedTotal: 3, resolvedTotal: 1, withdrawnOrStopped: 1, inProcessOverdue: 1 });
    // The city's row holds the district's own dossiers and its ward's.
    expect(city).toMatchObject({ receivedTotal: 3, receivedOnline: 1, resolvedTotal: 2, inProcessOverdue: 1 });
    const reportRow = (code: string) => ii06a.body.rows.find((r: { agencyCode: string }) => r.agencyCode === code);
    expect(city.receivedTotal).toBe(reportRow(LONG_XUYEN).receivedTotal + reportRow(MY_BINH).receivedTotal);
    const justiceCounters = Object.fromEntries(Object.entries(reportRow(SO_TU_PHAP)).filter(([key]) => !key.startsWith('agency')));
    expect(justice).toMatchObject(justiceCounters);

    // On time (766 2.1): early + on time + in process within time, over resolved + in process.
    const indicatorRow = (code: string) =>
      indicators.body.rows.find((r: { agencyCode: string }) => r.agencyCode === code).indicators.onTime;
    expect(justice.onTime).toEqual(indicatorRow(SO_TU_PHAP));
    expect(justice.onTime).toMatchObject({ numerator: 2, denominator: 4, rate: 50 });
    expect(city.onTime).toMatchObject({
      numerator: indicatorRow(LONG_XUYEN).numerator + indicatorRow(MY_BINH).numerator,
      denominator: indicatorRow(LONG_XUYEN).denominator + indicatorRow(MY_BINH).denominator,
    });
    expect(city.onTime).toMatchObject({ numerator: 2, denominator: 3, rate: 66.67 });
    expect(dashboard.body.indicators).toEqual(indicators.body.total);
    expect(dashboard.body.online).toEqual(indicators.body.total.indicators.online);
    expect(dashboard.body.online).toMatchObject({ numerator: 3, denominator: 9, rate: 33.33 });
  });

  it('shows the satisfaction report’s index for the same period', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const query = `from=2026-03-01&to=${today}`;
    const [dashboard, satisfaction] = await Promise.all([get('dashboard', `${query}&granularity=month`), get('satisfaction', query)]);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.satisfaction).toEqual(satisfaction.body.total);
    expect(dashboard.body.satisfaction).toMatchObject({ ratings: 1, index: 80 });
    // Within the three months, nobody had rated yet.
    expect((await get('dashboard', PERIOD)).body.satisfaction).toMatchObject({ ratings: 0, index: null });
  });

  it('counts the open dossiers overdue and due soon right now, in the caller’s subtree', async () => {
    const open = await db.query(
      `SELECT d.due_at, d.due_soon_at, a.code FROM dossiers d JOIN agencies a ON a.id = d.competent_agency_id
        WHERE d.finished_at IS NULL AND d.received_at IS NOT NULL`,
    );
    const now = Date.now();
    const expected = (rows: Array<{ due_at: Date; due_soon_at: Date }>) => ({
      overdue: rows.filter((r) => r.due_at.getTime() < now).length,
      dueSoon: rows.filter((r) => r.due_soon_at.getTime() <= now && r.due_at.getTime() >= now).length,
    });
    expect(expected(open.rows)).toEqual({ overdue: 2, dueSoon: 0 }); // A4 and C2
    expect((await get('dashboard', PERIOD)).body.open).toMatchObject(expected(open.rows));
    const mine = await get('dashboard', PERIOD, leader);
    expect(mine.body.open).toMatchObject(expected(open.rows.filter((r) => r.code === SO_TU_PHAP)));
    expect(mine.body.open.overdue).toBe(1);
  });

  it('opens the same dossiers in the work list as its overdue tile counts, for the dashboard’s agency and basis', async () => {
    const overdueCodes = async (agencyCode: string | null) =>
      (
        await db.query(
          `SELECT d.code FROM dossiers d JOIN agencies a ON a.id = d.competent_agency_id
            WHERE d.finished_at IS NULL AND d.due_at < now() AND ($1::text IS NULL OR a.code = $1) ORDER BY d.code`,
          [agencyCode],
        )
      ).rows.map((r) => r.code);
    for (const [token, agencyCode] of [
      [province, null],
      [leader, SO_TU_PHAP],
    ] as const) {
      const dashboard = (await get('dashboard', PERIOD, token)).body;
      const list = await call(
        t.baseUrl,
        'GET',
        `/api/dossiers?timeliness=OVERDUE&agencyId=${dashboard.agency.id}&agencyRole=competent&limit=100`,
        { token },
      );
      expect(list.status).toBe(200);
      const codes = list.body.items.map((d: { code: string }) => d.code).sort();
      expect(codes).toEqual(await overdueCodes(agencyCode));
      expect(codes.length).toBe(dashboard.open.overdue);
    }
    // The receiving basis narrows to where the dossiers were received: C2 was received at its district.
    const byReceiving = await call(
      t.baseUrl,
      'GET',
      `/api/dossiers?timeliness=OVERDUE&agencyId=${(await get('dashboard', PERIOD, leader)).body.agency.id}&agencyRole=receiving&limit=100`,
      { token: leader },
    );
    expect(byReceiving.body.items.map((d: { code: string }) => d.code)).toEqual(
      (
        await db.query(
          `SELECT d.code FROM dossiers d JOIN agencies a ON a.id = d.receiving_agency_id
            WHERE d.finished_at IS NULL AND d.due_at < now() AND a.code = $1 ORDER BY d.code`,
          [SO_TU_PHAP],
        )
      ).rows.map((r) => r.code),
    );
    const bad = await call(t.baseUrl, 'GET', '/api/dossiers?agencyRole=either', { token: province });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'agencyRole' })]));
  });

  it('keeps a leader inside the department: its own row, its own numbers, no other agency', async () => {
    const mine = await get('dashboard', `${PERIOD}&granularity=month`, leader);
    expect(mine.status).toBe(200);
    expect(mine.body.agency.code).toBe(SO_TU_PHAP);
    expect(mine.body.agencies).toEqual([expect.objectContaining({ agencyCode: SO_TU_PHAP, self: true, receivedTotal: 4 })]);
    expect(mine.body.totals).toEqual((await get('ii06a', PERIOD, leader)).body.total);
    expect(mine.body.series.map((b: { received: number }) => b.received)).toEqual([1, 1, 1]);
    const outside = await get('dashboard', `${PERIOD}&agencyId=${await agencyId(LONG_XUYEN)}`, leader);
    expect(outside.status).toBe(404);

    // The province's auditor opens the city: the district's own dossiers, then its ward's.
    const city = await get('dashboard', `${PERIOD}&agencyId=${await agencyId(LONG_XUYEN)}`);
    expect(
      city.body.agencies.map((r: { agencyCode: string; self: boolean; receivedTotal: number }) => [r.agencyCode, r.self, r.receivedTotal]),
    ).toEqual([
      [LONG_XUYEN, true, 2],
      [MY_BINH, false, 1],
    ]);
    expect(city.body.totals).toMatchObject({ receivedTotal: 3 });
  });

  it('applies the procedure filter to every figure, as the reports do', async () => {
    const query = `${PERIOD}&procedureCode=${PRIVATE_COMPANY}`;
    const [dashboard, ii06a] = await Promise.all([get('dashboard', query), get('ii06a', query)]);
    expect(dashboard.body.totals).toEqual(ii06a.body.total);
    expect(dashboard.body.agencies.map((r: { agencyCode: string }) => r.agencyCode)).toEqual([SO_KH_DT]);
    expect(dashboard.body.open.overdue).toBe(0);
    expect(dashboard.body.filters).toMatchObject({ procedureCode: PRIVATE_COMPANY });
  });

  it('reads a closed month’s totals from its snapshot, as the II.06a report does', async () => {
    const admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    expect((await call(t.baseUrl, 'POST', '/api/reports/periods/2026-03/close', { token: admin })).status).toBe(201);
    const MARCH = 'from=2026-03-01&to=2026-03-31';
    const [dashboard, ii06a] = await Promise.all([get('dashboard', MARCH), get('ii06a', MARCH)]);
    expect(dashboard.body).toMatchObject({ source: 'snapshot', snapshot: { month: '2026-03', sha256: ii06a.body.snapshot.sha256 } });
    expect(dashboard.body.totals).toEqual(ii06a.body.total);
    expect(dashboard.body.series.reduce((n: number, b: { resolved: number }) => n + b.resolved, 0)).toBe(ii06a.body.total.resolvedTotal);
  });

  it('refuses bad input with the field and the rule, and readers without the permission', async () => {
    const unknown = await get('dashboard', `${PERIOD}&granularity=hour`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'granularity' });
    const tooFine = await get('dashboard', 'from=2025-01-01&to=2026-05-31&granularity=day');
    expect(tooFine.status).toBe(400);
    expect(tooFine.body.errors[0]).toMatchObject({ field: 'granularity', rule: 'maxBuckets' });
    const backwards = await get('dashboard', 'from=2026-05-31&to=2026-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'from' });
    const long = await get('dashboard', 'from=2019-01-01&to=2026-03-01&granularity=month');
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'to', rule: 'maxPeriod' });
    expect((await get('dashboard', PERIOD, await login(t.baseUrl, 'chuyenvien.stp'))).status).toBe(403);
    expect((await call(t.baseUrl, 'GET', `/api/reports/dashboard?${PERIOD}`)).status).toBe(401);
  });
});
