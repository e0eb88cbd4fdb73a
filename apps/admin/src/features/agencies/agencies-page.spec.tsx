import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

type Agency = Schemas['AgencyResponse'];

function agency(id: string, name: string, level: Agency['level'], parentId: string | null, overrides: Partial<Agency> = {}): Agency {
  return {
    id,
    code: `000.00.${id.slice(-2)}.H01`,
    name,
    shortName: null,
    level,
    parentId,
    isReceptionPoint: false,
    address: null,
    phone: null,
    successorId: null,
    validFrom: null,
    validTo: null,
    version: 1,
    ...overrides,
  };
}

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const PROVINCE = agency(id(1), 'Ủy ban nhân dân tỉnh An Giang', 'PROVINCE', null);
const JUSTICE = agency(id(10), 'Sở Tư pháp tỉnh An Giang', 'DEPARTMENT', id(1));
const CHAU_DOC = agency(id(32), 'Ủy ban nhân dân thành phố Châu Đốc', 'DISTRICT', id(1), { isReceptionPoint: true });
const NUI_SAM = agency(id(33), 'Ủy ban nhân dân phường Núi Sam', 'COMMUNE', id(32), { isReceptionPoint: true });
const LONG_XUYEN = agency(id(31), 'Ủy ban nhân dân thành phố Long Xuyên', 'DISTRICT', id(1));
const AGENCIES = [PROVINCE, JUSTICE, CHAU_DOC, NUI_SAM, LONG_XUYEN];

function stubApi(routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['ADMIN']) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: AGENCIES },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function moveNuiSamToLongXuyen(): Promise<HTMLElement> {
  renderApp('/co-quan');
  fireEvent.change(await screen.findByPlaceholderText(/Tìm theo tên, tên viết tắt/), { target: { value: 'nui sam' } });
  fireEvent.click(await screen.findByText('Ủy ban nhân dân phường Núi Sam'));
  const drawer = await screen.findByRole('dialog');
  fireEvent.mouseDown(within(drawer).getByLabelText('Cơ quan cấp trên'));
  fireEvent.click(await screen.findByTitle('Ủy ban nhân dân thành phố Long Xuyên'));
  return drawer;
}

describe('agencies page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('finds an agency typed without diacritics and keeps the path to it', async () => {
    stubApi();
    renderApp('/co-quan');
    expect(await screen.findByText('Sở Tư pháp tỉnh An Giang')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText(/Tìm theo tên, tên viết tắt/), { target: { value: 'nui sam' } });
    expect(await screen.findByText('Ủy ban nhân dân phường Núi Sam')).toBeTruthy();
    expect(screen.getByText('1 cơ quan phù hợp')).toBeTruthy();
    expect(screen.getByText('Ủy ban nhân dân thành phố Châu Đốc')).toBeTruthy();
    expect(screen.queryByText('Sở Tư pháp tỉnh An Giang')).toBeNull();
    expect(screen.queryByText('Ủy ban nhân dân thành phố Long Xuyên')).toBeNull();
  });

  it('shows what moves with an agency given a new parent, and moves it after a confirmation', async () => {
    const api = stubApi({
      'PATCH /api/agencies/{id}': (_request, body) => ({ status: 200, body: { ...NUI_SAM, ...(body as object), version: 2 } }),
    });
    const drawer = await moveNuiSamToLongXuyen();
    const preview = await within(drawer).findByTestId('agency-move-preview');
    expect(preview.textContent).toContain('Chuyển sang trực thuộc Ủy ban nhân dân thành phố Long Xuyên: 1 cơ quan sẽ chuyển theo');
    expect(within(preview).getByText('Ủy ban nhân dân phường Núi Sam')).toBeTruthy();

    fireEvent.click(within(drawer).getByTestId('agency-save'));
    fireEvent.click(await screen.findByText('Chuyển'));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    // Only what changed is sent, with the version read.
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ version: 1, parentId: LONG_XUYEN.id });
    expect(await screen.findByText('Đã lưu cơ quan Ủy ban nhân dân phường Núi Sam')).toBeTruthy();
  });

  it('says readably when someone else saved first, and reloads the latest version', async () => {
    stubApi({
      'PATCH /api/agencies/{id}': problem(409, 'STALE_VERSION', 'Bản ghi đã được người khác cập nhật. Tải lại và thử lại.', [], {
        currentVersion: 2,
      }),
      'GET /api/agencies/{id}': { status: 200, body: { ...NUI_SAM, name: 'Ủy ban nhân dân phường Núi Sam (mới)', version: 2 } },
    });
    const drawer = await moveNuiSamToLongXuyen();
    fireEvent.click(within(drawer).getByTestId('agency-save'));
    fireEvent.click(await screen.findByText('Chuyển'));
    expect(await within(drawer).findByText('Cơ quan vừa được người khác cập nhật')).toBeTruthy();
    expect((within(drawer).getByTestId('agency-save') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(drawer).getByText('Tải lại bản mới nhất'));
    await waitFor(() =>
      expect((within(drawer).getByLabelText('Tên cơ quan') as HTMLInputElement).value).toBe('Ủy ban nhân dân phường Núi Sam (mới)'),
    );
    expect(within(drawer).queryByText('Cơ quan vừa được người khác cập nhật')).toBeNull();
    expect(within(drawer).getByText('Phiên bản dữ liệu: 2')).toBeTruthy();
  });

  it('shows the readable reason of a move into its own subtree', async () => {
    stubApi({
      'PATCH /api/agencies/{id}': problem(
        409,
        'AGENCY_CYCLE',
        'Không thể chuyển một cơ quan vào dưới chính nó hoặc cơ quan trực thuộc nó.',
        [{ field: 'parentId', rule: 'noCycle', message: 'Tạo vòng lặp trong cây cơ quan' }],
      ),
    });
    const drawer = await moveNuiSamToLongXuyen();
    fireEvent.click(within(drawer).getByTestId('agency-save'));
    fireEvent.click(await screen.findByText('Chuyển'));
    expect(await within(drawer).findByText('Tạo vòng lặp trong cây cơ quan')).toBeTruthy();
    expect(within(drawer).getByTestId('agency-form-error').textContent).toContain('Không thể chuyển một cơ quan vào dưới chính nó');
  });
});
