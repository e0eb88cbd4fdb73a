import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

const PROVINCE = '00000000-0000-4000-8000-0000000000a0';
const CENTER = '00000000-0000-4000-8000-0000000000a1';

function agency(id: string, name: string, parentId: string | null): Schemas['AgencyResponse'] {
  return {
    id,
    code: '000.00.22.H01',
    name,
    shortName: null,
    level: parentId ? 'DEPARTMENT' : 'PROVINCE',
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

function user(username: string, overrides: Partial<Schemas['UserResponse']> = {}): Schemas['UserResponse'] {
  return {
    id: `id-${username}`,
    username,
    fullName: 'Nguyễn Thị Lan',
    email: null,
    phone: null,
    agencyId: CENTER,
    agencyName: 'Trung tâm Phục vụ hành chính công tỉnh',
    roles: ['RECEPTION'],
    active: true,
    lastLoginAt: null,
    createdAt: '2026-01-02T03:04:05.000Z',
    version: 1,
    ...overrides,
  };
}

function stubApi(routes: Record<string, FakeRoute>) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['ADMIN']) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': {
      status: 200,
      body: [agency(PROVINCE, 'Ủy ban nhân dân tỉnh An Giang', null), agency(CENTER, 'Trung tâm Phục vụ hành chính công tỉnh', PROVINCE)],
    },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

function drawer(): HTMLElement {
  return screen.getByRole('dialog');
}

