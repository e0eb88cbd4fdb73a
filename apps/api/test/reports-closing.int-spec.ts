import { Client } from 'pg';
import { CENTER, CRIMINAL_RECORD, mandatoryDocuments } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';
import { importHistory, RESULT } from './support/history';

/**
 * Period closing, carry-over, Decision 766 indicators and the per-procedure report over known
 * histories imported through the legacy importer. All dossiers are received at the provincial
 * center; criminal-record certificates (2.000488, 10 working days) are Sở Tư pháp's, private
 * enterprise registrations (2.001610, 3 working days) Sở Kế hoạch và Đầu tư's.
 */
const ENTERPRISE = '2.001610';
const STP = '000.00.10.H01';
const SKHDT = '000.00.11.H01';
const MARCH = 'from=2026-03-01&to=2026-03-31';
const APRIL = 'from=2026-04-01&to=2026-04-30';
const COUNTERS = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirect',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProcessTotal',
  'inProcessWithin',
  'inProcessOverdue',
  'withdrawnOrStopped',
] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;
const code = (date: string, n = 1) => `${CENTER}-${date}-${String(n).padStart(4, '0')}`;

function expectInvariants(c: Counters): void {
  expect(c.receivedTotal).toBe(c.receivedOnline + c.receivedDirect + c.carriedOver);
  expect(c.receivedTotal).toBe(c.resolvedTotal + c.inProcessTotal + c.withdrawnOrStopped);
  expect(c.resolvedTotal).toBe(c.resolvedEarly + c.resolvedOnTime + c.resolvedLate);
  expect(c.inProcessTotal).toBe(c.inProcessWithin + c.inProcessOverdue);
}

