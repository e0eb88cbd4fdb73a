import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { CENTER, CRIMINAL_RECORD, mandatoryDocuments } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';
import { importHistory, RESULT } from './support/history';

/**
 * Known histories imported through the legacy importer (the same state machine as live dossiers),
 * then every cell of II.06a for March 2026 checked against hand-computed values. Criminal-record
 * certificates (10 working days) received at the provincial center, Sở Tư pháp competent.
 */
describe('reports: II.06a, drill-down, exports, satisfaction', () => {
  let t: TestApp;
  let db: Client;
  let leader: string;
  let auditor: string;
  let documents: Array<{ name: string; kind: string; count: number }>;
  const MARCH = 'from=2026-03-01&to=2026-03-31';
  const line = (code: string, events: Array<Record<string, unknown>>, channel = 'DIRECT') =>
    JSON.stringify({
      code,
      procedureCode: CRIMINAL_RECORD,
      receivingAgencyCode: CENTER,
      channel,
      applicant: { type: 'INDIVIDUAL', fullName: 'Lâm Văn Báo Cáo', identifiers: [] },
      documents,
      events,
    });

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    documents = await mandatoryDocuments(t.baseUrl);
    const admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    [leader, auditor] = await Promise.all([login(t.baseUrl, 'lanhdao.stp'), login(t.baseUrl, 'thanhtra.tinh')]);
    const body = [
      // 1. carried over from February, resolved early in March (received Thu 26/02, result Mon 02/03).
      line('000.00.22.H01-260226-0001', [
        { statusCode: 2, at: '2026-02-26T02:00:00Z' },
        ...RESULT('2026-03-02T03:00:00Z'),
        { statusCode: 10, at: '2026-03-03T03:00:00Z' },
      ]),
      // 2. received in March at the counter, resolved late (due mid-March, result 30/03).
      line('000.00.22.H01-260302-0001', [{ statusCode: 2, at: '2026-03-02T02:00:00Z' }, ...RESULT('2026-03-30T03:00:00Z')]),
      // 3. submitted online and accepted on 25/03, still in process at the end of March, within time.
      line(
        '000.00.22.H01-260325-0001',
        [
          { statusCode: 1, at: '2026-03-25T01:00:00Z' },
          { statusCode: 2, at: '2026-03-25T02:00:00Z' },
          { statusCode: 4, at: '2026-03-25T03:00:00Z' },
        ],
        'ONLINE',
      ),
      // 4. received 02/03, still in process at the end of March, overdue.
      line('000.00.22.H01-260302-0002', [
        { statusCode: 2, at: '2026-03-02T02:30:00Z' },
        { statusCode: 4, at: '2026-03-02T03:00:00Z' },
      ]),
      // 5. received and withdrawn in March.
      line('000.00.22.H01-260303-0001', [
        { statusCode: 2, at: '2026-03-03T02:00:00Z' },
        { statusCode: 7, at: '2026-03-04T02:00:00Z', reason: 'Công dân xin rút' },
        { statusCode: 8, at: '2026-03-04T03:00:00Z' },
      ]),
      // 6. received and finished in February: not in March at all.
      line('000.00.22.H01-260202-0001', [
        { statusCode: 2, at: '2026-02-02T02:00:00Z' },
        ...RESULT('2026-02-05T03:00:00Z'),
        { statusCode: 10, at: '2026-02-06T03:00:00Z' },
      ]),
      // 7. received in April: not in March.
      line('000.00.22.H01-260401-0001', [{ statusCode: 2, at: '2026-04-01T02:00:00Z' }]),
    ].join('\n');
    await importHistory(t.baseUrl, admin, body);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const ii06a = async (query: string, token = leader) => call(t.baseUrl, 'GET', `/api/reports/ii06a?${query}`, { token });

  it('counts every cell of II.06a for a month as computed by hand, with the invariants holding', async () => {
    const res = await ii06a(MARCH);
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(1);
    const expected = {
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
    expect(res.body.rows[0]).toMatchObject({ agencyCode: '000.00.10.H01', ...expected });
    expect(res.body.total).toEqual(expected);
    expect(res.body).toMatchObject({ from: '2026-03-01', to: '2026-03-31', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Carried over into April = in process at the end of March (and the April intake).
    const april = await ii06a('from=2026-04-01&to=2026-04-30');
    expect(april.body.total).toMatchObject({ carriedOver: 2, receivedDirect: 1, receivedTotal: 3 });
    // Counted under the receiving point instead: the provincial center, which the province's auditor
    // sees and the department's leader does not (a report covers the caller's subtree).
    const byDesk = await ii06a(`${MARCH}&by=receiving`, auditor);
    expect(byDesk.body.rows).toEqual([expect.objectContaining({ agencyCode: CENTER, receivedTotal: 5 })]);
    expect((await ii06a(`${MARCH}&by=receiving`)).body.rows).toEqual([]);
  });

  it('counts the persons served per agency from the citizen registry, each once', async () => {
    const res = await call(t.baseUrl, 'GET', `/api/reports/parties-served?${MARCH}`, { token: leader });
    expect(res.status).toBe(200);
    // The four dossiers accepted in March (the carried-over one was accepted in February); their
    // applicants came without identifiers, so each is its own party.
    expect(res.body.rows).toEqual([expect.objectContaining({ agencyCode: '000.00.10.H01', parties: 4, individuals: 4, dossiers: 4 })]);
    expect(res.body).toMatchObject({ totalParties: 4, totalDossiers: 4 });
  });

  it('drills every number down to the same dossiers', async () => {
    const list = async (cell: string) =>
      (await call(t.baseUrl, 'GET', `/api/reports/ii06a/dossiers?${MARCH}&cell=${cell}`, { token: leader })).body.items;
    expect(await list('resolvedLate')).toEqual(['000.00.22.H01-260302-0001']);
    expect(await list('carriedOver')).toEqual(['000.00.22.H01-260226-0001']);
    expect(await list('inProcessOverdue')).toEqual(['000.00.22.H01-260302-0002']);
    expect(await list('receivedTotal')).toHaveLength(5);
  });

  it('exports the same numbers as CSV, XLSX and PDF, each with its period and hash, and audits the export', async () => {
    const file = async (format: string) => {
      const res = await fetch(`${t.baseUrl}/api/reports/ii06a?${MARCH}&format=${format}`, {
        headers: { authorization: `Bearer ${leader}` },
      });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const csv = await file('csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toContain('Tổng số hồ sơ tiếp nhận');
    expect(lines[1].split(',').slice(2).map(Number)).toEqual([5, 1, 3, 1, 2, 1, 0, 1, 2, 1, 1, 1]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await file('xlsx')) as unknown as ArrayBuffer); // exceljs types predate Node's Buffer<ArrayBuffer>
    const sheet = workbook.getWorksheet('II.06a');
    // Below the official header block (5 rows), the two heading rows and the column numbers: the agency, then the total.
    expect(sheet?.getRow(10).getCell(2).value).toBe('Tổng cộng');
    expect(sheet?.getRow(10).getCell(3).value).toBe(5);
    const info = workbook.getWorksheet('Thông tin');
    const infoText = JSON.stringify(info?.getSheetValues());
    expect(infoText).toContain('2026-03-01 → 2026-03-31');

    const pdfText: string = (await require('pdf-parse/lib/pdf-parse.js')(await file('pdf'))).text;
    expect(pdfText).toContain('II.06a');
    expect(pdfText).toContain('Sở Tư pháp');

    const audited = await db.query("SELECT after->>'format' AS format FROM audit_events WHERE action = 'report.exported' ORDER BY id");
    expect(audited.rows.map((r) => r.format)).toEqual(['csv', 'xlsx', 'pdf']);
    // A specialist reads no reports; an auditor reads but an unknown format is refused.
    expect((await ii06a(MARCH, await login(t.baseUrl, 'chuyenvien.stp'))).status).toBe(403);
    expect((await ii06a(`${MARCH}&format=doc`, auditor)).status).toBe(400);
  });

  it('refuses a period that ends before it starts or spans more than five years', async () => {
    const backwards = await ii06a('from=2026-03-31&to=2026-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'from' });
    const long = await ii06a('from=2019-01-01&to=2026-03-01');
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'to', rule: 'maxPeriod' });
  });

  it('takes one rating per returned dossier from the applicant, and shows the index next to timeliness', async () => {
    const { lookup_secret: secret } = (await db.query("SELECT lookup_secret FROM dossiers WHERE code = '000.00.22.H01-260226-0001'"))
      .rows[0];
    const rate = (code: string, s: string, body: Record<string, unknown>) =>
      call(t.baseUrl, 'POST', `/api/public/dossiers/${code}/rating?secret=${s}`, { body });
    const scores = { access: 5, procedure: 4, officer: 5, result: 3, feedback: 4, comment: 'Cán bộ nhiệt tình' };
    expect((await rate('000.00.22.H01-260226-0001', 'WRONGSEC', scores)).status).toBe(404);
    expect((await rate('000.00.22.H01-260226-0001', secret, { ...scores, result: 6 })).status).toBe(400);
    const open = (await db.query("SELECT lookup_secret FROM dossiers WHERE code = '000.00.22.H01-260302-0002'")).rows[0].lookup_secret;
    const early = await rate('000.00.22.H01-260302-0002', open, scores);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('RATING_NOT_YET');
    expect((await rate('000.00.22.H01-260226-0001', secret, scores)).status).toBe(204);
    const twice = await rate('000.00.22.H01-260226-0001', secret, scores);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('RATING_EXISTS');

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const report = await call(t.baseUrl, 'GET', `/api/reports/satisfaction?from=${today}&to=${today}`, { token: leader });
    expect(report.status).toBe(200);
    expect(report.body.total).toMatchObject({
      ratings: 1,
      factors: { access: 100, procedure: 100, officer: 100, result: 0, feedback: 100 },
      index: 80,
      onTimeRate: 100,
    });
  });
});
