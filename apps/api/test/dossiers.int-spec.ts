import { createHash } from 'node:crypto';
import { holidaysForYears, OFFICIAL_SCHEDULES, WorkingCalendar } from '@motcua/domain';
import { Client } from 'pg';
import { SlaSweepService } from '../src/modules/dossiers/sla/sla-sweep.service';
import { CENTER, CRIMINAL_RECORD, routeToSecondReview, mandatoryDocuments, receiveAtCounter } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

describe('dossiers: intake, lifecycle and SLA clock', () => {
  let t: TestApp;
  let db: Client;
  let reception: string;
  let specialist: string;
  let leader: string;
  let police: string;
  let documents: Array<{ name: string; kind: string; count: number }>;

  const applicant = (overrides: Record<string, unknown> = {}) => ({
    type: 'INDIVIDUAL',
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '2003-05-01',
    sex: 'MALE',
    identifiers: [{ type: 'CCCD', value: '089203001234' }],
    phone: '0912345678',
    address: 'Phường Mỹ Bình, TP Long Xuyên',
    ...overrides,
  });
  const intake = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}, token = reception) =>
    call(t.baseUrl, 'POST', '/api/dossiers', {
      token,
      headers,
      body: { procedureCode: CRIMINAL_RECORD, receivingAgencyCode: CENTER, channel: 'DIRECT', applicant: applicant(), documents, ...body },
    });
  const act = (code: string, action: string, token: string, body: Record<string, unknown>) =>
    call(t.baseUrl, 'POST', `/api/dossiers/${encodeURIComponent(code)}/actions/${action}`, { token, body });

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    [reception, specialist, leader, police] = await Promise.all([
      login(t.baseUrl, 'tiepnhan.ttpvhcc'),
      login(t.baseUrl, 'chuyenvien.stp'),
      login(t.baseUrl, 'lanhdao.stp'),
      login(t.baseUrl, 'chuyenvien.congan'),
    ]);
    documents = await mandatoryDocuments(t.baseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('intake', () => {
    it('accepts a complete counter intake at once, with code, secret and a due time from the calendar', async () => {
      const res = await intake();
      expect(res.status).toBe(201);
      const d = res.body;
      expect(d).toMatchObject({
        status: 'RECEIVED',
        statusCode: 2,
        channel: 'DIRECT',
        procedureCode: CRIMINAL_RECORD,
        version: expect.any(Number),
        clockState: 'RUNNING',
      });
      expect(d.code).toMatch(/^000\.00\.22\.H01-\d{6}-\d{4}$/);
      expect(d.lookupSecret).toMatch(/^[A-Z2-9]{8}$/);
      expect(d.competentAgencyName).toBe('Sở Tư pháp tỉnh An Giang');
      expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept']);
      expect(d.timeline[1].form).toBe('01');
      const expected = await call(
        t.baseUrl,
        'GET',
        `/api/calendar/due?start=${encodeURIComponent(d.receivedAt)}&amount=10&unit=WORKING_DAYS`,
        { token: reception },
      );
      expect(new Date(d.dueAt).getTime()).toBe(new Date(expected.body.due).getTime());
      expect(d.allowedActions).toEqual(expect.arrayContaining(['forward', 'request-withdrawal']));
    });

    it('refuses a counter intake with a missing mandatory document (422) and writes nothing', async () => {
      const before = (await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
      const res = await intake({ documents: documents.slice(1) });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('DOCUMENTS_MISSING');
      expect(res.body.errors[0].message).toBe(documents[0].name);
      expect((await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n).toBe(before);
    });

    it('rejects an invalid CCCD with the field path, and warns when its digits disagree with the birth year', async () => {
      const bad = await intake({ applicant: applicant({ identifiers: [{ type: 'CCCD', value: '003203001234' }] }) });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'applicant.identifiers.0.value', rule: 'cccdProvince' });
      const mismatch = await intake({ applicant: applicant({ dateOfBirth: '1990-01-01' }) });
      expect(mismatch.status).toBe(201);
      expect(mismatch.body.warnings.length).toBeGreaterThan(0);
      const future = await intake({ applicant: applicant({ dateOfBirth: '2099-01-01' }) });
      expect(future.status).toBe(400);
      expect(future.body.errors[0].field).toBe('applicant.dateOfBirth');
    });

    it('registers the applicant in the citizen registry, keeps only a masked copy on the dossier, and takes a known party by id', async () => {
      const first = await intake({ applicant: applicant({ identifiers: [{ type: 'CCCD', value: '089203007777' }], phone: '0912000777' }) });
      expect(first.status).toBe(201);
      const partyId = first.body.applicant.partyId;
      expect(partyId).toEqual(expect.any(String));
      expect(first.body.applicant.identifiers[0].value).not.toContain('203007');
      expect(first.body.applicant.phone).not.toBe('0912000777');
      // Neither the dossier row nor its search text holds the identifier or the phone in clear.
      const clear = await db.query(
        `SELECT count(*)::int AS n FROM dossiers WHERE applicant::text LIKE '%089203007777%' OR applicant::text LIKE '%0912000777%' OR search_text LIKE '%089203007777%'`,
      );
      expect(clear.rows[0].n).toBe(0);

      const again = await intake({ applicant: { partyId } });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ applicantName: 'Nguyễn Văn An', applicant: { partyId, type: 'INDIVIDUAL' } });
      const owners = await db.query("SELECT count(*)::int AS n FROM dossier_parties WHERE party_id = $1 AND role = 'OWNER'", [partyId]);
      expect(owners.rows[0].n).toBe(2);
      const unknown = await intake({ applicant: { partyId: '00000000-0000-4000-8000-000000000000' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('applicant.partyId');

      // Portals hear of it through the outbox, written with the dossier.
      const events = await db.query('SELECT type FROM outbox_events WHERE dossier_code = $1', [first.body.code]);
      expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['dossier.received']);
    });

    it('answers an Idempotency-Key replay with the same dossier (201 then 200), and a different body with 422', async () => {
      const key = 'portal-retry-000001';
      const first = await intake({}, { 'idempotency-key': key });
      const second = await intake({}, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body.code).toBe(first.body.code);
      const other = await intake({ note: 'khác' }, { 'idempotency-key': key });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('allocates 100 distinct, gap-free codes to 100 concurrent intakes at one agency', async () => {
      const results = await Promise.all(Array.from({ length: 100 }, () => intake()));
      expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body?.detail}`)).toEqual([]);
      const sequences = results.map((r) => Number(r.body.code.split('-').pop())).sort((a, b) => a - b);
      expect(new Set(sequences).size).toBe(100);
      const all = (await db.query(`SELECT code FROM dossiers WHERE code LIKE '000.00.22.H01-%'`)).rows
        .map((r) => Number(r.code.split('-').pop()))
        .sort((a: number, b: number) => a - b);
      expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    });

    it('takes online submissions from a portal key: status 1 with a code at once, then accepted by the desk', async () => {
      const admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
      const centerId = (await db.query('SELECT id FROM agencies WHERE code = $1', [CENTER])).rows[0].id;
      const client = await call(t.baseUrl, 'POST', '/api/integration/clients', {
        token: admin,
        body: { name: 'Cổng DVC tỉnh', agencyId: centerId, scopes: ['dossiers:create', 'dossiers:read'] },
      });
      const apiKey = client.body.apiKey;
      const res = await call(t.baseUrl, 'POST', '/api/dossiers', {
        apiKey,
        body: { procedureCode: CRIMINAL_RECORD, receivingAgencyCode: CENTER, channel: 'ONLINE', applicant: applicant(), documents: [] },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'SUBMITTED', statusCode: 1, receivedAt: null, dueAt: null, clockState: 'NOT_STARTED' });
      expect((await call(t.baseUrl, 'GET', `/api/dossiers/${res.body.code}`, { apiKey })).status).toBe(200);
      const accepted = await act(res.body.code, 'accept', reception, { version: res.body.version });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ statusCode: 2, clockState: 'RUNNING' });
      // The portal cannot act on dossiers.
      expect((await act(res.body.code, 'forward', '', { version: accepted.body.version })).status).toBe(401);
    });
  });

  describe('lifecycle', () => {
    it('goes from counter to returned result through the competent agency, early', async () => {
      const received = (await intake()).body;
      const forwarded = await act(received.code, 'forward', reception, { version: received.version });
      expect(forwarded.body).toMatchObject({ statusCode: 4, stage: 'PROCESSING' });
      // The reception desk cannot appraise; the department's specialist can.
      expect(forwarded.body.allowedActions).not.toContain('submit-for-approval');
      // The route: the desk's step is done, the department's review is open, the police check waits.
      expect(forwarded.body.steps.map((s: { status: string }) => s.status)).toEqual([
        'DONE',
        'SENT',
        'PENDING',
        'PENDING',
        'PENDING',
        'PENDING',
      ]);
      const early = await act(received.code, 'submit-for-approval', specialist, { version: forwarded.body.version });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('ROUTE_NOT_AT_APPROVAL');
      const reviewed = await routeToSecondReview(t.baseUrl, received.code, { specialist, police });
      const submitted = await act(received.code, 'submit-for-approval', specialist, { version: reviewed.version });
      expect(submitted.status).toBe(200);
      expect((await act(received.code, 'approve', specialist, { version: submitted.body.version })).status).toBe(403);
      const approved = await act(received.code, 'approve', leader, { version: submitted.body.version });
      const issued = await act(received.code, 'issue-result', leader, { version: approved.body.version, electronicResult: true });
      expect(issued.body).toMatchObject({
        statusCode: 9,
        outcome: 'POSITIVE',
        timeliness: 'EARLY',
        electronicResult: true,
        clockState: 'STOPPED',
      });
      const returned = await act(received.code, 'return-result', reception, { version: issued.body.version, returnMethod: 'IN_PERSON' });
      expect(returned.body).toMatchObject({ statusCode: 10, returnMethod: 'IN_PERSON' });
      expect(returned.body.steps.every((s: { status: string }) => s.status === 'DONE')).toBe(true);
      const dossierActions = returned.body.timeline.filter((e: { action: string }) => !e.action.startsWith('step-'));
      expect(dossierActions.map((e: { action: string }) => e.action)).toEqual([
        'submit',
        'accept',
        'forward',
        'submit-for-approval',
        'approve',
        'issue-result',
        'return-result',
      ]);
      expect(returned.body.allowedActions).toEqual([]);
      const audit = (
        await db.query(
          "SELECT count(*)::int AS n FROM audit_events WHERE target_id = $1 AND action LIKE 'dossier.%' AND action NOT LIKE 'dossier.step-%'",
          [received.code],
        )
      ).rows[0].n;
      expect(audit).toBe(6); // received (intake and acceptance in one), then one per action
    });

    it('lets exactly one of two officers acting on the same version succeed', async () => {
      const d = (await intake()).body;
      const [a, b] = await Promise.all([
        act(d.code, 'forward', reception, { version: d.version }),
        act(d.code, 'forward', reception, { version: d.version }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.code).toMatch(/STALE_VERSION|ACTION_NOT_ALLOWED/);
    });

    it('answers a stale version with 409 and the current version, an impossible action with the allowed ones, a missing reason with 400', async () => {
      const d = (await intake()).body;
      const impossible = await act(d.code, 'return-result', reception, { version: d.version, returnMethod: 'POST' });
      expect(impossible.status).toBe(409);
      expect(impossible.body.allowedActions).toEqual(expect.arrayContaining(['forward']));
      const forwarded = (await act(d.code, 'forward', reception, { version: d.version })).body;
      const stale = await act(d.code, 'request-withdrawal', reception, { version: d.version, reason: 'Công dân xin rút' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: forwarded.version });
      const noReason = await act(d.code, 'stop', leader, { version: forwarded.version });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', rule: 'required' });
      const unknown = await act(d.code, 'teleport', leader, { version: forwarded.version });
      expect(unknown.status).toBe(400);
      const stopped = await act(d.code, 'stop', leader, {
        version: forwarded.version,
        reason: 'Cơ quan có thẩm quyền yêu cầu dừng (Mẫu 05)',
      });
      expect(stopped.body).toMatchObject({ statusCode: 8, outcome: 'STOPPED' });
      expect(stopped.body.timeline.pop()).toMatchObject({ action: 'stop', form: '05', reason: expect.stringContaining('Mẫu 05') });
    });

    it('pauses the clock for a supplement and moves the due time by the paused working time', async () => {
      const d = (await intake()).body;
      const forwarded = (await act(d.code, 'forward', reception, { version: d.version })).body;
      const paused = await act(d.code, 'request-supplement', specialist, {
        version: forwarded.version,
        reason: 'Thiếu bản chụp giấy tờ chứng minh nơi cư trú',
      });
      // The specialist is not at the receiving desk: the supplement request is the desk's job.
      expect(paused.status).toBe(403);
      const requested = await act(d.code, 'request-supplement', reception, {
        version: forwarded.version,
        reason: 'Thiếu bản chụp giấy tờ chứng minh nơi cư trú',
      });
      expect(requested.body).toMatchObject({ statusCode: 5, clockState: 'PAUSED' });

      // Pretend the pause began on Monday 09/03/2026 09:00 (a working instant) to measure a real pause.
      const pausedSince = new Date('2026-03-09T09:00:00+07:00');
      const dueBefore = new Date('2026-03-20T09:00:00+07:00');
      await db.query('UPDATE dossiers SET paused_since = $2, due_at = $3 WHERE code = $1', [d.code, pausedSince, dueBefore]);
      const t0 = new Date();
      const resumed = await act(d.code, 'receive-supplement', reception, { version: requested.body.version });
      const t1 = new Date();
      expect(resumed.body).toMatchObject({ statusCode: 4, stage: 'PROCESSING', clockState: 'RUNNING' });

      const calendar = new WorkingCalendar([
        ...holidaysForYears(2024, 2040).filter((h) => !h.date.startsWith('2025') && !h.date.startsWith('2026')),
        ...OFFICIAL_SCHEDULES[2025],
        ...OFFICIAL_SCHEDULES[2026],
      ]);
      // The clock is kept to the whole minute (the pause is rounded), whenever in working hours the test runs.
      const earliest = calendar.addWorkingMinutes(dueBefore, Math.round(calendar.workingMinutesBetween(pausedSince, t0)));
      const latest = calendar.addWorkingMinutes(dueBefore, Math.round(calendar.workingMinutesBetween(pausedSince, t1)));
      const due = new Date(resumed.body.dueAt).getTime();
      expect(due).toBeGreaterThanOrEqual(earliest.getTime());
      expect(due).toBeLessThanOrEqual(latest.getTime());
      expect(due).toBeGreaterThan(dueBefore.getTime());
    });

    it('accepts one apology with a later appointment, never a second', async () => {
      const d = (await intake()).body;
      const forwarded = (await act(d.code, 'forward', reception, { version: d.version })).body;
      const early = await act(d.code, 'apologize', leader, {
        version: forwarded.version,
        reason: 'Cần xác minh thêm',
        newAppointment: forwarded.dueAt,
      });
      expect(early.status).toBe(400);
      const later = new Date(new Date(forwarded.dueAt).getTime() + 5 * 86_400_000).toISOString();
      const apologized = await act(d.code, 'apologize', leader, {
        version: forwarded.version,
        reason: 'Cần xác minh thêm tại Công an tỉnh',
        newAppointment: later,
      });
      expect(apologized.status).toBe(200);
      expect(apologized.body.apologyDueAt).toBe(later);
      expect(apologized.body.dueAt).toBe(forwarded.dueAt); // statistics still judge against the original due time
      const again = await act(d.code, 'apologize', leader, { version: apologized.body.version, reason: 'Lần hai', newAppointment: later });
      expect(again.status).toBe(409);
      expect(again.body.allowedActions).not.toContain('apologize');
    });

    it('records a withdrawal requested by the citizen, and refuses it once the result is ready', async () => {
      const d = (await intake()).body;
      const requested = await act(d.code, 'request-withdrawal', reception, { version: d.version, reason: 'Công dân có đơn xin rút hồ sơ' });
      expect(requested.body.statusCode).toBe(7);
      const confirmed = await act(d.code, 'confirm-withdrawal', reception, { version: requested.body.version });
      expect(confirmed.body).toMatchObject({ statusCode: 8, outcome: 'WITHDRAWN' });
    });
  });

  describe('visibility', () => {
    it('hides a dossier from another district (404) and lists by applicant name without diacritics', async () => {
      const d = (await intake({ applicant: applicant({ fullName: 'Trần Thị Bích Ngọc' }) })).body;
      const outsider = await login(t.baseUrl, 'tiepnhan.longxuyen');
      expect((await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}`, { token: outsider })).status).toBe(404);
      expect((await act(d.code, 'forward', outsider, { version: d.version })).status).toBe(404);
      const found = await call(t.baseUrl, 'GET', '/api/dossiers?q=bich%20ngoc', { token: reception });
      expect(found.body.items.map((i: { code: string }) => i.code)).toEqual([d.code]);
      const outsiderList = await call(t.baseUrl, 'GET', '/api/dossiers?q=bich%20ngoc', { token: outsider });
      expect(outsiderList.body.items).toEqual([]);
      // The competent department sees dossiers routed to it.
      expect((await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}`, { token: specialist })).status).toBe(200);
    });

    it('filters and paginates the work list', async () => {
      await Promise.all(Array.from({ length: 22 }, () => intake()));
      const page1 = await call(t.baseUrl, 'GET', '/api/dossiers?limit=10&status=RECEIVED', { token: reception });
      expect(page1.body.items).toHaveLength(10);
      expect(page1.body.items.every((i: { status: string }) => i.status === 'RECEIVED')).toBe(true);
      const page2 = await call(t.baseUrl, 'GET', `/api/dossiers?limit=10&status=RECEIVED&cursor=${page1.body.nextCursor}`, {
        token: reception,
      });
      const codes = [...page1.body.items, ...page2.body.items].map((i: { code: string }) => i.code);
      expect(new Set(codes).size).toBe(20);
      // Rows created in the same millisecond must neither be skipped nor repeated across pages.
      const all = await call(t.baseUrl, 'GET', '/api/dossiers?limit=200&status=RECEIVED', { token: reception });
      expect(codes).toEqual(all.body.items.slice(0, 20).map((i: { code: string }) => i.code));
      const overdue = await call(t.baseUrl, 'GET', '/api/dossiers?timeliness=OVERDUE', { token: reception });
      expect(overdue.status).toBe(200);
      // Nearest due first: spread the due times (intakes of one minute share one) in reverse order of creation.
      const created = all.body.items.map((i: { code: string }) => i.code);
      await db.query(
        // Millisecond instants, as the calendar computes them (the cursor carries milliseconds).
        `UPDATE dossiers SET due_at = date_trunc('milliseconds', now()) + (array_position($1::text[], code) || ' hours')::interval
          WHERE code = ANY($1)`,
        [[...created].reverse()],
      );
      const byDue1 = await call(t.baseUrl, 'GET', '/api/dossiers?sort=due&status=RECEIVED&limit=5', { token: reception });
      const byDue2 = await call(t.baseUrl, 'GET', `/api/dossiers?sort=due&status=RECEIVED&limit=5&cursor=${byDue1.body.nextCursor}`, {
        token: reception,
      });
      const dueCodes = [...byDue1.body.items, ...byDue2.body.items].map((i: { code: string }) => i.code);
      expect(dueCodes).toEqual([...created].reverse().slice(0, 10));
      // A cursor of one order is refused by the other.
      const mixed = await call(t.baseUrl, 'GET', `/api/dossiers?limit=5&cursor=${byDue1.body.nextCursor}`, { token: reception });
      expect(mixed.status).toBe(400);
      expect(mixed.body.errors[0]).toMatchObject({ field: 'cursor' });
    });

    it('filters by several statuses at once and counts each work-list tab, capped', async () => {
      const online = await intake({ channel: 'ONLINE' });
      expect(online.body.status).toBe('SUBMITTED');
      const both = await call(t.baseUrl, 'GET', '/api/dossiers?status=RECEIVED&status=SUBMITTED&limit=200', { token: reception });
      const comma = await call(t.baseUrl, 'GET', '/api/dossiers?status=RECEIVED,SUBMITTED&limit=200', { token: reception });
      const statuses = new Set(both.body.items.map((i: { status: string }) => i.status));
      expect(statuses).toEqual(new Set(['RECEIVED', 'SUBMITTED']));
      expect(comma.body.items.length).toBe(both.body.items.length);
      const wrong = await call(t.baseUrl, 'GET', '/api/dossiers?status=RECEIVED,NOPE', { token: reception });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'status' });

      const counts = await call(t.baseUrl, 'GET', '/api/dossiers/counts', { token: reception });
      expect(counts.status).toBe(200);
      const count = (bucket: string) => counts.body.items.find((c: { bucket: string }) => c.bucket === bucket);
      const received = (await call(t.baseUrl, 'GET', '/api/dossiers?status=RECEIVED&limit=200', { token: reception })).body.items.length;
      expect(count('RECEIVED')).toEqual({ bucket: 'RECEIVED', count: received, more: false });
      expect(count('SUBMITTED').count).toBeGreaterThanOrEqual(1);
      // Another district's officer counts none of these.
      const other = await call(t.baseUrl, 'GET', '/api/dossiers/counts', { token: await login(t.baseUrl, 'tiepnhan.longxuyen') });
      expect(other.body.items.find((c: { bucket: string }) => c.bucket === 'RECEIVED').count).toBe(0);
    });
  });

  describe('public lookup', () => {
    it('shows status and a masked name with the right secret, and 404 otherwise', async () => {
      const d = (await intake()).body;
      const res = await call(t.baseUrl, 'GET', `/api/public/dossiers/${d.code}?secret=${d.lookupSecret}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: d.code,
        statusCode: 2,
        statusText: 'Đã tiếp nhận',
        applicantName: 'Nguyễn V. A.',
        resultReady: false,
      });
      expect(JSON.stringify(res.body)).not.toContain('089203001234');
      expect((await call(t.baseUrl, 'GET', `/api/public/dossiers/${d.code}?secret=AAAAAAAA`)).status).toBe(404);
      expect((await call(t.baseUrl, 'GET', `/api/public/dossiers/000.00.22.H01-990101-0001?secret=${d.lookupSecret}`)).status).toBe(404);
    });
  });
});

