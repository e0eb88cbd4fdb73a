import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';
import { BHXH, CONG_AN, CONG_AN_ID, MY_BINH, ROUTE, ROUTED_CODE, routedDossier } from '../dossier-fixtures';

const PATH = `/ho-so/${ROUTED_CODE}`;
const CONG_AN_STEP = ROUTE[3];

function controlSheetOf(steps: readonly Schemas['DossierStepView'][]): Schemas['ControlSheet'] {
  return {
    code: ROUTED_CODE,
    procedureName: routedDossier().procedureName,
    rows: steps.map((s) => ({
      seq: s.seq,
      step: s.name,
      status: s.status,
      agencyName: s.agencyName,
      givenBy: s.sentByName,
      givenAt: s.sentAt,
      receivedBy: s.acceptedByName,
      receivedAt: s.acceptedAt,
      dueAt: s.dueAt,
      completedAt: s.completedAt,
      result: s.status === 'DONE' ? (s.timeliness as 'EARLY' | 'ON_TIME' | 'LATE') : null,
      returnReason: s.returnReason,
      note: s.note,
    })),
  };
}

const CONTROL_SHEET = controlSheetOf(ROUTE);

const STOPPED_AT = '2026-03-10T03:00:00.000Z';
const STOP_NOTE = 'Hồ sơ dừng xử lý: Cơ quan có thẩm quyền xác định hồ sơ không đủ điều kiện giải quyết';

/** The route after the dossier was stopped: every step not yet done is cancelled, when, by whom and why. */
const STOPPED_ROUTE = ROUTE.map((s) =>
  s.status === 'DONE'
    ? s
    : {
        ...s,
        status: 'CANCELLED' as const,
        completedAt: STOPPED_AT,
        completedByName: 'Chủ tịch UBND phường Mỹ Bình',
        note: STOP_NOTE,
        timeliness: null,
      },
);

/** An officer of Công an tỉnh (the agency of step 4). */
function congAn(role: Role) {
  return sessionOf([role], {
    username: role === 'LEADER' ? 'lanhdao.congan' : 'chuyenvien.congan',
    fullName: role === 'LEADER' ? 'Lãnh đạo Công an tỉnh' : 'Cán bộ Công an tỉnh',
    agencyId: CONG_AN_ID,
    agencyName: CONG_AN,
  });
}

function stubApi(role: Role, routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: congAn(role) },
    'GET /api/health': HEALTHY,
    'GET /api/notifications': { status: 200, body: { items: [], unreadCount: 0, nextCursor: null } },
    'GET /api/dossiers/{code}': { status: 200, body: routedDossier() },
    'GET /api/dossiers/{code}/attachments': { status: 200, body: [] },
    'GET /api/dossiers/{code}/control-sheet': { status: 200, body: CONTROL_SHEET },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

function stepPosts(api: ReturnType<typeof stubApi>) {
  return api.calls.filter((call) => call.method === 'POST' && call.path.includes('/steps/'));
}

/** The dossier after step 4 changed as the API would answer it. */
function withStep4(changes: Partial<Schemas['DossierStepView']>) {
  return routedDossier({ steps: ROUTE.map((s) => (s.seq === 4 ? { ...s, ...changes } : s)) });
}