describe('reports: period closing, carry-over, 766 indicators, per-procedure report', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;
  let auditor: string;
  let leader: string;
  let docs: Record<string, Array<{ name: string; kind: string; count: number }>>;
  let agencyId: Record<string, string>;
  let closedMarch: { sha256: string };

  const line = (dossierCode: string, procedureCode: string, events: Array<Record<string, unknown>>, channel = 'DIRECT') =>
    JSON.stringify({
      code: dossierCode,
      procedureCode,
      receivingAgencyCode: CENTER,
      channel,
      applicant: { type: 'INDIVIDUAL', fullName: 'Lâm Văn Khóa Sổ', identifiers: [] },
      documents: docs[procedureCode],
      events,
    });
  const importLines = async (lines: string[]) => {
    await importHistory(t.baseUrl, admin, lines.join('\n'));
  };
  const get = async (path: string, token = auditor) => call(t.baseUrl, 'GET', path, { token });
  const ii06a = async (query: string, token = auditor) => get(`/api/reports/ii06a?${query}`, token);
  const drill = async (query: string) => (await get(`/api/reports/ii06a/dossiers?${query}`)).body.items as string[];
  const close = async (month: string, token = admin) => call(t.baseUrl, 'POST', `/api/reports/periods/${month}/close`, { token });
  const rowOf = (report: { rows: Array<Counters & { agencyCode: string }> }, agencyCode: string) =>
    report.rows.find((r) => r.agencyCode === agencyCode) as Counters & { agencyCode: string; agencyId: string };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    docs = {
      [CRIMINAL_RECORD]: await mandatoryDocuments(t.baseUrl),
      [ENTERPRISE]: await mandatoryDocuments(t.baseUrl, ENTERPRISE),
    };
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    [auditor, leader] = await Promise.all([login(t.baseUrl, 'thanhtra.tinh'), login(t.baseUrl, 'lanhdao.stp')]);
    agencyId = Object.fromEntries(
      (await db.query('SELECT code, id FROM agencies WHERE code = ANY($1)', [[STP, SKHDT]])).rows.map((r) => [r.code, r.id]),
    );
    await importLines([
      // Sở Tư pháp — the March history of reports.int-spec.ts:
      // carried over from February, resolved early in March;
      line(code('260226'), CRIMINAL_RECORD, [
        { statusCode: 2, at: '2026-02-26T02:00:00Z' },
        ...RESULT('2026-03-02T03:00:00Z'),
        { statusCode: 10, at: '2026-03-03T03:00:00Z' },
      ]),
      // received at the counter, resolved late (due 16/03, result 30/03);
      line(code('260302'), CRIMINAL_RECORD, [{ statusCode: 2, at: '2026-03-02T02:00:00Z' }, ...RESULT('2026-03-30T03:00:00Z')]),
      // online, accepted 25/03, in process within time at the end of March (overdue at the end of April);
      line(
        code('260325'),
        CRIMINAL_RECORD,
        [
          { statusCode: 1, at: '2026-03-25T01:00:00Z' },
          { statusCode: 2, at: '2026-03-25T02:00:00Z' },
          { statusCode: 4, at: '2026-03-25T03:00:00Z' },
        ],
        'ONLINE',
      ),
      // received 02/03, in process and overdue at the end of March;
      line(code('260302', 2), CRIMINAL_RECORD, [
        { statusCode: 2, at: '2026-03-02T02:30:00Z' },
        { statusCode: 4, at: '2026-03-02T03:00:00Z' },
      ]),
      // received and withdrawn in March;
      line(code('260303'), CRIMINAL_RECORD, [
        { statusCode: 2, at: '2026-03-03T02:00:00Z' },
        { statusCode: 7, at: '2026-03-04T02:00:00Z', reason: 'Công dân xin rút' },
        { statusCode: 8, at: '2026-03-04T03:00:00Z' },
      ]),
      // received in April, open.
      line(code('260401'), CRIMINAL_RECORD, [{ statusCode: 2, at: '2026-04-01T02:00:00Z' }]),
      // Sở KH&ĐT: online, received Tue 10/03 09:00, due Fri 13/03, resolved Wed 11/03 (early);
      line(
        code('260310'),
        ENTERPRISE,
        [{ statusCode: 1, at: '2026-03-10T01:00:00Z' }, { statusCode: 2, at: '2026-03-10T02:00:00Z' }, ...RESULT('2026-03-11T03:00:00Z')],
        'ONLINE',
      ),
      // at the counter Mon 16/03 09:00, a fee paid (not online), resolved Thu 19/03 08:30 on the due day (on time);
      line(code('260316'), ENTERPRISE, [
        { statusCode: 2, at: '2026-03-16T02:00:00Z' },
        { statusCode: 4, at: '2026-03-16T03:00:00Z' },
        { statusCode: 6, at: '2026-03-17T02:00:00Z' },
        { statusCode: 4, at: '2026-03-17T04:00:00Z' },
        { statusCode: 9, at: '2026-03-19T01:30:00Z' },
      ]),
      // at the counter Mon 30/03 09:00, due Thu 02/04: within time at the end of March, resolved late Mon 06/04.
      line(code('260330'), ENTERPRISE, [
        { statusCode: 2, at: '2026-03-30T02:00:00Z' },
        { statusCode: 4, at: '2026-03-30T03:00:00Z' },
        { statusCode: 9, at: '2026-04-06T03:00:00Z' },
      ]),
    ]);
    // What the legacy import does not carry: the online payment and electronic result of the online
    // enterprise registration, and a digitised document on two dossiers received in March.
    await db.query('UPDATE dossiers SET paid_online = true, electronic_result = true WHERE code = $1', [code('260310')]);
    for (const c of [code('260310'), code('260325')]) {
      await db.query(
        `INSERT INTO dossier_attachments (dossier_id, kind, filename, content_type, size, sha256, storage_key)
         SELECT id, 'DOCUMENT', 'to-khai.pdf', 'application/pdf', 1024, repeat('a', 64), 'test/' || code FROM dossiers WHERE code = $1`,
        [c],
      );
    }
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const MARCH_STP: Counters = {
    receivedTotal: 5,
    receivedOnline: 1,
    receivedDirect: 3,
    carriedOver: 1,
    resolvedTotal: 2,
    resolvedEarly: 1,
    resolvedOnTime: 0,
    resolvedLate: 1,
    inProcessTotal: 2,
    inProcessWithin: 1,
    inProcessOverdue: 1,
    withdrawnOrStopped: 1,
  };
  const MARCH_SKHDT: Counters = {
    receivedTotal: 3,
    receivedOnline: 1,
    receivedDirect: 2,
    carriedOver: 0,
    resolvedTotal: 2,
    resolvedEarly: 1,
    resolvedOnTime: 1,
    resolvedLate: 0,
    inProcessTotal: 1,
    inProcessWithin: 1,
    inProcessOverdue: 0,
    withdrawnOrStopped: 0,
  };

  it('closes a finished month as a snapshot equal to the live report at closing time, and reads it afterwards', async () => {
    const live = await ii06a(MARCH);
    expect(live.status).toBe(200);
    expect(live.body.source).toBe('live');
    expect(rowOf(live.body, STP)).toMatchObject(MARCH_STP);
    expect(rowOf(live.body, SKHDT)).toMatchObject(MARCH_SKHDT);
    const liveByDesk = await ii06a(`${MARCH}&by=receiving`);
    expect(liveByDesk.body.rows).toEqual([expect.objectContaining({ agencyCode: CENTER, receivedTotal: 8 })]);

    const closed = await close('2026-03');
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({
      month: '2026-03',
      from: '2026-03-01',
      to: '2026-03-31',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      dossierLines: 16, // 8 dossiers in March's population, under both bases
      closedByName: 'admin',
    });
    closedMarch = closed.body;

    const snapshot = await ii06a(MARCH);
    expect(snapshot.body).toMatchObject({
      source: 'snapshot',
      snapshot: { month: '2026-03', sha256: closed.body.sha256, lateEntries: 0 },
    });
    expect(snapshot.body.rows).toEqual(live.body.rows);
    expect(snapshot.body.total).toEqual(live.body.total);
    const byDesk = await ii06a(`${MARCH}&by=receiving`);
    expect(byDesk.body.source).toBe('snapshot');
    expect(byDesk.body.rows).toEqual(liveByDesk.body.rows);
    // The snapshot answers a subtree and a procedure filter too; the department's leader sees its own row only.
    const mine = await ii06a(MARCH, leader);
    expect(mine.body).toMatchObject({ source: 'snapshot', total: MARCH_STP });
    expect(mine.body.rows).toHaveLength(1);
    const enterprise = await ii06a(`${MARCH}&procedureCode=${ENTERPRISE}`);
    expect(enterprise.body).toMatchObject({ source: 'snapshot', total: MARCH_SKHDT });
    // The drill-down lists the snapshot's dossiers, with the same counts.
    expect(await drill(`${MARCH}&cell=inProcessTotal`)).toEqual([code('260302', 2), code('260325'), code('260330')]);
    expect(await drill(`${MARCH}&cell=resolvedEarly&rowAgencyId=${agencyId[SKHDT]}`)).toEqual([code('260310')]);
    expect(await drill(`${MARCH}&cell=receivedTotal`)).toHaveLength(8);

    const audited = await db.query("SELECT after->>'sha256' AS sha256 FROM audit_events WHERE action = 'report.period.closed'");
    expect(audited.rows).toEqual([{ sha256: closed.body.sha256 }]);
    const periods = await get('/api/reports/periods', admin);
    expect(periods.status).toBe(200);
    expect(periods.body.items).toEqual([expect.objectContaining({ month: '2026-03', sha256: closed.body.sha256 })]);
    expect((await get('/api/reports/periods', auditor)).body.items).toHaveLength(1);
    const verified = await get('/api/reports/periods/2026-03/verify');
    expect(verified.body).toEqual({ month: '2026-03', ok: true, sha256: closed.body.sha256, recomputed: closed.body.sha256 });
  });

  it('refuses to close a month twice, one not yet over, a malformed month, or for anyone but a province administrator', async () => {
    const twice = await close('2026-03');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PERIOD_CLOSED');
    const now = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const current = await close(now);
    expect(current.status).toBe(409);
    expect(current.body.code).toBe('PERIOD_NOT_OVER');
    expect((await close('2099-01')).body.code).toBe('PERIOD_NOT_OVER');
    expect((await close('2026-13')).status).toBe(400);
    // Leaders and auditors read reports but do not close them; a department's administrator covers less than the province.
    expect((await close('2026-02', leader)).status).toBe(403);
    expect((await close('2026-02', auditor)).status).toBe(403);
    const departmentAdmin = await close('2026-02', await login(t.baseUrl, 'quantri.stp'));
    expect(departmentAdmin.status).toBe(403);
    expect(departmentAdmin.body.code).toBe('FORBIDDEN');
    expect((await get('/api/reports/periods', await login(t.baseUrl, 'chuyenvien.stp'))).status).toBe(403);
    expect((await get('/api/reports/periods/2026-03/verify', admin)).status).toBe(403);
    expect((await get('/api/reports/periods')).body.items.map((p: { month: string }) => p.month)).toEqual(['2026-03']);
  });

  it('keeps a closed month immutable: the database refuses to update, delete or truncate its snapshot', async () => {
    for (const statement of [
      "UPDATE report_periods SET sha256 = repeat('0', 64)",
      'UPDATE report_period_rows SET received_total = received_total + 1',
      'DELETE FROM report_period_dossiers',
      'TRUNCATE report_period_dossiers',
      'DELETE FROM report_periods',
    ]) {
      await expect(db.query(statement)).rejects.toThrow(/append-only/);
    }
    expect((await ii06a(MARCH)).body.total.receivedTotal).toBe(8);
  });

  it('computes the Decision 766 rates and scores as by hand', async () => {
    const res = await get(`/api/reports/indicators?${MARCH}`);
    expect(res.status).toBe(200);
    const value = (numerator: number, denominator: number, rate: number | null, score: number | null) =>
      expect.objectContaining({ numerator, denominator, rate, score });
    const stp = res.body.rows.find((r: { agencyCode: string }) => r.agencyCode === STP);
    const skhdt = res.body.rows.find((r: { agencyCode: string }) => r.agencyCode === SKHDT);
    // On time (Pmax 20, no target → proportional): (early + on time + in process within) / (resolved + in process).
    expect(stp.indicators.onTime).toEqual({
      id: '2.1',
      name: expect.any(String),
      numerator: 2,
      denominator: 4,
      rate: 50,
      target: 100,
      pmax: 20,
      score: 10,
    });
    expect(skhdt.indicators.onTime).toEqual(value(3, 3, 100, 20));
    expect(res.body.total.indicators.onTime).toEqual(value(5, 7, 71.43, 14.29));
    // Online dossiers among those received in March (target 50 %, Pmax 4): 25 % → 2; 1/3 → 2.67; 2/7 → 2.29.
    expect(stp.indicators.online).toEqual(value(1, 4, 25, 2));
    expect(skhdt.indicators.online).toEqual(value(1, 3, 33.33, 2.67));
    expect(res.body.total.indicators.online).toEqual(value(2, 7, 28.57, 2.29));
    // Online payment among dossiers with a payment (Pmax 5): none at Sở Tư pháp → no rate, never a fake 0.
    expect(stp.indicators.onlinePayment).toEqual(value(0, 0, null, null));
    expect(skhdt.indicators.onlinePayment).toEqual(value(1, 2, 50, 2.5));
    // Electronic results among March results of procedures that allow one (Pmax 6).
    expect(stp.indicators.electronicResult).toEqual(value(0, 2, 0, 0));
    expect(skhdt.indicators.electronicResult).toEqual(value(1, 2, 50, 3));
    expect(res.body.total.indicators.electronicResult).toEqual(value(1, 4, 25, 1.5));
    // Digitised (a DOCUMENT attachment) among received (target 80 %, Pmax 4): 25 % → 1.25; 1/3 → 1.67; 2/7 → 1.43.
    expect(stp.indicators.digitisation).toEqual(value(1, 4, 25, 1.25));
    expect(skhdt.indicators.digitisation).toEqual(value(1, 3, 33.33, 1.67));
    expect(res.body.total.indicators.digitisation).toEqual(value(2, 7, 28.57, 1.43));
    // Satisfaction in receipt and resolution = 100 % − overdue % − 0 complaints (target 90 %, Pmax 6).
    expect(stp.indicators.satisfaction).toEqual(value(2, 4, 50, 3.33));
    expect(skhdt.indicators.satisfaction).toEqual(value(3, 3, 100, 6));
    expect(res.body.total.indicators.satisfaction).toEqual(value(5, 7, 71.43, 4.76));
    // Sums of the scores that exist, and of their Pmax.
    expect(stp).toMatchObject({ score: 16.58, maxScore: 40 });
    expect(skhdt).toMatchObject({ score: 35.84, maxScore: 45 });
    expect(res.body.total).toMatchObject({ agencyId: null, score: 26.77, maxScore: 45 });
    expect(res.body.notes.join(' ')).toContain('PAKN');
    // Scoped like II.06a: the department's leader gets its own row, a specialist nothing.
    const mine = await get(`/api/reports/indicators?${MARCH}`, leader);
    expect(mine.body.rows).toHaveLength(1);
    expect(mine.body.total.indicators.onTime).toEqual(value(2, 4, 50, 10));
    expect((await get(`/api/reports/indicators?${MARCH}`, await login(t.baseUrl, 'chuyenvien.stp'))).status).toBe(403);
    expect((await get('/api/reports/indicators?from=2026-04-01&to=2026-03-01')).status).toBe(400);
  });

  it('reports the II.06a counters per procedure, the rows summing to the II.06a total', async () => {
    for (const query of [MARCH, `${MARCH}&source=live`, APRIL, 'from=2026-02-01&to=2026-04-30', `${MARCH}&by=receiving`]) {
      const [report, perProcedure] = await Promise.all([ii06a(query), get(`/api/reports/procedures?${query}`)]);
      expect(perProcedure.status).toBe(200);
      expect(perProcedure.body.source).toBe(report.body.source);
      expect(perProcedure.body.total).toEqual(report.body.total);
      const sum = Object.fromEntries(COUNTERS.map((c) => [c, perProcedure.body.rows.reduce((s: number, r: Counters) => s + r[c], 0)]));
      expect(sum).toEqual(report.body.total);
    }
    const march = await get(`/api/reports/procedures?${MARCH}`);
    expect(march.body.rows).toEqual([
      expect.objectContaining({ procedureCode: CRIMINAL_RECORD, field: 'Lý lịch tư pháp', ...MARCH_STP }),
      expect.objectContaining({ procedureCode: ENTERPRISE, procedureName: 'Đăng ký thành lập doanh nghiệp tư nhân', ...MARCH_SKHDT }),
    ]);
  });

  it('leaves a closed month unchanged by a late import, surfaces the difference, and carries its in-process into the next month', async () => {
    await importLines([
      // Accepted Fri 20/03 and still open: missing from March's snapshot.
      line(code('260320'), CRIMINAL_RECORD, [
        { statusCode: 2, at: '2026-03-20T02:00:00Z' },
        { statusCode: 4, at: '2026-03-20T03:00:00Z' },
      ]),
      // Accepted and resolved within March: missing from March's snapshot.
      line(code('260323'), CRIMINAL_RECORD, [{ statusCode: 2, at: '2026-03-23T02:00:00Z' }, ...RESULT('2026-03-24T03:00:00Z')]),
    ]);
    // The closed month reads as closed, and says how many dossiers it does not show.
    const march = await ii06a(MARCH);
    expect(march.body).toMatchObject({ source: 'snapshot', snapshot: { sha256: closedMarch.sha256, lateEntries: 2 } });
    expect(rowOf(march.body, STP)).toMatchObject(MARCH_STP);
    expect(await drill(`${MARCH}&cell=lateEntries`)).toEqual([code('260320'), code('260323')]);
    const direct = `${MARCH}&cell=receivedDirect&rowAgencyId=${agencyId[STP]}`;
    expect(await drill(direct)).toEqual([code('260302'), code('260302', 2), code('260303')]);
    // The live numbers and drill-down of the same month do move.
    const live = await ii06a(`${MARCH}&source=live`);
    expect(live.body.source).toBe('live');
    expect(rowOf(live.body, STP)).toMatchObject({ receivedTotal: 7, receivedDirect: 5, resolvedEarly: 2, inProcessWithin: 2 });
    expect(await drill(`${direct}&source=live`)).toEqual([
      code('260302'),
      code('260302', 2),
      code('260303'),
      code('260320'),
      code('260323'),
    ]);

    // April carries March's in-process over, per agency, exactly; the late open dossier is booked as received in April.
    const april = await ii06a(APRIL);
    expect(april.body).toMatchObject({ source: 'live', carriedOverFrom: { month: '2026-03', sha256: closedMarch.sha256, lateEntries: 1 } });
    for (const agency of [STP, SKHDT]) {
      expect(rowOf(april.body, agency).carriedOver).toBe(rowOf(march.body, agency).inProcessTotal);
      expectInvariants(rowOf(april.body, agency));
    }
    expect(april.body.total.carriedOver).toBe(march.body.total.inProcessTotal);
    expect(rowOf(april.body, STP)).toMatchObject({
      receivedTotal: 4,
      receivedOnline: 0,
      receivedDirect: 2,
      carriedOver: 2,
      inProcessTotal: 4,
      inProcessOverdue: 4,
    });
    expect(rowOf(april.body, SKHDT)).toMatchObject({ receivedTotal: 1, carriedOver: 1, resolvedLate: 1 });
    expect(await drill(`${APRIL}&cell=carriedOver`)).toEqual(await drill(`${MARCH}&cell=inProcessTotal`));
    expect(await drill(`${APRIL}&cell=lateEntries`)).toEqual([code('260320')]);
    expect(await drill(`${APRIL}&cell=receivedDirect&rowAgencyId=${agencyId[STP]}`)).toEqual([code('260320'), code('260401')]);
    // Counted from the live data alone, April would carry the late dossier over instead.
    expect(rowOf((await ii06a(`${APRIL}&source=live`)).body, STP)).toMatchObject({ carriedOver: 3, receivedDirect: 1, receivedTotal: 4 });

    // Closing April freezes the same numbers (carry-over included), and May carries April's in-process.
    const aprilBefore = await ii06a(APRIL);
    expect((await close('2026-04')).status).toBe(201);
    const aprilClosed = await ii06a(APRIL);
    expect(aprilClosed.body.source).toBe('snapshot');
    expect(aprilClosed.body.rows).toEqual(aprilBefore.body.rows);
    expect(aprilClosed.body.snapshot.lateEntries).toBe(0);
    const may = await ii06a('from=2026-05-01&to=2026-05-31');
    expect(may.body.carriedOverFrom.month).toBe('2026-04');
    expect(may.body.total.carriedOver).toBe(aprilClosed.body.total.inProcessTotal);
    expectInvariants(may.body.total);
  });

  it('detects a snapshot altered behind the trigger’s back', async () => {
    await db.query('ALTER TABLE report_period_rows DISABLE TRIGGER report_period_rows_no_update_delete');
    try {
      await db.query(`UPDATE report_period_rows SET resolved_late = resolved_late + 1 WHERE month = '2026-03' AND basis = 'competent'`);
      const tampered = await get('/api/reports/periods/2026-03/verify');
      expect(tampered.body).toMatchObject({ ok: false, sha256: closedMarch.sha256 });
      expect(tampered.body.recomputed).not.toBe(closedMarch.sha256);
      await db.query(`UPDATE report_period_rows SET resolved_late = resolved_late - 1 WHERE month = '2026-03' AND basis = 'competent'`);
    } finally {
      await db.query('ALTER TABLE report_period_rows ENABLE TRIGGER report_period_rows_no_update_delete');
    }
    expect((await get('/api/reports/periods/2026-03/verify')).body.ok).toBe(true);
  });
});