describe('dossier forms', () => {
  let t: TestApp;
  let reception: string;
  let db: Client;
  // pdf-parse's entry file runs a self-test when loaded directly; its library file does not.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfText = (pdf: Buffer): Promise<string> => require('pdf-parse/lib/pdf-parse.js')(pdf).then((r: { text: string }) => r.text);

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
    db = new Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('prints the Form 01 receipt as a PDF with Vietnamese text, the code and the lookup secret, and records the print', async () => {
    const d = await receiveAtCounter(t.baseUrl, reception, 'Lê Thị Thu Hường');
    const res = await fetch(`${t.baseUrl}/api/dossiers/${d.code}/forms/01`, { headers: { authorization: `Bearer ${reception}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Lê Thị Thu Hường');
    expect(text).toContain(d.code);
    expect(text).toContain(d.lookupSecret);
    const printed = (
      await db.query('SELECT form, sha256 FROM dossier_forms f JOIN dossiers d ON d.id = f.dossier_id WHERE d.code = $1', [d.code])
    ).rows;
    expect(printed).toEqual([{ form: '01', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const refusal = await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}/forms/03`, { token: reception });
    expect(refusal.status).toBe(409);
    expect(refusal.body.code).toBe('FORM_NOT_APPLICABLE');
    expect((await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}/forms/09`, { token: reception })).status).toBe(400);
    const outsider = await login(t.baseUrl, 'tiepnhan.longxuyen');
    expect((await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}/forms/01`, { token: outsider })).status).toBe(404);
  });

  it('prints the dossier’s line of the tracking book (Form 07) with its receipt and appointment', async () => {
    const d = await receiveAtCounter(t.baseUrl, reception, 'Phạm Văn Đức');
    const res = await fetch(`${t.baseUrl}/api/dossiers/${d.code}/forms/07`, { headers: { authorization: `Bearer ${reception}` } });
    expect(res.status).toBe(200);
    // Narrow table columns wrap their text: compare without the line breaks.
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, '');
    for (const expected of ['SỔ THEO DÕI HỒ SƠ', 'Phạm Văn Đức', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết', d.code])
      expect(text).toContain(expected.replace(/\s+/g, ''));
    const printed = (await db.query("SELECT count(*)::int AS n FROM dossier_forms WHERE form = '07'")).rows[0].n;
    expect(printed).toBe(1);
  });
});

describe('dossier attachments and the electronic result', () => {
  let t: TestApp;
  let reception: string;
  let leader: string;
  let db: Client;
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Tờ khai đăng ký khai sinh\n'.repeat(20)), Buffer.from('%%EOF')]);
  const upload = (code: string, token: string, content: Buffer, filename: string, kind = 'DOCUMENT') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), filename);
    return fetch(`${t.baseUrl}/api/dossiers/${encodeURIComponent(code)}/attachments?kind=${kind}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    [reception, leader] = await Promise.all([login(t.baseUrl, 'tiepnhan.ttpvhcc'), login(t.baseUrl, 'lanhdao.stp')]);
    db = new Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const newDossier = async () => {
    return await receiveAtCounter(t.baseUrl, reception, 'Phạm Văn Bình');
  };

  it('stores a PDF with its SHA-256, lists it and gives the same bytes back', async () => {
    const d = await newDossier();
    const res = await upload(d.code, reception, PDF, 'to-khai.pdf');
    expect(res.status).toBe(201);
    const attachment = await res.json();
    expect(attachment).toMatchObject({ kind: 'DOCUMENT', filename: 'to-khai.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(attachment.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const list = await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}/attachments`, { token: reception });
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([attachment.id]);
    const download = await fetch(`${t.baseUrl}/api/dossiers/${d.code}/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${reception}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    const outsider = await login(t.baseUrl, 'tiepnhan.longxuyen');
    expect(
      (
        await fetch(`${t.baseUrl}/api/dossiers/${d.code}/attachments/${attachment.id}`, {
          headers: { authorization: `Bearer ${outsider}` },
        })
      ).status,
    ).toBe(404);
  });

  it('judges the type from the content: a program named .pdf is 415; over 20 MB is 413', async () => {
    const d = await newDossier();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000, 1)]);
    const fake = await upload(d.code, reception, exe, 'giay-to.pdf');
    expect(fake.status).toBe(415);
    expect((await fake.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await upload(d.code, reception, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(21 * 1024 * 1024)]), 'lon.pdf');
    expect(huge.status).toBe(413);
    expect((await db.query('SELECT count(*)::int AS n FROM dossier_attachments')).rows[0].n).toBe(1);
  });

  it('lets the citizen download an electronic result with the secret, and nobody without it', async () => {
    const d = await newDossier();
    const specialist = await login(t.baseUrl, 'chuyenvien.stp');
    await call(t.baseUrl, 'POST', `/api/dossiers/${d.code}/actions/forward`, { token: reception, body: { version: d.version } });
    const f = await routeToSecondReview(t.baseUrl, d.code, { specialist, police: await login(t.baseUrl, 'chuyenvien.congan') });
    const s = (
      await call(t.baseUrl, 'POST', `/api/dossiers/${d.code}/actions/submit-for-approval`, {
        token: specialist,
        body: { version: f.version },
      })
    ).body;
    const a = (await call(t.baseUrl, 'POST', `/api/dossiers/${d.code}/actions/approve`, { token: leader, body: { version: s.version } }))
      .body;
    expect((await upload(d.code, leader, PDF, 'phieu-ly-lich-tu-phap.pdf', 'RESULT')).status).toBe(201);
    const before = await fetch(`${t.baseUrl}/api/public/dossiers/${d.code}/result?secret=${d.lookupSecret}`);
    expect(before.status).toBe(404);
    await call(t.baseUrl, 'POST', `/api/dossiers/${d.code}/actions/issue-result`, {
      token: leader,
      body: { version: a.version, electronicResult: true },
    });
    const lookup = await call(t.baseUrl, 'GET', `/api/public/dossiers/${d.code}?secret=${d.lookupSecret}`);
    expect(lookup.body).toMatchObject({ resultReady: true, electronicResultAvailable: true });
    const result = await fetch(`${t.baseUrl}/api/public/dossiers/${d.code}/result?secret=${d.lookupSecret}`);
    expect(result.status).toBe(200);
    expect(Buffer.from(await result.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${t.baseUrl}/api/public/dossiers/${d.code}/result?secret=WRONGSEC`)).status).toBe(404);
  });
});

