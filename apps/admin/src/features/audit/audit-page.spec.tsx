import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const ACTOR_ID = '00000000-0000-4000-8000-000000000002';
const HASH = 'a3f1c9e2b7d84f60915e2c7a1b3d5f7092e4c6a8b0d2f4e6a8c0e2f4a6b8c0d2';

/** The contract types before/after as free-form objects (`Record<string, never>`): any recorded state fits. */
const state = (value: object) => value as Schemas['AuditEventView']['before'];

function record(overrides: Partial<Schemas['AuditEventView']> = {}): Schemas['AuditEventView'] {
  return {
    id: '1042',
    at: '2026-03-09T03:15:00.000Z',
    actorType: 'user',
    actorId: ACTOR_ID,
    actorName: 'tiepnhan.ttpvhcc',
    roles: ['RECEPTION'],
    agencyId: '00000000-0000-4000-8000-0000000000a1',
    action: 'user.roles-changed',
    targetType: 'user',
    targetId: '00000000-0000-4000-8000-000000000007',
    before: state({ roles: ['SPECIALIST'] }),
    after: state({ roles: ['SPECIALIST', 'LEADER'] }),
    requestId: 'req-7f3a',
    ip: '10.0.0.7',
    prevHash: '9'.repeat(64),
    hash: HASH,
    ...overrides,
  };
}

