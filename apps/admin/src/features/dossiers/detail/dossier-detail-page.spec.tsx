import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';
import { CODE, dossier } from '../dossier-fixtures';

const PATH = `/ho-so/${CODE}`;

function stubApi(routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['SPECIALIST'], { username: 'chuyenvien.stp' }) },
    'GET /api/health': HEALTHY,
    'GET /api/dossiers/{code}/attachments': { status: 200, body: [] },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const IN_PROCESS = dossier({
  status: 'IN_PROCESS',
  statusCode: 4,
  statusText: 'Đang giải quyết',
  stage: 'PROCESSING',
  version: 7,
  timeliness: 'DUE_SOON',
  workingMinutesLeft: 600,
  allowedActions: ['submit-for-approval', 'request-supplement', 'request-payment'],
});

function actionPosts(api: ReturnType<typeof stubApi>) {
  return api.calls.filter((call) => call.method === 'POST' && call.path.includes('/actions/'));
}

describe('dossier detail', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows status, timeliness, due time and working time left, the allowed actions, and the forms whose action happened', async () => {
    stubApi({ 'GET /api/dossiers/{code}': { status: 200, body: IN_PROCESS } });
    renderApp(PATH);
    const header = await screen.findByTestId('dossier-header');
    expect(within(header).getByTestId('dossier-code').textContent).toContain(CODE);
    expect(within(header).getByText('Đang giải quyết')).toBeTruthy();
    const timeliness = within(header).getByTestId('dossier-timeliness');
    expect(timeliness.textContent).toBe('Sắp đến hạn');
    expect(timeliness.className).toContain('gold');
    expect(within(header).getByTestId('dossier-due').textContent).toBe('23/03/2026 09:00');
    expect(within(header).getByTestId('dossier-time-left').textContent).toBe('Còn 1 ngày 2 giờ làm việc');

    const actions = screen.getByTestId('dossier-actions');
    expect(within(actions).getByRole('button', { name: 'Trình lãnh đạo phê duyệt' })).toBeTruthy();
    expect(within(actions).getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' })).toBeTruthy();
    expect(within(actions).getByRole('button', { name: 'Thông báo nghĩa vụ tài chính' })).toBeTruthy();
    expect(within(actions).queryByRole('button', { name: 'Chuyển cơ quan giải quyết' })).toBeNull();
    // Mẫu 01 (the intake happened) and the control sheet; no supplement request yet, so no Mẫu 02.
    expect(screen.getByTestId('print-form-01')).toBeTruthy();
    expect(screen.getByTestId('print-form-06')).toBeTruthy();
    expect(screen.queryByTestId('print-form-02')).toBeNull();
    expect(within(screen.getByTestId('dossier-timeline')).getByText('Tiếp nhận hồ sơ')).toBeTruthy();
  });

  it('asks for the reason a supplement request requires before sending it with the dossier’s version', async () => {
    const api = stubApi({
      'GET /api/dossiers/{code}': { status: 200, body: IN_PROCESS },
      'POST /api/dossiers/{code}/actions/{action}': {
        status: 200,
        body: dossier({ status: 'SUPPLEMENT_REQUESTED', statusCode: 5, version: 8, allowedActions: ['receive-supplement'] }),
      },
    });
    renderApp(PATH);
    fireEvent.click(await screen.findByTestId('action-request-supplement'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Thao tác này lập Mẫu 02, in được sau khi thực hiện.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do')).toBeTruthy();
    expect(actionPosts(api)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Thiếu bản chụp Căn cước của người yêu cầu' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }));
    await waitFor(() => expect(actionPosts(api)).toHaveLength(1));
    expect(actionPosts(api)[0].path).toBe(`/api/dossiers/${CODE}/actions/request-supplement`);
    expect(actionPosts(api)[0].body).toEqual({ version: 7, reason: 'Thiếu bản chụp Căn cước của người yêu cầu' });
    expect(await screen.findByText(`Đã thực hiện “Yêu cầu bổ sung hồ sơ” cho hồ sơ ${CODE}`)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('reloads the dossier and says so when someone else changed it meanwhile (409 STALE_VERSION)', async () => {
    let reads = 0;
    const api = stubApi({
      'GET /api/dossiers/{code}': () => {
        reads += 1;
        return { status: 200, body: reads === 1 ? IN_PROCESS : { ...IN_PROCESS, version: 8, stage: 'APPROVAL', allowedActions: [] } };
      },
      'POST /api/dossiers/{code}/actions/{action}': problem(
        409,
        'STALE_VERSION',
        'Hồ sơ vừa được người khác cập nhật. Tải lại hồ sơ rồi thực hiện lại.',
        [],
        {
          currentVersion: 8,
        },
      ),
    });
    renderApp(PATH);
    fireEvent.click(await screen.findByTestId('action-submit-for-approval'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trình lãnh đạo phê duyệt' }));
    expect(await screen.findByText('Hồ sơ vừa được người khác cập nhật. Đã tải lại hồ sơ; hãy xem lại rồi thực hiện lại.')).toBeTruthy();
    expect(actionPosts(api)[0].body).toEqual({ version: 7 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The reloaded dossier no longer offers the action.
    expect(await screen.findByText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.')).toBeTruthy();
    expect(reads).toBe(2);
  });

  it('shows in the dialog why the route does not allow the action yet (409 ROUTE_NOT_FINISHED)', async () => {
    const detail =
      'Chưa thể trả kết quả: bước “Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi” của Bảo hiểm xã hội tỉnh An Giang chưa hoàn thành.';
    const api = stubApi({
      'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION']) },
      'GET /api/dossiers/{code}': {
        status: 200,
        body: dossier({ status: 'RESULT_READY', statusCode: 9, version: 12, allowedActions: ['return-result'] }),
      },
      'POST /api/dossiers/{code}/actions/{action}': problem(409, 'ROUTE_NOT_FINISHED', detail),
    });
    renderApp(PATH);
    fireEvent.click(await screen.findByTestId('action-return-result'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả kết quả' }));
    expect((await within(dialog).findByTestId('action-error')).textContent).toContain(detail);
    expect(actionPosts(api)).toHaveLength(1);
    // The dialog stays open: the official reads why and closes it.
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('asks how the result is returned before returning it', async () => {
    const api = stubApi({
      'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION']) },
      'GET /api/dossiers/{code}': {
        status: 200,
        body: dossier({ status: 'RESULT_READY', statusCode: 9, version: 12, allowedActions: ['return-result'] }),
      },
      'POST /api/dossiers/{code}/actions/{action}': {
        status: 200,
        body: dossier({ status: 'RETURNED', statusCode: 10, version: 13, allowedActions: [] }),
      },
    });
    renderApp(PATH);
    fireEvent.click(await screen.findByTestId('action-return-result'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('Qua dịch vụ bưu chính'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trả kết quả' }));
    await waitFor(() => expect(actionPosts(api)[0]?.body).toEqual({ version: 12, returnMethod: 'POST' }));
  });
});
