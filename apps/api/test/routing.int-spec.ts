/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies */
import { Client } from 'pg';
import { SlaSweepService } from '../src/modules/dossiers/sla/sla-sweep.service';
import { mandatoryDocuments, receiveAtCounter, sentStep, stepAction } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

/** Liên thông khai sinh – thường trú – BHYT: a ward decides, then the police and social insurance act in parallel. */
const BIRTH_LIEN_THONG = '1.012796';
const MY_BINH = '000.31.01.H01';

describe('inter-agency routing: step tasks, handovers, queues and notifications', () => {
  let t: TestApp;
  let db: Client;
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who];
  const dossierOf = async (code: string, who = 'tiepnhan.mybinh') =>
    (await call(t.baseUrl, 'GET', `/api/dossiers/${code}`, { token: as(who) })).body;
  const act = (code: string, action: string, who: string, body: Record<string, unknown>) =>
    call(t.baseUrl, 'POST', `/api/dossiers/${code}/actions/${action}`, { token: as(who), body });
  const step = (code: string, stepId: string, action: string, who: string, body: Record<string, unknown> = {}) =>
    call(t.baseUrl, 'POST', `/api/dossiers/${code}/steps/${stepId}/${action}`, { token: as(who), body });
  const queue = async (name: string, who: string) => (await call(t.baseUrl, 'GET', `/api/queues/${name}`, { token: as(who) })).body.items;
  const notifications = async (who: string) => (await call(t.baseUrl, 'GET', '/api/notifications?unread=true', { token: as(who) })).body;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    const users = [
      'tiepnhan.mybinh',
      'chuyenvien.mybinh',
      'lanhdao.mybinh',
      'chuyenvien.congan',
      'lanhdao.congan',
      'chuyenvien.bhxh',
      'tiepnhan.longxuyen',
      'tiepnhan.ttpvhcc',
      'chuyenvien.stp',
      'lanhdao.stp',
    ];
    await Promise.all(users.map(async (u) => (tokens[u] = await login(t.baseUrl, u))));
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function receiveAndForward(): Promise<any> {
    const received = await call(t.baseUrl, 'POST', '/api/dossiers', {
      token: as('tiepnhan.mybinh'),
      body: {
        procedureCode: BIRTH_LIEN_THONG,
        receivingAgencyCode: MY_BINH,
        channel: 'DIRECT',
        applicant: { type: 'INDIVIDUAL', fullName: 'Trần Văn Bình', identifiers: [] },
        documents: await mandatoryDocuments(t.baseUrl, BIRTH_LIEN_THONG),
      },
    });
    expect(received.status).toBe(201);
    const forwarded = await act(received.body.code, 'forward', 'tiepnhan.mybinh', { version: received.body.version });
    expect(forwarded.status).toBe(200);
    return forwarded.body;
  }

  it('routes a ward dossier through its own review and approval, then the police and social insurance in parallel, back to the desk', async () => {
    const d = await receiveAndForward();
    const { code } = d;
    expect(d.steps.map((s: any) => [s.stage, s.status])).toEqual([
      [0, 'DONE'],
      [1, 'SENT'],
      [2, 'PENDING'],
      [3, 'PENDING'],
      [3, 'PENDING'],
      [4, 'PENDING'],
    ]);
    const review = sentStep(d);
    // Form 06 and the route name people, not accounts.
    expect(review).toMatchObject({
      agencyName: expect.stringContaining('Mỹ Bình'),
      sentByName: 'Cán bộ một cửa phường Mỹ Bình',
      timeliness: 'WITHIN',
    });

    // The ward's officers see it arrive; the police do not, and cannot touch it (404).
    expect((await queue('to-accept', 'chuyenvien.mybinh')).map((i: any) => i.step.id)).toContain(review.id);
    expect((await queue('to-accept', 'chuyenvien.congan')).map((i: any) => i.dossierCode)).not.toContain(code);
    expect((await notifications('chuyenvien.mybinh')).items[0]).toMatchObject({ type: 'STEP_RECEIVED', dossierCode: code });
    expect((await step(code, review.id, 'accept', 'chuyenvien.congan')).status).toBe(404);

    // The leader assigns the review; nobody else may complete it (403); returning needs a reason (400).
    const officer = (await db.query("SELECT id FROM users WHERE username = 'chuyenvien.mybinh'")).rows[0].id;
    await stepAction(t.baseUrl, as('lanhdao.mybinh'), code, review.id, 'assign', { assigneeId: officer });
    expect((await step(code, review.id, 'complete', 'tiepnhan.mybinh')).status).toBe(403);
    const noReason = await step(code, review.id, 'return', 'chuyenvien.mybinh');
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', rule: 'required' });
    expect((await notifications('chuyenvien.mybinh')).items.map((n: any) => n.message).join(' ')).toContain('phân công');

    // Submitting for approval completes the review and sends the approval step to the ward's leader.
    const submitted = await act(code, 'submit-for-approval', 'chuyenvien.mybinh', { version: d.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.steps[1]).toMatchObject({
      status: 'DONE',
      completedByName: 'Công chức tư pháp - hộ tịch phường Mỹ Bình',
      timeliness: expect.stringMatching(/EARLY|ON_TIME/),
    });
    expect(submitted.body.steps[2].status).toBe('SENT');
    const approved = await act(code, 'approve', 'lanhdao.mybinh', { version: submitted.body.version });
    const issued = await act(code, 'issue-result', 'lanhdao.mybinh', { version: approved.body.version });
    expect(issued.status).toBe(200);
    // The parallel stage opens both consultations at once.
    expect(issued.body.steps.filter((s: any) => s.stage === 3).map((s: any) => s.status)).toEqual(['SENT', 'SENT']);
    const [policeStep, insuranceStep] = issued.body.steps.filter((s: any) => s.stage === 3);

    // The result cannot be returned while the other agencies still work (409); the ward sees them waiting.
    const early = await act(code, 'return-result', 'tiepnhan.mybinh', { version: issued.body.version, returnMethod: 'IN_PERSON' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ROUTE_NOT_FINISHED');
    expect((await queue('waiting-for-others', 'lanhdao.mybinh')).map((i: any) => i.step.id).sort()).toEqual(
      [policeStep.id, insuranceStep.id].sort(),
    );

    // The police return the handover with a reason; the ward resends it; then both agencies finish.
    await stepAction(t.baseUrl, as('chuyenvien.congan'), code, policeStep.id, 'return', {
      reason: 'Thiếu thông tin nơi thường trú của mẹ',
    });
    expect((await notifications('lanhdao.mybinh')).items.some((n: any) => n.type === 'STEP_RETURNED' && n.dossierCode === code)).toBe(true);
    expect((await step(code, policeStep.id, 'resend', 'chuyenvien.congan')).status).toBe(404);
    await stepAction(t.baseUrl, as('lanhdao.mybinh'), code, policeStep.id, 'resend');
    await stepAction(t.baseUrl, as('chuyenvien.congan'), code, policeStep.id, 'accept');
    expect((await queue('in-progress', 'chuyenvien.congan')).map((i: any) => i.step.id)).toContain(policeStep.id);
    await stepAction(t.baseUrl, as('chuyenvien.congan'), code, policeStep.id, 'complete', { note: 'Đã đăng ký thường trú' });
    // A consulted agency keeps read access, without any dossier action.
    expect((await dossierOf(code, 'chuyenvien.congan')).allowedActions).toEqual([]);
    const afterPolice = await dossierOf(code);
    expect(afterPolice.steps[5].status).toBe('PENDING'); // the parallel stage closes only when both are done
    await stepAction(t.baseUrl, as('chuyenvien.bhxh'), code, insuranceStep.id, 'complete', { note: 'Đã cấp thẻ BHYT' });

    // Back at the desk: "to return", with a notification.
    expect((await queue('to-return', 'tiepnhan.mybinh')).map((i: any) => i.dossierCode)).toContain(code);
    expect((await notifications('tiepnhan.mybinh')).items.some((n: any) => n.type === 'DOSSIER_TO_RETURN' && n.dossierCode === code)).toBe(
      true,
    );
    const current = await dossierOf(code);
    const returned = await act(code, 'return-result', 'tiepnhan.mybinh', { version: current.version, returnMethod: 'IN_PERSON' });
    expect(returned.status).toBe(200);
    expect(returned.body.steps.every((s: any) => s.status === 'DONE')).toBe(true);

    // Every handover reached the outbox for the portals, in order.
    const types = (await db.query('SELECT type FROM outbox_events WHERE dossier_code = $1 ORDER BY id', [code])).rows.map(
      (r: any) => r.type,
    );
    expect(types[0]).toBe('dossier.received');
    expect(types).toEqual(
      expect.arrayContaining([
        'dossier.forwarded',
        'dossier.step-sent',
        'dossier.step-returned',
        'dossier.step-completed',
        'dossier.result-ready',
      ]),
    );
    expect(types.slice(-2)).toEqual(['dossier.returned', 'dossier.step-completed']); // returning closes the desk's step

    // Form 06: every handover, as data and as a PDF.
    const sheet = (await call(t.baseUrl, 'GET', `/api/dossiers/${code}/control-sheet`, { token: as('lanhdao.mybinh') })).body;
    expect(sheet.rows).toHaveLength(6);
    const policeRow = sheet.rows.find((r: any) => r.seq === policeStep.seq);
    expect(policeRow).toMatchObject({
      agencyName: expect.stringContaining('Công an'),
      givenBy: 'Chủ tịch UBND phường Mỹ Bình',
      receivedBy: 'Cán bộ Công an tỉnh',
      returnReason: 'Thiếu thông tin nơi thường trú của mẹ',
      result: expect.stringMatching(/EARLY|ON_TIME|LATE/),
    });
    const pdf = await fetch(`${t.baseUrl}/api/dossiers/${code}/forms/06`, { headers: { authorization: `Bearer ${as('lanhdao.mybinh')}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('flags a step that overruns its budget at once, tells its officer and leaders, and lists it as overdue', async () => {
    const d = await receiveAndForward();
    const review = sentStep(d);
    const officer = (await db.query("SELECT id FROM users WHERE username = 'chuyenvien.mybinh'")).rows[0].id;
    await stepAction(t.baseUrl, as('lanhdao.mybinh'), d.code, review.id, 'assign', { assigneeId: officer });
    await db.query("UPDATE dossier_steps SET due_at = now() - interval '1 hour', due_soon_at = now() - interval '2 hours' WHERE id = $1", [
      review.id,
    ]);
    const sweep = t.app.get(SlaSweepService);
    const [first, second] = [await sweep.sweep(), await sweep.sweep()];
    expect(first.stepsOverdue).toContain(review.id);
    expect(second.stepsOverdue).not.toContain(review.id); // flagged once
    expect((await queue('overdue', 'lanhdao.mybinh')).map((i: any) => i.step.id)).toContain(review.id);
    for (const who of ['chuyenvien.mybinh', 'lanhdao.mybinh']) {
      const overdue = (await notifications(who)).items.filter((n: any) => n.type === 'STEP_OVERDUE' && n.stepId === review.id);
      expect(overdue).toHaveLength(1);
    }
    expect((await dossierOf(d.code)).steps[1].timeliness).toBe('OVERDUE');
    // The bell: unread count, then mark all read.
    const before = await notifications('chuyenvien.mybinh');
    expect(before.unreadCount).toBeGreaterThan(0);
    await call(t.baseUrl, 'POST', '/api/notifications/read-all', { token: as('chuyenvien.mybinh') });
    expect((await notifications('chuyenvien.mybinh')).unreadCount).toBe(0);
  });

  it('never flags or announces the open step of a stopped dossier', async () => {
    const d = await receiveAndForward();
    const review = sentStep(d);
    const stopped = await act(d.code, 'stop', 'lanhdao.mybinh', { version: d.version, reason: 'Người nộp đã mất năng lực hành vi dân sự' });
    expect(stopped.status).toBe(200);
    await db.query("UPDATE dossier_steps SET due_at = now() - interval '1 hour', due_soon_at = now() - interval '2 hours' WHERE id = $1", [
      review.id,
    ]);
    const swept = await t.app.get(SlaSweepService).sweep();
    expect(swept.stepsOverdue).not.toContain(review.id);
    const overdue = (await notifications('lanhdao.mybinh')).items.filter((n: any) => n.type === 'STEP_OVERDUE' && n.stepId === review.id);
    expect(overdue).toHaveLength(0);
    // The stop cancelled the step: it is no longer work for the ward.
    expect(stopped.body.steps.find((s: any) => s.id === review.id)).toMatchObject({ status: 'CANCELLED', timeliness: null });
    expect((await queue('to-accept', 'chuyenvien.mybinh')).map((i: any) => i.step.id)).not.toContain(review.id);
  });

  it('cancels the rest of the route when a dossier stops, tells the agency holding a step, and keeps it readable there', async () => {
    const received = await receiveAtCounter(t.baseUrl, as('tiepnhan.ttpvhcc'), 'Lê Thị Dừng');
    const forwarded = await act(received.code, 'forward', 'tiepnhan.ttpvhcc', { version: received.version });
    expect(forwarded.status).toBe(200);
    const { code } = forwarded.body;
    const reviewed = await stepAction(t.baseUrl, as('chuyenvien.stp'), code, sentStep(forwarded.body).id, 'complete', {
      note: 'Đã tra cứu cơ sở dữ liệu',
    });
    const police = sentStep(reviewed);
    expect(police.agencyName).toContain('Công an');
    expect((await queue('to-accept', 'chuyenvien.congan')).map((i: any) => i.step.id)).toContain(police.id);

    const reason = 'Người yêu cầu đã chết';
    const stopped = await act(code, 'stop', 'lanhdao.stp', { version: reviewed.version, reason });
    expect(stopped.status).toBe(200);
    const notDone = stopped.body.steps.filter((s: any) => s.status !== 'DONE');
    expect(notDone.length).toBeGreaterThanOrEqual(2); // the police check and the steps after it
    for (const s of notDone) expect(s).toMatchObject({ status: 'CANCELLED', note: `Hồ sơ dừng xử lý: ${reason}` });

    // Gone from the police's queues; they hear of it once; the step can no longer be taken.
    for (const name of ['to-accept', 'in-progress', 'overdue']) {
      expect((await queue(name, 'lanhdao.congan')).map((i: any) => i.step.id)).not.toContain(police.id);
    }
    const told = (await notifications('lanhdao.congan')).items.filter((n: any) => n.type === 'STEP_CANCELLED' && n.dossierCode === code);
    expect(told).toHaveLength(1);
    expect(told[0].message).toContain('dừng xử lý');
    expect((await step(code, police.id, 'accept', 'chuyenvien.congan')).status).toBe(409);
    // The police keep read access to a dossier that reached them; Form 06 records the cancelled steps.
    expect((await call(t.baseUrl, 'GET', `/api/dossiers/${code}`, { token: as('chuyenvien.congan') })).status).toBe(200);
    const sheet = await call(t.baseUrl, 'GET', `/api/dossiers/${code}/control-sheet`, { token: as('lanhdao.stp') });
    expect(sheet.status).toBe(200);
    const policeRow = sheet.body.rows.find((r: any) => r.seq === police.seq);
    expect(policeRow).toMatchObject({ status: 'CANCELLED', result: null, note: `Hồ sơ dừng xử lý: ${reason}` });
  });

  it('counts each queue for the caller’s agency only, and rejects an unknown queue', async () => {
    await receiveAndForward();
    const ward = (await call(t.baseUrl, 'GET', '/api/queues', { token: as('chuyenvien.mybinh') })).body;
    expect(ward.items.find((q: any) => q.queue === 'to-accept').count).toBeGreaterThanOrEqual(1);
    const district = (await call(t.baseUrl, 'GET', '/api/queues', { token: as('tiepnhan.longxuyen') })).body;
    // Long Xuyên's subtree contains the ward: a district sees its wards' work.
    expect(district.items.find((q: any) => q.queue === 'to-accept').count).toBeGreaterThanOrEqual(1);
    const police = (await call(t.baseUrl, 'GET', '/api/queues', { token: as('lanhdao.congan') })).body;
    expect(police.items.find((q: any) => q.queue === 'to-accept').count).toBe(0);
    const unknown = await call(t.baseUrl, 'GET', '/api/queues/everything', { token: as('lanhdao.congan') });
    expect(unknown.status).toBe(400);
  });
});