describe('SLA sweep (background job)', () => {
  let t: TestApp;
  let db: Client;
  let reception: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', JOBS_ENABLED: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('marks each dossier due soon, then overdue, exactly once even when sweeps run side by side', async () => {
    const d = await receiveAtCounter(t.baseUrl, reception, 'Võ Thị Mai');
    const sweeper = t.app.get(SlaSweepService);

    await db.query(`UPDATE dossiers SET due_soon_at = now() - interval '1 minute', due_at = now() + interval '1 hour' WHERE code = $1`, [
      d.code,
    ]);
    const first = await Promise.all([sweeper.sweep(), sweeper.sweep(), sweeper.sweep()]);
    expect(first.flatMap((r) => r.dueSoon).filter((c) => c === d.code)).toEqual([d.code]);
    const listed = await call(t.baseUrl, 'GET', '/api/dossiers?timeliness=DUE_SOON', { token: reception });
    expect(listed.body.items.map((i: { code: string }) => i.code)).toContain(d.code);

    await db.query(`UPDATE dossiers SET due_at = now() - interval '1 minute' WHERE code = $1`, [d.code]);
    const second = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
    expect(second.flatMap((r) => r.overdue).filter((c) => c === d.code)).toEqual([d.code]);
    expect((await sweeper.sweep()).overdue).not.toContain(d.code);

    const detail = await call(t.baseUrl, 'GET', `/api/dossiers/${d.code}`, { token: reception });
    expect(detail.body.timeliness).toBe('OVERDUE');
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'sla-due-soon', 'sla-overdue']);
  });

  it('runs the sweep on pg-boss in the product database', async () => {
    const queues = await db.query(`SELECT name FROM pgboss.queue WHERE name = 'sla-sweep'`);
    expect(queues.rows).toEqual([{ name: 'sla-sweep' }]);
    const schedules = await db.query(`SELECT cron FROM pgboss.schedule WHERE name = 'sla-sweep'`);
    expect(schedules.rows).toEqual([{ cron: '* * * * *' }]);
  });
});

