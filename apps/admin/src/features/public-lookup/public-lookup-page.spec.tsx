import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const CODE = '000.00.22.H01-260309-0007';
const SECRET = 'K7P2QX9M';

function publicDossier(overrides: Partial<Schemas['PublicDossierResponse']> = {}): Schemas['PublicDossierResponse'] {
  return {
    code: CODE,
    procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    statusCode: 4,
    statusText: 'Đang giải quyết',
    applicantName: 'Nguyễn V. A.',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
    currentAgencyName: 'Sở Tư pháp tỉnh An Giang',
    receivedAt: '2026-03-09T02:00:00.000Z',
    appointmentAt: '2026-03-23T02:00:00.000Z',
    resultReady: false,
    resultReturned: false,
    electronicResultAvailable: false,
    ...overrides,
  };
}

/** Nobody is signed in: the refresh fails, the page works all the same. */
function stubApi(lookup: FakeRoute) {
  const api = createFakeApi({
    'POST /api/auth/refresh': problem(401, 'UNAUTHENTICATED', 'The session has ended.'),
    'GET /api/health': HEALTHY,
    'GET /api/public/dossiers/{code}': lookup,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

function lookups(api: ReturnType<typeof stubApi>) {
  return api.calls.filter((call) => call.path.startsWith('/api/public/dossiers/'));
}

describe('public dossier lookup', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('looks up at once the dossier of the receipt’s QR link, without signing in', async () => {
    const api = stubApi({ status: 200, body: publicDossier() });
    renderApp(`/tra-cuu?ma=${encodeURIComponent(CODE)}&secret=k7p2qx9m`);
    const card = await screen.findByTestId('lookup-result');
    expect(within(card).getByTestId('lookup-status').textContent).toBe('Đang giải quyết');
    expect(within(card).getByText('Nguyễn V. A.')).toBeTruthy();
    expect(within(card).getByTestId('lookup-appointment').textContent).toBe('23/03/2026 09:00');
    expect(within(card).getByText('Sở Tư pháp tỉnh An Giang')).toBeTruthy();
    expect(within(card).queryByTestId('lookup-download')).toBeNull();
    expect(lookups(api)).toHaveLength(1);
    expect(lookups(api)[0].path).toBe(`/api/public/dossiers/${CODE}`);
    expect(lookups(api)[0].search.get('secret')).toBe(SECRET);
    expect(lookups(api)[0].authorization).toBeNull();
    // Still on the public page: nobody was sent to the login.
    expect(screen.queryByLabelText('Mật khẩu')).toBeNull();
  });

  it('says the dossier was not found when the code or the secret is wrong (404)', async () => {
    stubApi(problem(404, 'DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ.'));
    renderApp('/tra-cuu');
    fireEvent.change(await screen.findByTestId('lookup-code'), { target: { value: ` ${CODE} ` } });
    fireEvent.change(screen.getByTestId('lookup-secret'), { target: { value: 'WRONG123' } });
    fireEvent.click(screen.getByTestId('lookup-submit'));
    const error = await screen.findByTestId('lookup-error');
    expect(error.textContent).toContain('Không tìm thấy hồ sơ');
    expect(error.textContent).toContain('Kiểm tra lại mã hồ sơ và mã tra cứu in trên giấy tiếp nhận.');
    expect(screen.queryByTestId('lookup-result')).toBeNull();
  });

  it('says the result was returned and offers the electronic result for download', async () => {
    stubApi({
      status: 200,
      body: publicDossier({
        statusCode: 10,
        statusText: 'Đã trả kết quả',
        resultReady: true,
        resultReturned: true,
        electronicResultAvailable: true,
      }),
    });
    renderApp('/tra-cuu');
    fireEvent.change(await screen.findByTestId('lookup-code'), { target: { value: CODE } });
    fireEvent.change(screen.getByTestId('lookup-secret'), { target: { value: SECRET } });
    fireEvent.click(screen.getByTestId('lookup-submit'));
    const card = await screen.findByTestId('lookup-result');
    expect(within(card).getByTestId('lookup-status').textContent).toBe('Đã trả kết quả');
    expect(within(card).getByText('Kết quả đã được trả cho người nộp.')).toBeTruthy();
    expect(within(card).getByTestId('lookup-download').getAttribute('href')).toBe(
      `/api/public/dossiers/${encodeURIComponent(CODE)}/result?secret=${SECRET}`,
    );
    // The appointment no longer matters once the result is returned.
    expect(within(card).queryByTestId('lookup-appointment')).toBeNull();
  });
});
