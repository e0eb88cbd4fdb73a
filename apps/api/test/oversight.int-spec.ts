/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import {
  CENTER,
  CRIMINAL_RECORD,
  mandatoryDocuments,
  receiveAtCounter,
  routeToSecondReview,
  sentStep,
  stepAction,
} from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';
import { importHistory, RESULT } from './support/history';

/** Đăng ký thành lập hộ kinh doanh: district level, 3 working days, competent = the receiving district. */
const HOUSEHOLD_BUSINESS = '2.000720';
/** Cấp giấy phép xây dựng nhà ở riêng lẻ: another district procedure, outside the pilot. */
const BUILDING_PERMIT = '1.009994';
const LONG_XUYEN = '000.00.31.H01';
const CHAU_DOC = '000.00.32.H01';
const TAN_CHAU = '000.00.33.H01';
const STP = '000.00.10.H01';

/** Local (UTC+7) date of now, YYYY-MM-DD. */
const localToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
/** An instant as exports write it: local ISO 8601 with +07:00. */
const localIso = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().replace('Z', '+07:00');
const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Inspections, the head-of-agency view and pilot models over known histories: dossiers imported
 * through the legacy importer (the live state machine) plus a few routed live today, every number
 * checked against values computed by hand from those histories.
 */
describe('oversight: inspections, accountability, pilot models', () => {
  let t: TestApp;
  let db: Client;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who];
  const agencyId: Record<string, string> = {};
  const dossierId: Record<string, string> = {};
  const live: Record<string, string> = {};

  const RETURNED = (at: string) => [{ statusCode: 10, at }];
  const lines: string[] = [];
  const docs: Record<string, Array<{ name: string; kind: string; count: number }>> = {};
  function history(
    code: string,
    procedureCode: string,
    receivingAgencyCode: string,
    events: Array<Record<string, unknown>>,
    channel = 'DIRECT',
  ) {
    lines.push(
      JSON.stringify({
        code,
        procedureCode,
        receivingAgencyCode,
        channel,
        applicant: { type: 'INDIVIDUAL', fullName: 'Phan Thị Kiểm Tra', identifiers: [] },
        documents: docs[procedureCode],
        events,
      }),
    );
  }
  const online = (submittedAt: string, receivedAt: string) => [
    { statusCode: 1, at: submittedAt },
    { statusCode: 2, at: receivedAt },
  ];

  const api = (method: string, path: string, who: string, body?: unknown) => call(t.baseUrl, method, path, { token: as(who), body });
  const act = (code: string, action: string, who: string, body: Record<string, unknown>) =>
    api('POST', `/api/dossiers/${code}/actions/${action}`, who, body);
  const dossier = async (code: string) => (await api('GET', `/api/dossiers/${code}`, 'lanhdao.stp')).body;
  const rate = async (code: string, scores: Record<string, number>) => {
    const { lookup_secret: secret } = (await db.query('SELECT lookup_secret FROM dossiers WHERE code = $1', [code])).rows[0];
    const res = await call(t.baseUrl, 'POST', `/api/public/dossiers/${code}/rating?secret=${secret}`, { body: scores });
    if (res.status !== 204) throw new Error(`rating ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  /** A criminal-record dossier received at the center today and forwarded: its first review waits at Sở Tư pháp. */
  async function forwardedToday(name: string): Promise<any> {
    const received = await receiveAtCounter(t.baseUrl, as('tiepnhan.ttpvhcc'), name);
    const forwarded = await act(received.code, 'forward', 'tiepnhan.ttpvhcc', { version: received.version });
    if (forwarded.status !== 200) throw new Error(`forward: ${JSON.stringify(forwarded.body)}`);
    return forwarded.body;
  }

  /** Along the whole route to the returned result; `lateFirstReview` lets the first review overrun its budget. */
  async function resolvedToday(name: string, lateFirstReview: boolean): Promise<string> {
    const { code, steps } = await forwardedToday(name);
    if (lateFirstReview) {
      // The officer sits on the review past its due time (time travel for the step only).
      await db.query("UPDATE dossier_steps SET due_at = now() - interval '1 hour' WHERE id = $1", [sentStep({ steps }).id]);
    }
    const reviewed = await routeToSecondReview(t.baseUrl, code, { specialist: as('chuyenvien.stp'), police: as('chuyenvien.congan') });
    const submitted = await act(code, 'submit-for-approval', 'chuyenvien.stp', { version: reviewed.version });
    const approved = await act(code, 'approve', 'lanhdao.stp', { version: submitted.body.version });
    const issued = await act(code, 'issue-result', 'lanhdao.stp', { version: approved.body.version });
    if (issued.status !== 200) throw new Error(`issue-result: ${JSON.stringify(issued.body)}`);
    const returned = await act(code, 'return-result', 'tiepnhan.ttpvhcc', { version: issued.body.version, returnMethod: 'IN_PERSON' });
    if (returned.status !== 200) throw new Error(`return-result: ${JSON.stringify(returned.body)}`);
    return code;
  }

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    tokens['admin'] = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    const users = [
      'thanhtra.stp',
      'thanhtra.longxuyen',
      'thanhtra.tinh',
      'lanhdao.stp',
      'chuyenvien.stp',
      'tiepnhan.ttpvhcc',
      'chuyenvien.congan',
      'lanhdao.longxuyen',
    ];
    await Promise.all(users.map(async (u) => (tokens[u] = await login(t.baseUrl, u))));
    for (const row of (await db.query('SELECT id, code FROM agencies')).rows) agencyId[row.code] = row.id;
    for (const code of [CRIMINAL_RECORD, HOUSEHOLD_BUSINESS, BUILDING_PERMIT]) docs[code] = await mandatoryDocuments(t.baseUrl, code);

    // ---- Sở Tư pháp (criminal records received at the center), May 2026 -----------------------------
    // 10 working days; received at 09:00 local (02:00Z) unless said otherwise.
    const stp = (code: string, events: Array<Record<string, unknown>>) => history(code, CRIMINAL_RECORD, CENTER, events);
    stp('000.00.22.H01-260504-0001', [
      { statusCode: 2, at: '2026-05-04T02:00:00Z' },
      ...RESULT('2026-05-06T03:00:00Z'),
      ...RETURNED('2026-05-07T03:00:00Z'),
    ]); // A1 early, rated
    stp('000.00.22.H01-260505-0001', [
      { statusCode: 2, at: '2026-05-05T02:00:00Z' },
      ...RESULT('2026-05-07T03:00:00Z'),
      ...RETURNED('2026-05-08T03:00:00Z'),
    ]); // A2 early
    stp('000.00.22.H01-260506-0001', [{ statusCode: 2, at: '2026-05-06T02:00:00Z' }, ...RESULT('2026-05-08T03:00:00Z')]); // A3 early
    stp('000.00.22.H01-260507-0001', [{ statusCode: 2, at: '2026-05-07T02:00:00Z' }, ...RESULT('2026-05-11T03:00:00Z')]); // A4 early
    stp('000.00.22.H01-260508-0001', [{ statusCode: 2, at: '2026-05-08T02:00:00Z' }, ...RESULT('2026-05-12T03:00:00Z')]); // A5 early
    stp('000.00.22.H01-260511-0001', [{ statusCode: 2, at: '2026-05-11T02:00:00Z' }, ...RESULT('2026-05-13T03:00:00Z')]); // A6 early
    stp('000.00.22.H01-260504-0002', [{ statusCode: 2, at: '2026-05-04T03:00:00Z' }, ...RESULT('2026-06-30T03:00:00Z')]); // B1 late (due 18/05)
    stp('000.00.22.H01-260512-0001', [{ statusCode: 2, at: '2026-05-12T02:00:00Z' }, ...RESULT('2026-06-30T03:00:00Z')]); // B2 late (due 26/05)
    // C1: received Tue 05/05 09:00 → due Tue 19/05 09:00 (80 working hours); result 08:30 that day: on time.
    stp('000.00.22.H01-260505-0002', [{ statusCode: 2, at: '2026-05-05T02:00:00Z' }, ...RESULT('2026-05-19T01:30:00Z')]);
    stp('000.00.22.H01-260513-0001', [
      { statusCode: 2, at: '2026-05-13T02:00:00Z' },
      { statusCode: 4, at: '2026-05-13T03:00:00Z' },
    ]); // D1 open, due 27/05
    stp('000.00.22.H01-260514-0001', [
      { statusCode: 2, at: '2026-05-14T02:00:00Z' },
      { statusCode: 4, at: '2026-05-14T03:00:00Z' },
    ]); // D2 open, due 28/05
    stp('000.00.22.H01-260515-0001', [
      { statusCode: 2, at: '2026-05-15T02:00:00Z' },
      { statusCode: 7, at: '2026-05-18T02:00:00Z', reason: 'Công dân xin rút' },
      { statusCode: 8, at: '2026-05-18T03:00:00Z' },
    ]); // E1 withdrawn
    stp('000.00.22.H01-260420-0001', [{ statusCode: 2, at: '2026-04-20T02:00:00Z' }, ...RESULT('2026-04-22T03:00:00Z')]); // F1 April, outside

    // ---- Household business registration at three districts, May–June 2026 (3 working days) ----------
    const hb = (code: string, agency: string, events: Array<Record<string, unknown>>, channel = 'DIRECT') =>
      history(code, HOUSEHOLD_BUSINESS, agency, events, channel);
    // Long Xuyên (the pilot). Before (02/05–31/05):
    hb('000.00.31.H01-260505-0001', LONG_XUYEN, [
      { statusCode: 2, at: '2026-05-05T02:00:00Z' },
      ...RESULT('2026-05-06T03:00:00Z'),
      ...RETURNED('2026-05-07T03:00:00Z'),
    ]); // P1 early, 25 h
    hb(
      '000.00.31.H01-260511-0001',
      LONG_XUYEN,
      [...online('2026-05-11T01:00:00Z', '2026-05-11T02:00:00Z'), ...RESULT('2026-05-20T02:00:00Z')],
      'ONLINE',
    ); // P2 late, 9 days
    // P3: received Thu 28/05 09:00 → due Tue 02/06 09:00; result 08:30 that day: on time, resolved during the pilot (4 d 23.5 h).
    hb('000.00.31.H01-260528-0001', LONG_XUYEN, [{ statusCode: 2, at: '2026-05-28T02:00:00Z' }, ...RESULT('2026-06-02T01:30:00Z')]);
    // During (01/06–30/06):
    hb(
      '000.00.31.H01-260602-0001',
      LONG_XUYEN,
      [...online('2026-06-02T01:00:00Z', '2026-06-02T02:00:00Z'), ...RESULT('2026-06-03T02:00:00Z'), ...RETURNED('2026-06-04T02:00:00Z')],
      'ONLINE',
    ); // P4
    hb(
      '000.00.31.H01-260608-0001',
      LONG_XUYEN,
      [...online('2026-06-08T01:00:00Z', '2026-06-08T02:00:00Z'), ...RESULT('2026-06-09T02:00:00Z'), ...RETURNED('2026-06-10T02:00:00Z')],
      'ONLINE',
    ); // P5
    hb('000.00.31.H01-260615-0001', LONG_XUYEN, [{ statusCode: 2, at: '2026-06-15T02:00:00Z' }, ...RESULT('2026-06-16T02:00:00Z')]); // P6 early
    // The other districts.
    hb('000.00.32.H01-260512-0001', CHAU_DOC, [{ statusCode: 2, at: '2026-05-12T02:00:00Z' }, ...RESULT('2026-05-19T02:00:00Z')]); // O1 late, 7 days
    hb(
      '000.00.33.H01-260513-0001',
      TAN_CHAU,
      [...online('2026-05-13T01:00:00Z', '2026-05-13T02:00:00Z'), { statusCode: 4, at: '2026-05-13T03:00:00Z' }],
      'ONLINE',
    ); // O2 open
    hb('000.00.32.H01-260603-0001', CHAU_DOC, [{ statusCode: 2, at: '2026-06-03T02:00:00Z' }, ...RESULT('2026-06-10T02:00:00Z')]); // O3 late, 7 days
    hb('000.00.33.H01-260604-0001', TAN_CHAU, [{ statusCode: 2, at: '2026-06-04T02:00:00Z' }, ...RESULT('2026-06-05T02:00:00Z')]); // O4 early, 1 day
    // Another procedure at Châu Đốc: outside the pilot's procedures, so in no group.
    history('000.00.32.H01-260603-0002', BUILDING_PERMIT, CHAU_DOC, [
      { statusCode: 2, at: '2026-06-03T03:00:00Z' },
      ...RESULT('2026-06-04T02:00:00Z'),
    ]);

    await importHistory(t.baseUrl, as('admin'), lines.join('\n'));
    for (const row of (await db.query('SELECT id, code FROM dossiers')).rows) dossierId[row.code] = row.id;

    // ---- Live today at Sở Tư pháp ------------------------------------------------------------------
    // L1: waiting at the first review, assigned to the specialist, overdue (its due time moved into the past).
    const l1 = await forwardedToday('Lê Văn Quá Hạn');
    live.L1 = l1.code;
    await stepAction(t.baseUrl, as('lanhdao.stp'), l1.code, sentStep(l1).id, 'assign', {
      assigneeId: (await db.query("SELECT id FROM users WHERE username = 'chuyenvien.stp'")).rows[0].id,
    });
    await db.query("UPDATE dossiers SET due_at = now() - interval '1 day', due_soon_at = now() - interval '2 days' WHERE code = $1", [
      l1.code,
    ]);
    // L2: resolved today, its first review late; L4: resolved today, every step in time; L3: just forwarded.
    live.L2 = await resolvedToday('Nguyễn Văn Trễ Bước', true);
    live.L4 = await resolvedToday('Trần Thị Đúng Hạn', false);
    live.L3 = (await forwardedToday('Võ Văn Trong Hạn')).code;

    // Ratings (the applicant's, through the public link).
    await rate('000.00.22.H01-260504-0001', { access: 5, procedure: 4, officer: 5, result: 3, feedback: 4 }); // A1
    await rate(live.L2, { access: 4, procedure: 4, officer: 2, result: 5, feedback: 5 });
    await rate('000.00.31.H01-260505-0001', { access: 3, procedure: 3, officer: 3, result: 3, feedback: 3 }); // P1
    await rate('000.00.31.H01-260602-0001', { access: 5, procedure: 5, officer: 5, result: 5, feedback: 5 }); // P4
    await rate('000.00.31.H01-260608-0001', { access: 4, procedure: 4, officer: 4, result: 4, feedback: 2 }); // P5
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  // ==================================================================================================
  describe('inspections', () => {
    const STP_MAY = [
      '000.00.22.H01-260504-0001',
      '000.00.22.H01-260505-0001',
      '000.00.22.H01-260506-0001',
      '000.00.22.H01-260507-0001',
      '000.00.22.H01-260508-0001',
      '000.00.22.H01-260511-0001',
      '000.00.22.H01-260504-0002',
      '000.00.22.H01-260512-0001',
      '000.00.22.H01-260505-0002',
      '000.00.22.H01-260513-0001',
      '000.00.22.H01-260514-0001',
      '000.00.22.H01-260515-0001',
    ];
    /** The sample recomputed outside the product from the documented rule: md5(seed:id) in byte order, first n. */
    const expectedSample = (seed: string, codes: string[], n: number) =>
      codes
        .map((code) => ({ code, id: dossierId[code], k: createHash('md5').update(`${seed}:${dossierId[code]}`).digest('hex') }))
        .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.id < b.id ? -1 : 1))
        .slice(0, n)
        .map((s) => s.code);
    const open = (body: Record<string, unknown>, who = 'thanhtra.stp') =>
      api('POST', '/api/inspections', who, {
        title: 'Kiểm tra hồ sơ lý lịch tư pháp tháng 5/2026',
        agencyId: agencyId[STP],
        from: '2026-05-01',
        to: '2026-05-31',
        ...body,
      });
    const codesOf = (inspection: any) => inspection.sample.map((s: any) => s.code);

    it('draws a reproducible sample of the dossiers received in the period and scope: same seed, same dossiers', async () => {
      const first = await open({ sampleSize: 5, seed: 'thanhtra-2026-05' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        status: 'OPEN',
        seed: 'thanhtra-2026-05',
        sampleSize: 5,
        population: 12, // the 12 dossiers received in May (not April's, not today's)
        agency: { code: STP },
        createdByName: 'Thanh tra Sở Tư pháp',
        counts: { sampled: 5, reviewed: 0, pending: 5, compliant: 0, problem: 0 },
      });
      expect(codesOf(first.body)).toEqual(expectedSample('thanhtra-2026-05', STP_MAY, 5));
      expect(first.body.sample.map((s: any) => s.position)).toEqual([1, 2, 3, 4, 5]);
      // Each sampled dossier comes with what an auditor looks at first.
      const everything = (await open({ sampleSize: 12, seed: 'x' })).body.sample;
      const withdrawn = everything.find((s: any) => s.code === '000.00.22.H01-260515-0001');
      expect(withdrawn).toMatchObject({
        procedureCode: CRIMINAL_RECORD,
        agencyName: 'Sở Tư pháp tỉnh An Giang',
        status: 'STOPPED',
        finding: null,
      });
      const late = everything.find((s: any) => s.code === '000.00.22.H01-260504-0002');
      expect(late).toMatchObject({ status: 'RESULT_READY', statusText: 'Đã có kết quả, chờ trả', timeliness: 'LATE' });

      const again = await open({ sampleSize: 5, seed: 'thanhtra-2026-05' });
      expect(codesOf(again.body)).toEqual(codesOf(first.body));
      const other = await open({ sampleSize: 5, seed: 'mot-hat-giong-khac' });
      expect(codesOf(other.body)).toEqual(expectedSample('mot-hat-giong-khac', STP_MAY, 5));
      expect(codesOf(other.body)).not.toEqual(codesOf(first.body));
      // Without a seed, one is generated and stored, and it reproduces the sample.
      const generated = await open({ sampleSize: 5 });
      expect(generated.body.seed).toMatch(/^[0-9a-f]{16}$/);
      expect(codesOf(generated.body)).toEqual(expectedSample(generated.body.seed, STP_MAY, 5));
      // A procedure filter and a sample bigger than the frame.
      const lx = await open({ agencyId: agencyId[LONG_XUYEN], sampleSize: 10, procedureCode: HOUSEHOLD_BUSINESS }, 'thanhtra.longxuyen');
      expect(lx.status).toBe(201);
      expect(lx.body).toMatchObject({ population: 3, counts: { sampled: 3 } });
      expect(codesOf(lx.body).sort()).toEqual(['000.00.31.H01-260505-0001', '000.00.31.H01-260511-0001', '000.00.31.H01-260528-0001']);
      const audited = await db.query("SELECT after FROM audit_events WHERE action = 'inspection.opened' AND target_id = $1", [
        first.body.id,
      ]);
      expect(audited.rows[0].after).toMatchObject({ seed: 'thanhtra-2026-05', population: 12, drawn: 5 });
    });

    it('redraws with the same seed (same dossiers) or a new one, until a finding is recorded', async () => {
      const opened = (await open({ sampleSize: 4, seed: 'lan-1' })).body;
      const same = await api('POST', `/api/inspections/${opened.id}/redraw`, 'thanhtra.stp', { seed: 'lan-1' });
      expect(same.status).toBe(200);
      expect(codesOf(same.body)).toEqual(codesOf(opened));
      expect(same.body.version).toBe(opened.version + 1);
      const fresh = await api('POST', `/api/inspections/${opened.id}/redraw`, 'thanhtra.stp'); // no body: a new seed
      expect(fresh.body.seed).not.toBe('lan-1');
      expect(codesOf(fresh.body)).toEqual(expectedSample(fresh.body.seed, STP_MAY, 4));
      const chosen = await api('POST', `/api/inspections/${opened.id}/redraw`, 'thanhtra.stp', { seed: 'lan-3' });
      expect(codesOf(chosen.body)).toEqual(expectedSample('lan-3', STP_MAY, 4));

      const target = chosen.body.sample[0].dossierId;
      expect((await api('PUT', `/api/inspections/${opened.id}/findings/${target}`, 'thanhtra.stp', { verdict: 'COMPLIANT' })).status).toBe(
        200,
      );
      const refused = await api('POST', `/api/inspections/${opened.id}/redraw`, 'thanhtra.stp', { seed: 'lan-4' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('FINDINGS_RECORDED');
      expect(codesOf((await api('GET', `/api/inspections/${opened.id}`, 'thanhtra.stp')).body)).toEqual(codesOf(chosen.body));
      const redraws = await db.query(
        "SELECT before, after FROM audit_events WHERE action = 'inspection.redrawn' AND target_id = $1 ORDER BY id",
        [opened.id],
      );
      expect(redraws.rows.map((r) => [r.before.seed, r.after.seed])).toEqual([
        ['lan-1', 'lan-1'],
        ['lan-1', fresh.body.seed],
        [fresh.body.seed, 'lan-3'],
      ]);
    });

    it('records findings only on the sample, with a category for a problem; closing freezes the inspection', async () => {
      const opened = (await open({ sampleSize: 3, seed: 'dot-kiem-tra' })).body;
      const finding = (dossier: string, body: Record<string, unknown>, who = 'thanhtra.stp') =>
        api('PUT', `/api/inspections/${opened.id}/findings/${dossier}`, who, body);
      const [first, second] = opened.sample;
      const outside = STP_MAY.find((code) => !codesOf(opened).includes(code)) as string;

      const notInSample = await finding(dossierId[outside], { verdict: 'COMPLIANT' });
      expect(notInSample.status).toBe(404);
      const noCategory = await finding(first.dossierId, { verdict: 'PROBLEM' });
      expect(noCategory.status).toBe(400);
      expect(noCategory.body.errors[0]).toMatchObject({ field: 'category', rule: 'required' });
      expect((await finding(first.dossierId, { verdict: 'COMPLIANT', category: 'WRONG_FEE' })).body.errors[0]).toMatchObject({
        field: 'category',
      });
      expect((await finding(first.dossierId, { verdict: 'MAYBE' })).body.errors[0]).toMatchObject({ field: 'verdict' });
      expect((await finding(first.dossierId, { verdict: 'PROBLEM', category: 'TOO_SLOW' })).status).toBe(400);

      const recorded = await finding(first.dossierId, {
        verdict: 'PROBLEM',
        category: 'MISSING_DOCUMENTS',
        note: 'Thiếu tờ khai theo mẫu số 03',
      });
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({
        code: first.code,
        finding: {
          verdict: 'PROBLEM',
          verdictLabel: 'Có vi phạm, thiếu sót',
          category: 'MISSING_DOCUMENTS',
          categoryLabel: 'Thiếu thành phần hồ sơ',
          note: 'Thiếu tờ khai theo mẫu số 03',
          recordedByName: 'Thanh tra Sở Tư pháp',
        },
      });
      // Recording again replaces the finding (the audit trail keeps the previous one).
      await finding(second.dossierId, { verdict: 'PROBLEM', category: 'OTHER', note: 'Nhầm' });
      await finding(second.dossierId, { verdict: 'COMPLIANT' });
      const detail = (await api('GET', `/api/inspections/${opened.id}`, 'lanhdao.stp')).body;
      expect(detail.counts).toMatchObject({ sampled: 3, reviewed: 2, pending: 1, compliant: 1, problem: 1 });
      expect(detail.counts.byCategory.find((c: any) => c.category === 'MISSING_DOCUMENTS')).toEqual({
        category: 'MISSING_DOCUMENTS',
        label: 'Thiếu thành phần hồ sơ',
        count: 1,
      });
      expect(detail.counts.byCategory.filter((c: any) => c.count > 0)).toHaveLength(1);
      const changes = await db.query(
        "SELECT before, after FROM audit_events WHERE action = 'inspection.finding-recorded' AND target_id = $1 ORDER BY id",
        [opened.id],
      );
      expect(changes.rows[2]).toMatchObject({ before: { verdict: 'PROBLEM', category: 'OTHER' }, after: { verdict: 'COMPLIANT' } });

      // A leader reads inspections but conducts none; a specialist does neither.
      expect((await finding(first.dossierId, { verdict: 'COMPLIANT' }, 'lanhdao.stp')).status).toBe(403);
      expect((await api('GET', `/api/inspections/${opened.id}`, 'chuyenvien.stp')).status).toBe(403);

      const closed = await api('POST', `/api/inspections/${opened.id}/close`, 'thanhtra.stp');
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'CLOSED', closedByName: 'Thanh tra Sở Tư pháp' });
      const late = await finding(opened.sample[2].dossierId, { verdict: 'COMPLIANT' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('INSPECTION_CLOSED');
      expect((await api('POST', `/api/inspections/${opened.id}/close`, 'thanhtra.stp')).status).toBe(409);
      expect((await api('POST', `/api/inspections/${opened.id}/redraw`, 'thanhtra.stp', {})).status).toBe(409);
      const list = await api('GET', '/api/inspections?status=CLOSED', 'lanhdao.stp');
      expect(list.body.items.map((i: any) => i.id)).toEqual([opened.id]);
    });

    it('exports the report with scope, period, seed and findings as JSON, CSV, XLSX and PDF, with one hash, and audits it', async () => {
      const opened = (await open({ sampleSize: 2, seed: 'bao-cao' })).body;
      const [first, second] = opened.sample;
      await api('PUT', `/api/inspections/${opened.id}/findings/${first.dossierId}`, 'thanhtra.stp', {
        verdict: 'PROBLEM',
        category: 'LATE_WITHOUT_APOLOGY',
        note: 'Trễ hạn, không có phiếu xin lỗi',
      });
      await api('PUT', `/api/inspections/${opened.id}/findings/${second.dossierId}`, 'thanhtra.stp', { verdict: 'COMPLIANT' });
      await api('POST', `/api/inspections/${opened.id}/close`, 'thanhtra.stp');

      const json = await api('GET', `/api/inspections/${opened.id}/report`, 'thanhtra.stp');
      expect(json.status).toBe(200);
      expect(json.body.inspection).toMatchObject({ seed: 'bao-cao', from: '2026-05-01', to: '2026-05-31', status: 'CLOSED' });
      // The hash is recomputable from the JSON rows alone: JSON.stringify(row) + "\n" per data row.
      const hash = createHash('sha256');
      for (const row of json.body.table.rows) hash.update(JSON.stringify(row) + '\n');
      expect(json.body.sha256).toBe(hash.digest('hex'));
      expect(json.body.table.header).toContain('Nhóm vi phạm, thiếu sót');
      expect(json.body.table.rows[0]).toEqual([
        1,
        first.code,
        CRIMINAL_RECORD,
        first.procedureName,
        'Sở Tư pháp tỉnh An Giang',
        localIso(first.receivedAt),
        first.statusText,
        // The sample is drawn by id: a stopped or withdrawn dossier has no timeliness.
        first.timeliness ? expect.any(String) : null,
        'Có vi phạm, thiếu sót',
        'Trễ hạn không có văn bản xin lỗi',
        'Trễ hạn, không có phiếu xin lỗi',
        'Thanh tra Sở Tư pháp',
        expect.stringMatching(/\+07:00$/),
      ]);
      expect(json.body.table.rows[1].slice(8, 11)).toEqual(['Đạt yêu cầu', null, null]);

      const file = async (format: string) => {
        const res = await fetch(`${t.baseUrl}/api/inspections/${opened.id}/report?format=${format}`, {
          headers: { authorization: `Bearer ${as('thanhtra.stp')}` },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('x-export-sha256')).toBe(json.body.sha256);
        return Buffer.from(await res.arrayBuffer());
      };
      const csv = await file('csv');
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csvLines = csv.subarray(3).toString('utf8').split('\r\n');
      expect(csvLines[0]).toContain('Nhóm vi phạm, thiếu sót');
      expect(csvLines[1]).toContain(first.code);
      expect(csvLines[1]).toContain('Trễ hạn không có văn bản xin lỗi');
      expect(csvLines[2]).toContain('Đạt yêu cầu');
      expect(csvLines[3]).toBe(''); // then the information block
      expect(csvLines).toContain('Hạt giống chọn mẫu (seed),bao-cao');
      expect(csvLines).toContain(`SHA-256 dữ liệu,${json.body.sha256}`);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await file('xlsx')) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Kết quả kiểm tra');
      let dataRow: ExcelJS.Row | undefined;
      sheet?.eachRow((row) => {
        if (row.getCell(2).value === first.code) dataRow = row;
      });
      // Typed cells: the number as a number, the time of receipt as a date.
      expect(dataRow?.getCell(1).value).toBe(1);
      expect(dataRow?.getCell(6).value).toBeInstanceOf(Date);
      expect(dataRow?.getCell(10).value).toBe('Trễ hạn không có văn bản xin lỗi');
      const infoText = JSON.stringify(workbook.getWorksheet('Thông tin')?.getSheetValues());
      expect(infoText).toContain('bao-cao'); // the seed
      expect(infoText).toContain(json.body.sha256);

      const pdfText: string = (await require('pdf-parse/lib/pdf-parse.js')(await file('pdf'))).text;
      expect(pdfText).toContain('KẾT QUẢ KIỂM TRA');
      expect(pdfText).toContain('bao-cao');
      expect(pdfText).toContain('Sở Tư pháp tỉnh An Giang');
      expect(pdfText).toContain(json.body.sha256);

      const exports = await db.query(
        "SELECT after FROM audit_events WHERE action = 'report.exported' AND target_id = 'inspection' ORDER BY id",
      );
      expect(exports.rows.map((r) => [r.after.format, r.after.inspectionId, r.after.sha256])).toEqual([
        ['csv', opened.id, json.body.sha256],
        ['xlsx', opened.id, json.body.sha256],
        ['pdf', opened.id, json.body.sha256],
      ]);
      expect((await api('GET', `/api/inspections/${opened.id}/report?format=docx`, 'thanhtra.stp')).status).toBe(400);
    });

    it('keeps inspections in the auditor’s scope: a district auditor cannot inspect another district or see the province’s', async () => {
      expect((await open({ agencyId: agencyId[LONG_XUYEN], sampleSize: 2 }, 'thanhtra.longxuyen')).status).toBe(201);
      const elsewhere = await open({ agencyId: agencyId[CHAU_DOC], sampleSize: 5 }, 'thanhtra.longxuyen');
      expect(elsewhere.status).toBe(403);
      expect((await open({ sampleSize: 5 }, 'thanhtra.longxuyen')).status).toBe(403); // Sở Tư pháp
      const stpInspection = (await api('GET', '/api/inspections', 'thanhtra.stp')).body.items[0];
      expect((await api('GET', `/api/inspections/${stpInspection.id}`, 'thanhtra.longxuyen')).status).toBe(404);
      expect((await api('POST', `/api/inspections/${stpInspection.id}/close`, 'thanhtra.longxuyen')).status).toBe(404);
      const mine = (await api('GET', '/api/inspections', 'thanhtra.longxuyen')).body.items;
      expect(new Set(mine.map((i: any) => i.agency.code))).toEqual(new Set([LONG_XUYEN]));
      // The province's auditor sees both; the administrator reads; specialists and leaders cannot open one.
      const all = (await api('GET', '/api/inspections?limit=200', 'thanhtra.tinh')).body.items;
      expect(new Set(all.map((i: any) => i.agency.code))).toEqual(new Set([STP, LONG_XUYEN]));
      expect((await api('GET', '/api/inspections', 'admin')).status).toBe(200);
      expect((await open({ sampleSize: 5 }, 'chuyenvien.stp')).status).toBe(403);
      expect((await open({ sampleSize: 5 }, 'lanhdao.stp')).status).toBe(403);
      expect((await api('GET', '/api/inspections', 'chuyenvien.stp')).status).toBe(403);
    });

    it('pages the list with a cursor, newest first', async () => {
      const first = await api('GET', '/api/inspections?limit=2', 'thanhtra.tinh');
      expect(first.body.items).toHaveLength(2);
      const second = await api('GET', `/api/inspections?limit=2&cursor=${first.body.nextCursor}`, 'thanhtra.tinh');
      expect(second.body.items).toHaveLength(2);
      const seen = [...first.body.items, ...second.body.items];
      expect(new Set(seen.map((i: any) => i.id)).size).toBe(4);
      const times = seen.map((i: any) => i.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect((await api('GET', '/api/inspections?cursor=nonsense', 'thanhtra.tinh')).status).toBe(400);
    });

    it('refuses bad input with the field and the rule', async () => {
      const field = async (body: Record<string, unknown>) => {
        const res = await open(body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        return res.body.errors[0];
      };
      expect(await field({ sampleSize: 0 })).toMatchObject({ field: 'sampleSize', rule: 'min' });
      expect(await field({ sampleSize: 1001 })).toMatchObject({ field: 'sampleSize', rule: 'max' });
      expect(await field({ sampleSize: 5, from: '2026-06-01', to: '2026-05-01' })).toMatchObject({ field: 'from', rule: 'notAfterTo' });
      expect(await field({ sampleSize: 5, from: '2019-01-01', to: '2026-05-01' })).toMatchObject({ field: 'to', rule: 'maxPeriod' });
      expect(await field({ sampleSize: 5, from: '2026-02-30' })).toMatchObject({ field: 'from' });
      expect(await field({ sampleSize: 5, agencyId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
        field: 'agencyId',
        rule: 'exists',
      });
      expect(await field({ sampleSize: 5, procedureCode: '9.999999' })).toMatchObject({ field: 'procedureCode', rule: 'exists' });
      expect(await field({ sampleSize: 5, seed: 'không hợp lệ' })).toMatchObject({ field: 'seed' });
      expect((await api('GET', '/api/inspections/not-a-uuid', 'thanhtra.stp')).body.errors[0]).toMatchObject({ field: 'id' });
    });
  });

  // ==================================================================================================
  describe('accountability of the head of an agency', () => {
    const period = () => `from=2026-05-01&to=${localToday()}`;

    it('shows timeliness, satisfaction and the overdue dossiers with the step and officer holding them, as computed by hand', async () => {
      const res = await api('GET', `/api/reports/accountability?${period()}`, 'lanhdao.stp');
      expect(res.status).toBe(200);
      expect(res.body.agency).toMatchObject({ code: STP, name: 'Sở Tư pháp tỉnh An Giang' });
      // Resolved since 01/05: A1–A6, L2, L4 early; C1 on time; B1, B2 late. In process: L3 within; D1, D2, L1 overdue.
      expect(res.body.timeliness).toEqual({
        resolvedTotal: 11,
        resolvedEarly: 8,
        resolvedOnTime: 1,
        resolvedLate: 2,
        onTimeRate: 81.8,
        inProcessTotal: 4,
        inProcessWithin: 1,
        inProcessOverdue: 3,
      });
      // A1 (5,4,5,3,4) and L2 (4,4,2,5,5): shares of 4–5 per factor 100, 100, 50, 50, 100 → 80.
      expect(res.body.satisfaction).toEqual({
        ratings: 2,
        factors: { access: 100, procedure: 100, officer: 50, result: 50, feedback: 100 },
        index: 80,
      });
      expect(res.body.overdue.total).toBe(3);
      expect(res.body.overdue.truncated).toBe(false);
      const [d1, d2, l1] = res.body.overdue.items;
      expect([d1.code, d2.code, l1.code]).toEqual(['000.00.22.H01-260513-0001', '000.00.22.H01-260514-0001', live.L1]);
      // D1: received Wed 13/05 09:00 → due Wed 27/05 09:00; an imported dossier has no route.
      expect(d1).toMatchObject({
        procedureCode: CRIMINAL_RECORD,
        agencyName: 'Sở Tư pháp tỉnh An Giang',
        dueAt: '2026-05-27T02:00:00.000Z',
        heldBy: [],
      });
      const step = (await dossier(live.L1)).steps.find((s: any) => s.status === 'ACCEPTED');
      expect(l1.heldBy).toEqual([
        {
          stepId: step.id,
          seq: step.seq,
          name: 'Thẩm định hồ sơ, tra cứu Cơ sở dữ liệu lý lịch tư pháp',
          status: 'ACCEPTED',
          agencyId: agencyId[STP],
          agencyName: 'Sở Tư pháp tỉnh An Giang',
          since: step.sentAt,
          assigneeId: (await db.query("SELECT id FROM users WHERE username = 'chuyenvien.stp'")).rows[0].id,
          assigneeName: 'Chuyên viên Sở Tư pháp',
          dueAt: step.dueAt,
        },
      ]);
      // The same counters as II.06a for the same agency and period.
      const ii06a = (await api('GET', `/api/reports/ii06a?${period()}&source=live`, 'lanhdao.stp')).body.total;
      for (const cell of [
        'resolvedTotal',
        'resolvedEarly',
        'resolvedOnTime',
        'resolvedLate',
        'inProcessTotal',
        'inProcessWithin',
        'inProcessOverdue',
      ])
        expect([cell, res.body.timeliness[cell]]).toEqual([cell, ii06a[cell]]);
    });

    it('gives per-officer figures: dossiers handled, on-time share and the rating of the officer factor', async () => {
      const res = await api('GET', `/api/reports/accountability?${period()}`, 'lanhdao.stp');
      // The specialist completed both reviews of L2 (the first one late) and of L4 (in time); the leader
      // approved and issued both results in time. L2 was rated 2 for the officer; L4 was not rated.
      // The police officer and the center's desk act outside Sở Tư pháp; imported dossiers name no officer of it.
      expect(res.body.officers).toEqual([
        {
          userId: (await db.query("SELECT id FROM users WHERE username = 'chuyenvien.stp'")).rows[0].id,
          fullName: 'Chuyên viên Sở Tư pháp',
          agencyId: agencyId[STP],
          agencyName: 'Sở Tư pháp tỉnh An Giang',
          dossiersHandled: 2,
          stepsCompleted: 4,
          dossiersResolved: 0,
          onTimeDossiers: 1,
          judgedDossiers: 2,
          onTimeShare: 50,
          ratings: 1,
          officerRatingAverage: 2,
          officerIndex: 0,
        },
        {
          userId: (await db.query("SELECT id FROM users WHERE username = 'lanhdao.stp'")).rows[0].id,
          fullName: 'Lãnh đạo Sở Tư pháp',
          agencyId: agencyId[STP],
          agencyName: 'Sở Tư pháp tỉnh An Giang',
          dossiersHandled: 2,
          stepsCompleted: 2,
          dossiersResolved: 2,
          onTimeDossiers: 2,
          judgedDossiers: 2,
          onTimeShare: 100,
          ratings: 1,
          officerRatingAverage: 2,
          officerIndex: 0,
        },
      ]);
      // Before today nobody of the department handled anything (the history was imported).
      const may = await api('GET', '/api/reports/accountability?from=2026-05-01&to=2026-05-31', 'lanhdao.stp');
      expect(may.body.officers).toEqual([]);
      // At the end of May, B1 and B2 (resolved late in June) were overdue with D1 and D2.
      expect(may.body.timeliness).toMatchObject({
        resolvedTotal: 7,
        resolvedEarly: 6,
        resolvedOnTime: 1,
        inProcessTotal: 4,
        inProcessOverdue: 4,
      });
    });

    it('answers only within the caller’s scope, to those who read reports, with a valid period', async () => {
      expect((await api('GET', `/api/reports/accountability?${period()}&agencyId=${agencyId[LONG_XUYEN]}`, 'lanhdao.stp')).status).toBe(
        403,
      );
      expect(
        (await api('GET', `/api/reports/accountability?${period()}&agencyId=00000000-0000-4000-8000-000000000000`, 'lanhdao.stp')).status,
      ).toBe(404);
      expect((await api('GET', `/api/reports/accountability?${period()}`, 'chuyenvien.stp')).status).toBe(403);
      const province = await api('GET', `/api/reports/accountability?${period()}&agencyId=${agencyId[STP]}`, 'thanhtra.tinh');
      expect(province.body.timeliness.resolvedTotal).toBe(11);
      const backwards = await api('GET', '/api/reports/accountability?from=2026-06-01&to=2026-05-01', 'lanhdao.stp');
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors[0]).toMatchObject({ field: 'from', rule: 'notAfterTo' });
      expect((await api('GET', '/api/reports/accountability?from=2019-01-01&to=2026-05-01', 'lanhdao.stp')).body.errors[0]).toMatchObject({
        field: 'to',
        rule: 'maxPeriod',
      });
    });
  });

  // ==================================================================================================
  describe('pilot models', () => {
    let pilot: any;
    const create = (body: Record<string, unknown>, who = 'admin') =>
      api('POST', '/api/pilots', who, {
        name: 'Thí điểm một cửa liên thông hộ kinh doanh tại Long Xuyên',
        decisionRef: 'Quyết định số 3455/QĐ-UBND ngày 15/12/2025 của UBND tỉnh An Giang',
        agencyIds: [agencyId[LONG_XUYEN]],
        procedureCodes: [HOUSEHOLD_BUSINESS],
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        ...body,
      });

    it('lets an administrator record a pilot, audited, and those who read reports see it', async () => {
      const res = await create({});
      expect(res.status).toBe(201);
      pilot = res.body;
      expect(pilot).toMatchObject({
        agencies: [{ id: agencyId[LONG_XUYEN], code: LONG_XUYEN, name: 'Ủy ban nhân dân thành phố Long Xuyên' }],
        procedureCodes: [HOUSEHOLD_BUSINESS],
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        status: 'ENDED',
        createdByName: 'Quản trị hệ thống',
        version: 1,
      });
      expect(
        (await db.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'pilot.created' AND target_id = $1", [pilot.id]))
          .rows[0].n,
      ).toBe(1);
      expect((await api('GET', '/api/pilots', 'thanhtra.tinh')).body.items.map((p: any) => p.id)).toContain(pilot.id);
      expect((await api('GET', `/api/pilots/${pilot.id}`, 'lanhdao.longxuyen')).status).toBe(200);
      // Not in Sở Tư pháp's scope; not for specialists; recorded by administrators only.
      expect((await api('GET', '/api/pilots', 'lanhdao.stp')).body.items).toEqual([]);
      expect((await api('GET', `/api/pilots/${pilot.id}`, 'lanhdao.stp')).status).toBe(404);
      expect((await api('GET', '/api/pilots', 'chuyenvien.stp')).status).toBe(403);
      expect((await create({}, 'thanhtra.tinh')).status).toBe(403);
    });

    it('compares the pilot agencies before vs during the pilot and against the other agencies, as computed by hand', async () => {
      const res = await api('GET', `/api/pilots/${pilot.id}/comparison`, 'thanhtra.tinh');
      expect(res.status).toBe(200);
      expect(res.body.during).toEqual({ from: '2026-06-01', to: '2026-06-30' });
      expect(res.body.before).toEqual({ from: '2026-05-02', to: '2026-05-31' });
      expect(res.body.pilotAgencies).toEqual({
        // P1 (early, 25 h, rated 3s), P2 (online, late, 9 d); P3 received.
        before: {
          received: 3,
          receivedOnline: 1,
          onlineShare: 33.3,
          resolved: 2,
          resolvedOnTime: 1,
          onTimeRate: 50,
          averageProcessingDays: 5.02,
          ratings: 1,
          satisfactionIndex: 0,
        },
        // P4, P5 (online), P6 received; P3 (on time, 4 d 23.5 h), P4, P5, P6 (1 d each) resolved; P4 all 5s, P5 feedback 2.
        during: {
          received: 3,
          receivedOnline: 2,
          onlineShare: 66.7,
          resolved: 4,
          resolvedOnTime: 4,
          onTimeRate: 100,
          averageProcessingDays: 1.99,
          ratings: 2,
          satisfactionIndex: 90,
        },
      });
      expect(res.body.otherAgencies).toEqual({
        // O1 (Châu Đốc, late, 7 d), O2 (Tân Châu, online, open).
        before: {
          received: 2,
          receivedOnline: 1,
          onlineShare: 50,
          resolved: 1,
          resolvedOnTime: 0,
          onTimeRate: 0,
          averageProcessingDays: 7,
          ratings: 0,
          satisfactionIndex: null,
        },
        // O3 (late, 7 d), O4 (early, 1 d); the building permit at Châu Đốc is another procedure.
        during: {
          received: 2,
          receivedOnline: 0,
          onlineShare: 0,
          resolved: 2,
          resolvedOnTime: 1,
          onTimeRate: 50,
          averageProcessingDays: 4,
          ratings: 0,
          satisfactionIndex: null,
        },
      });
      // Within a district's scope there are no other agencies handling district procedures.
      const district = await api('GET', `/api/pilots/${pilot.id}/comparison`, 'lanhdao.longxuyen');
      expect(district.body.pilotAgencies).toEqual(res.body.pilotAgencies);
      expect(district.body.otherAgencies.during).toMatchObject({ received: 0, resolved: 0, onTimeRate: null });
    });

    it('measures an open-ended pilot up to today, against as many days before it', async () => {
      const today = localToday();
      const ongoing = await create({ startsOn: shiftDays(today, -9), endsOn: null, procedureCodes: [] });
      expect(ongoing.status).toBe(201);
      expect(ongoing.body).toMatchObject({ status: 'RUNNING', endsOn: null, procedureCodes: [] });
      const res = await api('GET', `/api/pilots/${ongoing.body.id}/comparison`, 'thanhtra.tinh');
      expect(res.body.during).toEqual({ from: shiftDays(today, -9), to: today });
      expect(res.body.before).toEqual({ from: shiftDays(today, -19), to: shiftDays(today, -10) });
      const planned = await create({ startsOn: shiftDays(today, 30), endsOn: null });
      expect(planned.body.status).toBe('PLANNED');
      const notYet = await api('GET', `/api/pilots/${planned.body.id}/comparison`, 'thanhtra.tinh');
      expect(notYet.status).toBe(409);
      expect(notYet.body.code).toBe('PILOT_NOT_STARTED');
    });

    it('updates with the version read (a stale one is 409), deletes with an audit record, and refuses bad input', async () => {
      const stale = await api('PATCH', `/api/pilots/${pilot.id}`, 'admin', { name: 'Tên mới của mô hình', version: 99 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 1 });
      const updated = await api('PATCH', `/api/pilots/${pilot.id}`, 'admin', {
        endsOn: '2026-07-15',
        agencyIds: [agencyId[LONG_XUYEN], agencyId[CHAU_DOC]],
        version: 1,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ endsOn: '2026-07-15', version: 2, name: pilot.name });
      expect(updated.body.agencies.map((a: any) => a.code)).toEqual([LONG_XUYEN, CHAU_DOC]);
      const reversed = await api('PATCH', `/api/pilots/${pilot.id}`, 'admin', { endsOn: '2026-05-01', version: 2 });
      expect(reversed.status).toBe(400);
      expect(reversed.body.errors[0]).toMatchObject({ field: 'endsOn', rule: 'notBeforeStart' });
      expect((await api('PATCH', `/api/pilots/${pilot.id}`, 'thanhtra.tinh', { name: 'Không được sửa', version: 2 })).status).toBe(403);

      const bad = async (body: Record<string, unknown>) => (await create(body)).body.errors?.[0];
      expect(await bad({ agencyIds: ['00000000-0000-4000-8000-000000000000'] })).toMatchObject({ field: 'agencyIds', rule: 'exists' });
      expect(await bad({ agencyIds: [] })).toMatchObject({ field: 'agencyIds' });
      expect(await bad({ procedureCodes: ['9.999999'] })).toMatchObject({ field: 'procedureCodes', rule: 'exists' });
      expect(await bad({ startsOn: '2026-06-31' })).toMatchObject({ field: 'startsOn' });
      expect(await bad({ endsOn: '2026-05-31' })).toMatchObject({ field: 'endsOn', rule: 'notBeforeStart' });
      expect(await bad({ decisionRef: '' })).toMatchObject({ field: 'decisionRef' });

      expect((await api('DELETE', `/api/pilots/${pilot.id}`, 'admin')).status).toBe(204);
      expect((await api('GET', `/api/pilots/${pilot.id}`, 'thanhtra.tinh')).status).toBe(404);
      const deleted = await db.query("SELECT before FROM audit_events WHERE action = 'pilot.deleted' AND target_id = $1", [pilot.id]);
      expect(deleted.rows[0].before).toMatchObject({
        name: pilot.name,
        endsOn: '2026-07-15',
        agencyIds: [agencyId[LONG_XUYEN], agencyId[CHAU_DOC]],
      });
      const updates = await db.query("SELECT before, after FROM audit_events WHERE action = 'pilot.updated' AND target_id = $1", [
        pilot.id,
      ]);
      expect(updates.rows[0]).toMatchObject({ before: { endsOn: '2026-06-30' }, after: { endsOn: '2026-07-15' } });
    });
  });
});