describe('historical import (NDJSON from a legacy system)', () => {
  let t: TestApp;
  let admin: string;
  let reception: string;
  let documents: Array<{ name: string; kind: string; count: number }>;
  const post = (ndjson: string) =>
    fetch(`${t.baseUrl}/api/imports/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/x-ndjson' },
      body: ndjson,
    });
  const line = (code: string, events: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      code,
      procedureCode: CRIMINAL_RECORD,
      receivingAgencyCode: CENTER,
      channel: 'DIRECT',
      applicant: { type: 'INDIVIDUAL', fullName: 'Đặng Văn Cũ', identifiers: [] },
      documents,
      events,
      ...extra,
    });

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
    documents = await mandatoryDocuments(t.baseUrl);
  });
  afterAll(async () => t?.close());

  it('replays full histories at their own times, so due times, pauses and timeliness come from the live rules', async () => {
    // Received Mon 02/03/2026 09:00 (+07), 10 working days → due Mon 16/03/2026 09:00.
    // Supplement requested Wed 04/03 09:00, received Fri 06/03 09:00: 16 working hours paused → due Wed 18/03 09:00.
    const body = [
      line('000.00.22.H01-260302-0001', [
        { statusCode: 2, at: '2026-03-02T02:00:00Z' },
        { statusCode: 4, at: '2026-03-02T03:00:00Z' },
        { statusCode: 5, at: '2026-03-04T02:00:00Z', reason: 'Thiếu giấy tờ' },
        { statusCode: 4, at: '2026-03-06T02:00:00Z' },
        { statusCode: 9, at: '2026-03-17T08:00:00Z' },
        { statusCode: 10, at: '2026-03-18T03:00:00Z' },
      ]),
      line('000.00.22.H01-260302-0002', [
        { statusCode: 2, at: '2026-03-02T02:30:00Z' },
        { statusCode: 7, at: '2026-03-03T02:00:00Z', reason: 'Công dân xin rút' },
        { statusCode: 8, at: '2026-03-03T03:00:00Z' },
      ]),
      line('000.00.22.H01-260302-0003', [
        { statusCode: 2, at: '2026-03-02T02:45:00Z' },
        { statusCode: 10, at: '2026-03-03T03:00:00Z' },
      ]),
      '{ not json',
    ].join('\n');
    const res = await post(body);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ imported: 2, skipped: 0, failed: 2 });
    expect(report.lines[2]).toMatchObject({
      line: 3,
      result: 'FAILED',
      errors: [expect.stringContaining('Không thể chuyển từ trạng thái 2 sang 10')],
    });
    expect(report.lines[3]).toMatchObject({ line: 4, result: 'FAILED' });

    const d = await call(t.baseUrl, 'GET', '/api/dossiers/000.00.22.H01-260302-0001', { token: reception });
    // Result issued Tue 17/03 15:00, a local day before the due day: early.
    expect(d.body).toMatchObject({ statusCode: 10, outcome: 'POSITIVE', timeliness: 'EARLY' });
    expect(d.body.receivedAt).toBe('2026-03-02T02:00:00.000Z');
    expect(d.body.originalDueAt).toBe('2026-03-16T02:00:00.000Z');
    expect(d.body.dueAt).toBe('2026-03-18T02:00:00.000Z');
    expect(d.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'forward',
      'request-supplement',
      'receive-supplement',
      'submit-for-approval',
      'approve',
      'issue-result',
      'return-result',
    ]);
    // The timeline shows when things happened in the legacy system, not when they were imported.
    const at = (action: string) => d.body.timeline.find((e: { action: string }) => e.action === action).at;
    expect(at('accept')).toBe('2026-03-02T02:00:00.000Z');
    expect(at('request-supplement')).toBe('2026-03-04T02:00:00.000Z');
    expect(at('return-result')).toBe('2026-03-18T03:00:00.000Z');
    const withdrawn = await call(t.baseUrl, 'GET', '/api/dossiers/000.00.22.H01-260302-0002', { token: reception });
    expect(withdrawn.body).toMatchObject({ statusCode: 8, outcome: 'WITHDRAWN' });

    // Idempotent by code: the same file again skips what is there.
    const again = await (await post(body)).json();
    expect(again).toMatchObject({ imported: 0, skipped: 2 });
  });

  it('keeps live codes clear of imported ones for the same agency and day', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
    const now = new Date(Date.now() - 60_000).toISOString();
    const res = await (await post(line(`000.00.22.H01-${today}-0050`, [{ statusCode: 2, at: now }]))).json();
    expect(res.imported).toBe(1);
    const live = await call(t.baseUrl, 'POST', '/api/dossiers', {
      token: reception,
      body: {
        procedureCode: CRIMINAL_RECORD,
        receivingAgencyCode: CENTER,
        channel: 'DIRECT',
        applicant: { type: 'INDIVIDUAL', fullName: 'Người Mới', identifiers: [] },
        documents,
      },
    });
    expect(live.body.code).toBe(`000.00.22.H01-${today}-0051`);
  });

  it('is for administrators only, and wants NDJSON', async () => {
    expect(
      (
        await fetch(`${t.baseUrl}/api/imports/dossiers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${reception}`, 'content-type': 'application/x-ndjson' },
          body: '',
        })
      ).status,
    ).toBe(403);
    expect((await call(t.baseUrl, 'POST', '/api/imports/dossiers', { token: admin, body: { code: 'x' } })).status).toBe(415);
  });
});

describe('public lookup rate limit', () => {
  it('answers 429 with Retry-After once an IP goes over the limit', async () => {
    const t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await fetch(`${t.baseUrl}/api/public/dossiers/000.00.22.H01-260101-0001?secret=AAAAAAAA`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const limited = await fetch(`${t.baseUrl}/api/public/dossiers/000.00.22.H01-260101-0001?secret=AAAAAAAA`);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
