import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { comparison, LONG_XUYEN_ID, pilot, PILOT_ID } from './pilot-fixtures';

type Agency = Schemas['AgencyResponse'];

const PROVINCE_ID = '00000000-0000-4000-8000-0000000000a1';

function agency(id: string, name: string, parentId: string | null): Agency {
  return {
    id,
    code: `000.00.${id.slice(-2)}.H01`,
    name,
    shortName: null,
    level: parentId ? 'DISTRICT' : 'PROVINCE',
    parentId,
    isReceptionPoint: false,
    address: null,
    phone: null,
    successorId: null,
    validFrom: null,
    validTo: null,
    version: 1,
  };
}

const AGENCIES = [
  agency(PROVINCE_ID, 'Ủy ban nhân dân tỉnh An Giang', null),
  agency(LONG_XUYEN_ID, 'Ủy ban nhân dân thành phố Long Xuyên', PROVINCE_ID),
  agency('00000000-0000-4000-8000-000000000032', 'Ủy ban nhân dân thành phố Châu Đốc', PROVINCE_ID),
];

function stubApi(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles, { agencyId: PROVINCE_ID }) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: AGENCIES },
    'GET /api/procedures': { status: 200, body: { items: [], nextCursor: null } },
    'GET /api/pilots': { status: 200, body: { items: [pilot()], nextCursor: null } },
    'GET /api/pilots/{id}': { status: 200, body: pilot() },
    'GET /api/pilots/{id}/comparison': { status: 200, body: comparison() },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function typeDate(form: HTMLElement, label: string, value: string) {
  const input = within(form).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

/** Picks an agency under the province in the tree, opening the province's branch if the list shows it closed. */
async function chooseAgency(form: HTMLElement, name: string) {
  fireEvent.mouseDown(within(form).getByLabelText('Cơ quan thí điểm'));
  await screen.findByTitle('Ủy ban nhân dân tỉnh An Giang');
  const closed = document.querySelector('.ant-select-dropdown .ant-select-tree-switcher_close');
  if (!screen.queryByTitle(name) && closed) fireEvent.click(closed);
  fireEvent.click(await screen.findByTitle(name));
}

const writes = (api: ReturnType<typeof stubApi>, method: string) =>
  api.calls.filter((call) => call.method === method && call.path.startsWith('/api/pilots'));

describe('pilot models', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a leader the pilot and its comparison, without editing', async () => {
    stubApi(['LEADER']);
    renderApp('/thi-diem');
    fireEvent.click(await screen.findByRole('link', { name: 'Thí điểm một cửa liên thông hộ kinh doanh tại Long Xuyên' }));
    expect((await screen.findByTestId('pilot-name')).textContent).toBe('Thí điểm một cửa liên thông hộ kinh doanh tại Long Xuyên');
    expect(screen.getByTestId('pilot-status').textContent).toBe('Đã kết thúc');
    expect(screen.getByText('01/06/2026 – 30/06/2026')).toBeTruthy();
    const table = await screen.findByTestId('pilot-comparison-table');
    expect(within(table).getAllByText('100%')).not.toHaveLength(0);
    expect(screen.getByTestId('pilot-comparison-chart')).toBeTruthy();
    expect(screen.queryByTestId('pilot-edit')).toBeNull();
    expect(screen.queryByTestId('pilot-create')).toBeNull();
  });

  it('lets an administrator record a pilot over several agencies, open-ended, and opens it', async () => {
    const api = stubApi(['ADMIN'], {
      'POST /api/pilots': (_request, body) => ({ status: 201, body: pilot({ ...(body as object), endsOn: null, status: 'RUNNING' }) }),
    });
    renderApp('/thi-diem');
    fireEvent.click(await screen.findByTestId('pilot-create'));
    const form = await screen.findByTestId('pilot-form');
    fireEvent.change(within(form).getByLabelText('Tên mô hình'), { target: { value: 'Thí điểm trả kết quả tại nhà' } });
    fireEvent.change(within(form).getByLabelText('Văn bản quyết định'), { target: { value: 'Quyết định số 12/QĐ-UBND' } });
    await chooseAgency(form, 'Ủy ban nhân dân thành phố Long Xuyên');
    await chooseAgency(form, 'Ủy ban nhân dân thành phố Châu Đốc');
    await typeDate(form, 'Ngày bắt đầu', '01/07/2026');
    fireEvent.click(screen.getByTestId('pilot-save'));

    await waitFor(() => expect(writes(api, 'POST')).toHaveLength(1));
    expect(writes(api, 'POST')[0].body).toEqual({
      name: 'Thí điểm trả kết quả tại nhà',
      decisionRef: 'Quyết định số 12/QĐ-UBND',
      agencyIds: [LONG_XUYEN_ID, '00000000-0000-4000-8000-000000000032'],
      procedureCodes: [],
      startsOn: '2026-07-01',
    });
    expect(await screen.findByText('Đã thêm mô hình “Thí điểm trả kết quả tại nhà”')).toBeTruthy();
    // Its page; an administrator does not read reports, so the comparison is not offered.
    expect(await screen.findByTestId('pilot-comparison-needs-reports')).toBeTruthy();
    expect(api.calls.some((call) => call.path.endsWith('/comparison'))).toBe(false);
  });

  it('puts the API’s refusal of an agency on the agencies field', async () => {
    const api = stubApi(['ADMIN'], {
      'POST /api/pilots': problem(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ', [
        { field: 'agencyIds.0', rule: 'exists', message: 'Không có cơ quan với mã này' },
      ]),
    });
    renderApp('/thi-diem');
    fireEvent.click(await screen.findByTestId('pilot-create'));
    const form = await screen.findByTestId('pilot-form');
    fireEvent.change(within(form).getByLabelText('Tên mô hình'), { target: { value: 'Thí điểm trả kết quả tại nhà' } });
    fireEvent.change(within(form).getByLabelText('Văn bản quyết định'), { target: { value: 'Quyết định số 12/QĐ-UBND' } });
    await chooseAgency(form, 'Ủy ban nhân dân thành phố Long Xuyên');
    await typeDate(form, 'Ngày bắt đầu', '01/07/2026');
    fireEvent.click(screen.getByTestId('pilot-save'));
    await waitFor(() => expect(writes(api, 'POST')).toHaveLength(1));
    const field = within(form).getByLabelText('Cơ quan thí điểm').closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText('Không có cơ quan với mã này')).toBeTruthy();
  });

  it('saves an edit with the version read and says so when someone saved first', async () => {
    const api = stubApi(['ADMIN', 'LEADER'], {
      'PATCH /api/pilots/{id}': problem(409, 'STALE_VERSION', 'Mô hình đã được sửa bởi người khác', [], { currentVersion: 2 }),
    });
    renderApp(`/thi-diem/${PILOT_ID}`);
    fireEvent.click(await screen.findByTestId('pilot-edit'));
    const form = await screen.findByTestId('pilot-form');
    fireEvent.change(within(form).getByLabelText('Tên mô hình'), { target: { value: 'Tên mới của mô hình' } });
    fireEvent.click(screen.getByTestId('pilot-save'));
    await waitFor(() => expect(writes(api, 'PATCH')).toHaveLength(1));
    expect(writes(api, 'PATCH')[0].body).toEqual({
      name: 'Tên mới của mô hình',
      decisionRef: 'Quyết định số 3455/QĐ-UBND ngày 15/12/2025 của UBND tỉnh An Giang',
      agencyIds: [LONG_XUYEN_ID],
      procedureCodes: ['2.000720'],
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      version: 1,
    });
    expect(await screen.findByTestId('pilot-stale')).toBeTruthy();
  });

  it('says a planned pilot has nothing to compare yet, without asking for the comparison', async () => {
    const api = stubApi(['LEADER'], {
      'GET /api/pilots/{id}': { status: 200, body: pilot({ status: 'PLANNED', startsOn: '2027-01-01' }) },
    });
    renderApp(`/thi-diem/${PILOT_ID}`);
    expect(await screen.findByText('Mô hình chưa bắt đầu, chưa có số liệu so sánh')).toBeTruthy();
    expect(api.calls.some((call) => call.path.endsWith('/comparison'))).toBe(false);
  });
});