async function fillNewUser(username: string, password: string) {
  fireEvent.click(await screen.findByTestId('user-create'));
  const form = within(drawer());
  fireEvent.change(form.getByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.change(form.getByLabelText('Họ và tên'), { target: { value: 'Trần Văn Bình' } });
  fireEvent.mouseDown(form.getByLabelText('Cơ quan'));
  fireEvent.click(await screen.findByTitle('Trung tâm Phục vụ hành chính công tỉnh'));
  fireEvent.click(form.getByLabelText('Tiếp nhận'));
  fireEvent.change(form.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.change(form.getByLabelText('Nhập lại mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('user-save'));
}

describe('users page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the accounts with Vietnamese role names, status and the last sign-in as dd/MM/yyyy HH:mm', async () => {
    const lastLogin = new Date(2026, 2, 5, 14, 30).toISOString();
    stubApi({
      'GET /api/users': {
        status: 200,
        body: {
          items: [
            user('tiepnhan.ttpvhcc', { lastLoginAt: lastLogin }),
            user('lanhdao.stp', { roles: ['LEADER'], active: false, fullName: 'Lãnh đạo Sở Tư pháp' }),
          ],
          nextCursor: null,
        },
      },
    });
    renderApp('/quan-tri/nguoi-dung');
    const row = (await screen.findByText('tiepnhan.ttpvhcc')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Nguyễn Thị Lan')).toBeTruthy();
    expect(within(row).getByText('Trung tâm Phục vụ hành chính công tỉnh')).toBeTruthy();
    expect(within(row).getByText('Tiếp nhận')).toBeTruthy();
    expect(within(row).getByText('Hoạt động')).toBeTruthy();
    expect(within(row).getByText('05/03/2026 14:30')).toBeTruthy();
    const other = screen.getByText('lanhdao.stp').closest('tr') as HTMLElement;
    expect(within(other).getByText('Lãnh đạo')).toBeTruthy();
    expect(within(other).getByText('Đã khóa')).toBeTruthy();
  });

  it('searches on the server after typing stops and pages with the cursor', async () => {
    const api = stubApi({
      'GET /api/users': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor
          ? { status: 200, body: { items: [user('thanhtra.tinh')], nextCursor: null } }
          : { status: 200, body: { items: [user('lanhdao.stp')], nextCursor: 'c2' } };
      },
    });
    renderApp('/quan-tri/nguoi-dung');
    await screen.findByText('lanhdao.stp');
    fireEvent.change(screen.getByPlaceholderText(/Tìm theo tên đăng nhập/), { target: { value: 'lan' } });
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/users' && call.search.get('q') === 'lan')).toBe(true));
    // "Next" stays disabled until the searched page has answered (under load that takes a while).
    const next = (await screen.findByRole('button', { name: /Trang sau/ })) as HTMLButtonElement;
    await waitFor(() => expect(next.disabled).toBe(false));
    fireEvent.click(next);
    expect(await screen.findByText('thanhtra.tinh')).toBeTruthy();
    const last = api.calls.filter((call) => call.path === '/api/users').at(-1);
    expect(last?.search.get('cursor')).toBe('c2');
    expect(last?.search.get('q')).toBe('lan');
    expect(screen.getByText('Trang 2')).toBeTruthy();
  });

  it('puts the API’s 400 field error under the field it names', async () => {
    const api = stubApi({
      'GET /api/users': { status: 200, body: { items: [], nextCursor: null } },
      'POST /api/users': problem(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', [
        { field: 'agencyId', rule: 'agencyInScope', message: 'Cơ quan không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn' },
      ]),
    });
    renderApp('/quan-tri/nguoi-dung');
    await fillNewUser('tiepnhan.chaudoc', 'Mot-cua-an-giang-2026');
    const message = await within(drawer()).findByText('Cơ quan không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn');
    expect(message.closest('.ant-form-item')?.textContent).toContain('Cơ quan');
    expect(api.calls.find((call) => call.method === 'POST' && call.path === '/api/users')?.body).toMatchObject({
      username: 'tiepnhan.chaudoc',
      fullName: 'Trần Văn Bình',
      agencyId: CENTER,
      roles: ['RECEPTION'],
      active: true,
    });
    // The drawer stays open with what was typed.
    expect(drawer()).toBeTruthy();
  });

  it('refuses, before calling the API, a password that contains the username', async () => {
    const api = stubApi({ 'GET /api/users': { status: 200, body: { items: [], nextCursor: null } } });
    renderApp('/quan-tri/nguoi-dung');
    await fillNewUser('tiepnhan.chaudoc', 'tiepnhan.chaudoc-2026');
    expect(await within(drawer()).findByText('Mật khẩu không được chứa tên đăng nhập')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST' && call.path === '/api/users')).toBe(false);
  });

  it('edits the name and roles of an account and saves them with PATCH', async () => {
    const api = stubApi({
      'GET /api/users': { status: 200, body: { items: [user('tiepnhan.ttpvhcc', { email: 'lan@angiang.gov.vn' })], nextCursor: null } },
      'PATCH /api/users/{id}': (_request, body) => ({
        status: 200,
        body: user('tiepnhan.ttpvhcc', body as Partial<Schemas['UserResponse']>),
      }),
    });
    renderApp('/quan-tri/nguoi-dung');
    const row = (await screen.findByText('tiepnhan.ttpvhcc')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Sửa' }));
    const form = within(drawer());
    expect((form.getByLabelText('Tên đăng nhập') as HTMLInputElement).disabled).toBe(true);
    expect(form.queryByLabelText('Mật khẩu')).toBeNull();
    fireEvent.change(form.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Thị Lan Anh' } });
    fireEvent.click(form.getByLabelText('Chuyên viên'));
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() =>
      expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({
        fullName: 'Nguyễn Thị Lan Anh',
        email: 'lan@angiang.gov.vn',
        phone: null,
        agencyId: CENTER,
        roles: ['RECEPTION', 'SPECIALIST'],
      }),
    );
    expect(await screen.findByText('Đã lưu người dùng tiepnhan.ttpvhcc')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('deactivates an account only after the administrator confirms', async () => {
    const api = stubApi({
      'GET /api/users': { status: 200, body: { items: [user('tiepnhan.ttpvhcc')], nextCursor: null } },
      'PATCH /api/users/{id}': (_request, body) => ({
        status: 200,
        body: user('tiepnhan.ttpvhcc', body as Partial<Schemas['UserResponse']>),
      }),
    });
    renderApp('/quan-tri/nguoi-dung');
    const row = (await screen.findByText('tiepnhan.ttpvhcc')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Thao tác khác' }));
    fireEvent.click(await screen.findByText('Khóa'));
    expect(await screen.findByText('Mọi phiên đăng nhập của người dùng sẽ kết thúc ngay.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Khóa' }));
    await waitFor(() => expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ active: false }));
    expect(api.calls.find((call) => call.method === 'PATCH')?.path).toBe('/api/users/id-tiepnhan.ttpvhcc');
    expect(await screen.findByText('Đã khóa tài khoản tiepnhan.ttpvhcc')).toBeTruthy();
  });

  it('hides the write actions from a user without users:manage', async () => {
    stubApi({
      'POST /api/auth/refresh': { status: 200, body: sessionOf(['AUDITOR']) },
      'GET /api/users': { status: 200, body: { items: [user('tiepnhan.ttpvhcc')], nextCursor: null } },
    });
    renderApp('/quan-tri/nguoi-dung');
    await screen.findByText('tiepnhan.ttpvhcc');
    expect(screen.queryByTestId('user-create')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thao tác khác' })).toBeNull();
  });
});