function stubApi(roles: Role[], routes: Record<string, FakeRoute>) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('audit trail', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the records with actor, roles, action, target and a shortened hash, and shows before/after when expanded', async () => {
    const api = stubApi(['AUDITOR'], {
      'GET /api/audit': {
        status: 200,
        body: {
          items: [
            record(),
            record({
              id: '1041',
              actorType: 'system',
              actorId: null,
              actorName: null,
              roles: [],
              action: 'dossier.overdue',
              targetType: 'dossier',
              targetId: 'H01.31-260309-0001',
              before: null,
              after: null,
            }),
          ],
          nextCursor: 'next-1',
        },
      },
    });
    renderApp('/nhat-ky');
    const table = await screen.findByTestId('audit-table');
    const row = (await within(table).findByText('user.roles-changed')).closest('tr') as HTMLElement;
    expect(within(row).getByText('tiepnhan.ttpvhcc')).toBeTruthy();
    expect(within(row).getByText('Tiếp nhận')).toBeTruthy();
    expect(within(row).getByText('09/03/2026 10:15')).toBeTruthy();
    expect(within(row).getByText('a3f1c9e2b7d8…')).toBeTruthy();
    expect(within(row).getByText('#1042')).toBeTruthy();
    const system = within(table).getByText('dossier.overdue').closest('tr') as HTMLElement;
    expect(within(system).getAllByText('Hệ thống').length).toBeGreaterThan(0);
    expect(within(system).getByText('H01.31-260309-0001')).toBeTruthy();

    fireEvent.click(row.querySelector('.ant-table-row-expand-icon') as HTMLElement);
    const details = await screen.findByTestId('audit-details');
    expect(within(details).getByText('Trước khi thay đổi')).toBeTruthy();
    expect(details.textContent).toContain('"LEADER"');
    expect(details.textContent).toContain('req-7f3a');
    expect(details.textContent).toContain(HASH);

    // Newest first in keyset pages: the next page asks with the API's cursor.
    expect(api.calls.find((call) => call.path === '/api/audit')?.search.get('limit')).toBe('50');
    fireEvent.click(screen.getByRole('button', { name: /Trang sau/ }));
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/audit' && call.search.get('cursor') === 'next-1')).toBe(true));
  });

  it('filters on the server by an action prefix, a target and a period, and by the actor of a row', async () => {
    const api = stubApi(['AUDITOR'], { 'GET /api/audit': { status: 200, body: { items: [record()], nextCursor: null } } });
    renderApp('/nhat-ky?from=2026-03-01T00:00&to=2026-03-31T23:59&targetType=user');
    await screen.findByText('user.roles-changed');
    const first = api.calls.find((call) => call.path === '/api/audit');
    expect(first?.search.get('from')).toBe('2026-03-01T00:00:00+07:00');
    expect(first?.search.get('to')).toBe('2026-03-31T23:59:59.999+07:00');
    expect(first?.search.get('targetType')).toBe('user');

    fireEvent.change(screen.getByLabelText('Hành động'), { target: { value: 'user.*' } });
    fireEvent.click(screen.getByTestId('audit-apply'));
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/audit' && call.search.get('action') === 'user.*')).toBe(true));
    expect(
      api.calls
        .filter((call) => call.path === '/api/audit')
        .at(-1)
        ?.search.get('from'),
    ).toBe('2026-03-01T00:00:00+07:00');

    const row = (await screen.findByText('user.roles-changed')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Lọc theo người thực hiện này' }));
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/audit' && call.search.get('actorId') === ACTOR_ID)).toBe(true));
  });

  it('refuses an actor id that is not a UUID before asking the API', async () => {
    const api = stubApi(['AUDITOR'], { 'GET /api/audit': { status: 200, body: { items: [], nextCursor: null } } });
    renderApp('/nhat-ky');
    await screen.findByText('Không có bản ghi nào');
    fireEvent.change(screen.getByLabelText('Mã người thực hiện'), { target: { value: 'tiepnhan' } });
    fireEvent.click(screen.getByTestId('audit-apply'));
    expect(await screen.findByText('Mã người thực hiện phải là UUID')).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/audit' && call.search.has('actorId'))).toBe(false);
  });

  it('verifies the chain on demand and shows where it breaks and why, marking the broken record', async () => {
    const api = stubApi(['AUDITOR'], {
      'GET /api/audit': { status: 200, body: { items: [record()], nextCursor: null } },
      'GET /api/audit/verify': {
        status: 200,
        body: { ok: false, checked: 1042, firstBrokenId: '1042', reason: 'HASH_MISMATCH', lastHash: '9'.repeat(64) },
      },
    });
    renderApp('/nhat-ky');
    await screen.findByText('user.roles-changed');
    expect(api.calls.some((call) => call.path === '/api/audit/verify')).toBe(false);

    fireEvent.click(screen.getByTestId('audit-verify'));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result.textContent).toContain('Chuỗi nhật ký bị phá vỡ tại bản ghi số 1042');
    expect(result.textContent).toContain('Nội dung bản ghi không khớp với mã băm đã lưu: bản ghi đã bị sửa.');
    expect(result.textContent).toContain('Đã kiểm tra 1.042 bản ghi');
    const broken = screen.getByText('#1042');
    expect(broken.closest('.ant-tag')).toBeTruthy();
  });

  it('says the chain is intact when it holds', async () => {
    stubApi(['AUDITOR'], {
      'GET /api/audit': { status: 200, body: { items: [record()], nextCursor: null } },
      'GET /api/audit/verify': { status: 200, body: { ok: true, checked: 1042, lastHash: HASH } },
    });
    renderApp('/nhat-ky');
    await screen.findByText('user.roles-changed');
    fireEvent.click(screen.getByTestId('audit-verify'));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result.textContent).toContain('Chuỗi nhật ký toàn vẹn');
    expect(result.textContent).toContain(HASH);
  });

  it('hides the chain check from an administrator, who may read but not verify', async () => {
    stubApi(['ADMIN'], { 'GET /api/audit': { status: 200, body: { items: [record()], nextCursor: null } } });
    renderApp('/nhat-ky');
    await screen.findByText('user.roles-changed');
    expect(screen.queryByTestId('audit-verify')).toBeNull();
  });

  it('offers the export only once a period is chosen', async () => {
    stubApi(['AUDITOR'], { 'GET /api/audit': { status: 200, body: { items: [record()], nextCursor: null } } });
    renderApp('/nhat-ky?from=2026-03-01T00:00');
    await screen.findByText('user.roles-changed');
    expect((screen.getByTestId('audit-export') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('audit trail export', { timeout: 30_000 }, () => {
  // jsdom has no object URLs: the download is observed at the link it clicks.
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });

  it('downloads the period as CSV through the API client with the token', async () => {
    const toObjectUrl = vi.fn(() => 'blob:audit');
    URL.createObjectURL = toObjectUrl;
    URL.revokeObjectURL = vi.fn();
    let downloaded: string | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    const api = stubApi(['AUDITOR'], {
      'GET /api/audit': { status: 200, body: { items: [record()], nextCursor: null } },
      'GET /api/audit/export': { status: 200, body: 'id,at,action' },
    });
    renderApp('/nhat-ky?from=2026-03-01T00:00&to=2026-03-31T23:59');
    await screen.findByText('user.roles-changed');
    fireEvent.mouseEnter(screen.getByTestId('audit-export'));
    fireEvent.click(await screen.findByText('CSV (mở bằng Excel)'));
    await waitFor(() => expect(downloaded).toBe('nhat-ky_2026-03-01_2026-03-31.csv'));
    const call = api.calls.find((c) => c.path === '/api/audit/export');
    expect(call?.search.get('from')).toBe('2026-03-01T00:00:00+07:00');
    expect(call?.search.get('to')).toBe('2026-03-31T23:59:59.999+07:00');
    expect(call?.search.get('format')).toBe('csv');
    expect(call?.authorization).toBe('Bearer token-AUDITOR');
    expect(toObjectUrl).toHaveBeenCalled();
    expect(await screen.findByText('Đã tải về nhat-ky_2026-03-01_2026-03-31.csv')).toBeTruthy();
  });
});