// Whole-app renders with dialogs and selects: give the shared CI cores room.
describe('the route of a dossier across agencies', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each stage with its agencies side by side, who sent and accepted, time used against the budget and the step’s timeliness', async () => {
    stubApi('SPECIALIST');
    renderApp(PATH);
    const route = await screen.findByTestId('dossier-route');
    expect(within(route).getAllByTestId(/^route-step-/)).toHaveLength(6);

    const parallel = within(route).getByTestId('route-stage-4');
    expect(parallel.textContent).toContain('Bước 4 · Các cơ quan xử lý song song');
    const congAnStep = within(parallel).getByTestId('route-step-4');
    const bhxhStep = within(parallel).getByTestId('route-step-5');
    expect(within(congAnStep).getByTestId('step-agency').textContent).toBe(CONG_AN);
    expect(within(congAnStep).getByTestId('step-status').textContent).toBe('Chờ tiếp nhận');
    expect(congAnStep.textContent).toContain(`09/03/2026 14:00 · Chủ tịch UBND phường Mỹ Bình (từ ${MY_BINH})`);
    expect(within(congAnStep).getByTestId('step-time').textContent).toBe('Đã dùng 2 giờ làm việc / cho phép 1 ngày 4 giờ làm việc');
    expect(within(congAnStep).getByText('Trong hạn').className).toContain('green');
    expect(within(congAnStep).getByText('Chưa phân công')).toBeTruthy();

    expect(within(bhxhStep).getByTestId('step-agency').textContent).toBe(BHXH);
    expect(within(bhxhStep).getByTestId('step-status').textContent).toBe('Đang xử lý');
    expect(within(bhxhStep).getByText('Chuyên viên BHXH tỉnh')).toBeTruthy();
    expect(within(bhxhStep).getByText('Quá hạn').className).toContain('red');
    // 9 working hours used of 8 allowed: the figure is red.
    expect(within(bhxhStep).getByTestId('step-time').className).toContain('danger');

    const first = within(route).getByTestId('route-step-1');
    expect(within(first).getByTestId('step-status').textContent).toBe('Đã hoàn thành');
    expect(within(first).getByText('Trước hạn').className).toContain('green');
    expect(within(route).getByTestId('route-step-6').textContent).toContain('Chưa đến lượt');
  });

  it('offers the Công an officer the buttons of its own step only, and accepts it', async () => {
    let current = routedDossier();
    const api = stubApi('SPECIALIST', {
      'GET /api/dossiers/{code}': () => ({ status: 200, body: current }),
      'POST /api/dossiers/{code}/steps/{stepId}/{action}': () => {
        current = withStep4({ status: 'ACCEPTED', acceptedAt: '2026-03-10T01:00:00.000Z', acceptedByName: 'Cán bộ Công an tỉnh' });
        return { status: 200, body: current };
      },
    });
    renderApp(PATH);
    const congAnStep = await screen.findByTestId('route-step-4');
    const buttons = within(congAnStep)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(buttons).toEqual(['Tiếp nhận', 'Nhận xử lý', 'Trả lại']);
    expect(within(screen.getByTestId('route-step-5')).queryAllByRole('button')).toHaveLength(0);
    expect(within(screen.getByTestId('route-step-6')).queryAllByRole('button')).toHaveLength(0);

    fireEvent.click(within(congAnStep).getByRole('button', { name: 'Tiếp nhận' }));
    expect(await screen.findByText('Đã thực hiện “Tiếp nhận” cho bước “Đăng ký thường trú cho trẻ em”')).toBeTruthy();
    expect(stepPosts(api)).toHaveLength(1);
    expect(stepPosts(api)[0].path).toBe(`/api/dossiers/${ROUTED_CODE}/steps/${CONG_AN_STEP.id}/accept`);
    expect(stepPosts(api)[0].body).toEqual({});
    // Accepted: now it can be completed.
    await waitFor(() => expect(within(screen.getByTestId('route-step-4')).getByTestId('step-status').textContent).toBe('Đang xử lý'));
    expect(within(screen.getByTestId('route-step-4')).getByRole('button', { name: 'Hoàn thành' })).toBeTruthy();
  });

  it('refuses to return a step without a reason, then sends the reason and shows it on the step', async () => {
    let current = routedDossier();
    const api = stubApi('SPECIALIST', {
      'GET /api/dossiers/{code}': () => ({ status: 200, body: current }),
      'POST /api/dossiers/{code}/steps/{stepId}/{action}': (_request, body) => {
        current = withStep4({
          status: 'RETURNED',
          returnedAt: '2026-03-10T01:00:00.000Z',
          returnReason: (body as { reason: string }).reason,
        });
        return { status: 200, body: current };
      },
    });
    renderApp(PATH);
    fireEvent.click(within(await screen.findByTestId('route-step-4')).getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        `Bước “Đăng ký thường trú cho trẻ em” được trả về ${MY_BINH} kèm lý do; cơ quan đã gửi bổ sung, sửa rồi gửi lại.`,
      ),
    ).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Lý do trả lại'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do trả lại')).toBeTruthy();
    expect(stepPosts(api)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Lý do trả lại'), { target: { value: '  Thiếu địa chỉ thường trú của người mẹ ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(stepPosts(api)).toHaveLength(1));
    expect(stepPosts(api)[0].path).toBe(`/api/dossiers/${ROUTED_CODE}/steps/${CONG_AN_STEP.id}/return`);
    expect(stepPosts(api)[0].body).toEqual({ reason: 'Thiếu địa chỉ thường trú của người mẹ' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const returned = await screen.findByTestId('step-return-reason');
    expect(returned.textContent).toContain('Thiếu địa chỉ thường trú của người mẹ');
    expect(within(screen.getByTestId('route-step-4')).getByTestId('step-status').textContent).toBe('Bị trả lại');
  });

  it('lets the agency’s leader assign the step to one of its active officers', async () => {
    const api = stubApi('LEADER', {
      'GET /api/users': {
        status: 200,
        body: {
          items: [
            user('a1', 'chuyenvien.congan', 'Cán bộ Công an tỉnh', ['SPECIALIST']),
            user('a2', 'lanhdao.congan', 'Lãnh đạo Công an tỉnh', ['LEADER']),
            user('a3', 'tiepnhan.congan', 'Văn thư Công an tỉnh', ['RECEPTION']),
          ],
          nextCursor: null,
        },
      },
      'POST /api/dossiers/{code}/steps/{stepId}/{action}': {
        status: 200,
        body: withStep4({ status: 'ACCEPTED', assigneeName: 'Cán bộ Công an tỉnh' }),
      },
    });
    renderApp(PATH);
    const congAnStep = await screen.findByTestId('route-step-4');
    expect(
      within(congAnStep)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Tiếp nhận', 'Nhận xử lý', 'Phân công', 'Trả lại']);
    fireEvent.click(within(congAnStep).getByRole('button', { name: 'Phân công' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phân công' }));
    expect(await within(dialog).findByText('Vui lòng chọn cán bộ xử lý')).toBeTruthy();

    fireEvent.mouseDown(within(dialog).getByLabelText('Cán bộ xử lý'));
    fireEvent.click(await screen.findByTitle('Cán bộ Công an tỉnh (chuyenvien.congan)'));
    // Only specialists and leaders may handle a step.
    expect(screen.queryByTitle('Văn thư Công an tỉnh (tiepnhan.congan)')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phân công' }));
    await waitFor(() => expect(stepPosts(api)).toHaveLength(1));
    expect(stepPosts(api)[0].path).toBe(`/api/dossiers/${ROUTED_CODE}/steps/${CONG_AN_STEP.id}/assign`);
    expect(stepPosts(api)[0].body).toEqual({ assigneeId: 'a1' });
    const officers = api.calls.find((call) => call.path === '/api/users');
    expect(officers?.search.get('agencyId')).toBe(CONG_AN_ID);
    expect(officers?.search.get('active')).toBe('true');
  });

  it('says why the API refused to complete a step assigned to someone else (403) and reloads the dossier', async () => {
    let reads = 0;
    const accepted = withStep4({ status: 'ACCEPTED', acceptedAt: '2026-03-10T01:00:00.000Z' });
    const api = stubApi('SPECIALIST', {
      'GET /api/dossiers/{code}': () => {
        reads += 1;
        return { status: 200, body: accepted };
      },
      'POST /api/dossiers/{code}/steps/{stepId}/{action}': problem(403, 'FORBIDDEN', 'Bước này được phân công cho Cán bộ Công an B.'),
    });
    renderApp(PATH);
    fireEvent.click(within(await screen.findByTestId('route-step-4')).getByRole('button', { name: 'Hoàn thành' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Kết quả xử lý, ghi chú (không bắt buộc)'), {
      target: { value: 'Đã đăng ký thường trú' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hoàn thành' }));
    expect(await screen.findByText('Bước này được phân công cho Cán bộ Công an B.')).toBeTruthy();
    expect(stepPosts(api)[0].path).toBe(`/api/dossiers/${ROUTED_CODE}/steps/${CONG_AN_STEP.id}/complete`);
    expect(stepPosts(api)[0].body).toEqual({ note: 'Đã đăng ký thường trú' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(reads).toBe(2));
  });

  it('shows the steps a stop cancelled as stopped, when, by whom and why, without due time, timeliness or buttons', async () => {
    stubApi('LEADER', {
      'GET /api/dossiers/{code}': {
        status: 200,
        body: routedDossier({ status: 'STOPPED', statusCode: 8, statusText: 'Dừng giải quyết', steps: STOPPED_ROUTE }),
      },
      'GET /api/dossiers/{code}/control-sheet': { status: 200, body: controlSheetOf(STOPPED_ROUTE) },
    });
    renderApp(PATH);
    const route = await screen.findByTestId('dossier-route');
    for (const seq of [4, 5, 6]) {
      const cancelled = within(route).getByTestId(`route-step-${seq}`);
      expect(cancelled.getAttribute('data-status')).toBe('CANCELLED');
      expect(within(cancelled).getByTestId('step-status').textContent).toBe('Đã dừng');
      expect(within(cancelled).getByTestId('step-completed').textContent).toBe('10/03/2026 10:00 · Chủ tịch UBND phường Mỹ Bình');
      expect(within(cancelled).getByText('Dừng xử lý')).toBeTruthy();
      expect(within(cancelled).getByText('Lý do dừng')).toBeTruthy();
      expect(within(cancelled).getByTestId('step-note').textContent).toBe(STOP_NOTE);
      expect(within(cancelled).queryByText('Hạn của bước')).toBeNull();
      expect(within(cancelled).queryByTestId('dossier-timeliness')).toBeNull();
      expect(within(cancelled).queryAllByRole('button')).toHaveLength(0);
    }
    // Who had the BHXH step is kept; nobody had the Công an step.
    expect(within(route).getByTestId('route-step-5').textContent).toContain('Chuyên viên BHXH tỉnh');
    expect(within(route).getByTestId('route-step-4').textContent).not.toContain('Chưa phân công');
    // 9 working hours used of 8: not flagged, the step no longer runs against its budget.
    expect(within(route).getByTestId('route-step-5').querySelector('[data-testid="step-time"]')?.className).not.toContain('danger');
    expect(within(within(route).getByTestId('route-step-1')).getByTestId('step-status').textContent).toBe('Đã hoàn thành');

    const sheet = await screen.findByTestId('control-sheet');
    const cancelledRow = (await within(sheet).findByText('Đăng ký thường trú cho trẻ em')).closest('tr') as HTMLElement;
    expect(within(cancelledRow).getByTestId('control-sheet-cancelled').textContent).toBe('Đã dừng');
    expect(within(cancelledRow).getByText(STOP_NOTE)).toBeTruthy();
    const doneRow = within(sheet).getByText('Thẩm định hồ sơ, đăng ký khai sinh').closest('tr') as HTMLElement;
    expect(within(doneRow).queryByTestId('control-sheet-cancelled')).toBeNull();
    expect(within(doneRow).getByText('Trước hạn')).toBeTruthy();
    expect(within(sheet).getAllByTestId('control-sheet-cancelled')).toHaveLength(3);
  });

  it('lists every handover of the control sheet (Mẫu 06): who gave, who received, when, and the result', async () => {
    stubApi('SPECIALIST');
    renderApp(PATH);
    const sheet = await screen.findByTestId('control-sheet');
    expect(within(sheet).getByText('Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)')).toBeTruthy();
    const row = (await within(sheet).findByText('Thẩm định hồ sơ, đăng ký khai sinh')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Cán bộ một cửa phường Mỹ Bình')).toBeTruthy();
    expect(within(row).getByText('09/03/2026 08:20')).toBeTruthy();
    expect(within(row).getByText('Công chức tư pháp - hộ tịch phường Mỹ Bình')).toBeTruthy();
    expect(within(row).getByText('Trước hạn')).toBeTruthy();
    const congAnRow = within(sheet).getByText('Đăng ký thường trú cho trẻ em').closest('tr') as HTMLElement;
    expect(within(congAnRow).getByText('Chủ tịch UBND phường Mỹ Bình')).toBeTruthy();
    expect(congAnRow.textContent).toContain(CONG_AN);
    expect(within(sheet).getAllByRole('row')).toHaveLength(1 + ROUTE.length);
  });
});

function user(id: string, username: string, fullName: string, roles: Role[]): Schemas['UserResponse'] {
  return {
    id,
    username,
    fullName,
    email: null,
    phone: null,
    agencyId: CONG_AN_ID,
    agencyName: CONG_AN,
    roles,
    active: true,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}
