import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import type { AccessLogEntry } from './labels';
import { OTHER_ID, party, PARTY_ID, summaryOf } from './party-fixtures';

const AN = summaryOf(party());
const AN_AGAIN = summaryOf(party({ id: OTHER_ID, displayName: 'NGUYỄN VĂN AN', identifiers: [], phone: '091****678' }));

function entry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    id: '42',
    at: '2026-03-09T03:15:00.000Z',
    actorType: 'user',
    userId: '00000000-0000-4000-8000-000000000002',
    username: 'tiepnhan.ttpvhcc',
    roles: ['RECEPTION'],
    agencyId: '00000000-0000-4000-8000-0000000000a1',
    agencyName: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
    partyId: PARTY_ID,
    action: 'REVEAL',
    fields: ['identifiers', 'phone'],
    purpose: 'Đối chiếu CCCD khi trả kết quả',
    ip: '10.0.0.7',
    requestId: 'req-1',
    ...overrides,
  };
}

function stubApi(roles: Role[], routes: Record<string, FakeRoute>) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [] },
    'GET /api/users': { status: 200, body: { items: [], nextCursor: null } },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('duplicate review', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('merges a suspected pair: the survivor chosen, a reason given, then confirmed', async () => {
    const api = stubApi(['ADMIN'], {
      'GET /api/parties/duplicates': {
        status: 200,
        body: { items: [{ reason: 'NAME_AND_BIRTH_DATE', parties: [AN, AN_AGAIN] }], nextCursor: null },
      },
      'POST /api/parties/merge': {
        status: 200,
        body: {
          id: 'm1',
          survivorId: OTHER_ID,
          mergedId: PARTY_ID,
          at: '2026-03-09T03:15:00.000Z',
          moved: { dossierLinks: 2, identifiers: 1, contacts: 1, representatives: 0, consents: 0 },
        },
      },
    });
    renderApp('/cong-dan/trung-lap');
    const group = await screen.findByTestId('duplicate-group');
    expect(within(group).getByText(/Trùng họ tên và ngày sinh/)).toBeTruthy();
    fireEvent.click(within(group).getByTestId('duplicate-merge'));
    const dialog = (await screen.findByText('Hợp nhất bản ghi trùng lặp')).closest('.ant-modal') as HTMLElement;
    // Keep the second record: the first becomes the one merged into it.
    const survivors = dialog.querySelectorAll<HTMLInputElement>('input[type=radio]');
    fireEvent.click(survivors[1]);
    const mergeButton = () => within(dialog).getByText('Hợp nhất').closest('button') as HTMLButtonElement;
    fireEvent.click(mergeButton());
    expect(await within(dialog).findByText('Nhập lý do')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('merge-reason'), {
      target: { value: 'Cùng một người: trùng họ tên, ngày sinh và số điện thoại' },
    });
    fireEvent.click(mergeButton());
    const confirm = (await screen.findAllByText('Xác nhận hợp nhất'))[0];
    expect(api.calls.some((call) => call.path === '/api/parties/merge')).toBe(false);
    const confirmDialog = confirm.closest('.ant-modal') as HTMLElement;
    expect(confirmDialog.textContent).toContain('Hợp nhất “Nguyễn Văn An” vào “NGUYỄN VĂN AN”');
    fireEvent.click(within(confirmDialog).getByText('Hợp nhất').closest('button') as HTMLButtonElement);
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/parties/merge')).toBe(true));
    expect(api.calls.find((call) => call.path === '/api/parties/merge')?.body).toEqual({
      survivorId: OTHER_ID,
      mergedId: PARTY_ID,
      reason: 'Cùng một người: trùng họ tên, ngày sinh và số điện thoại',
    });
  });

  it('is not offered to reception', async () => {
    stubApi(['RECEPTION'], { 'GET /api/parties': { status: 200, body: { items: [], nextCursor: null } } });
    renderApp('/cong-dan/trung-lap');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});

describe('personal data access log', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows who revealed what of whom, why, when and from where, filtered by the party of the link', async () => {
    const api = stubApi(['AUDITOR'], {
      'GET /api/parties/access-log': { status: 200, body: { items: [entry()], nextCursor: null } },
    });
    renderApp(`/cong-dan/nhat-ky-truy-cap?partyId=${PARTY_ID}`);
    const row = (await screen.findByText('Đối chiếu CCCD khi trả kết quả')).closest('tr') as HTMLElement;
    expect(within(row).getByText('tiepnhan.ttpvhcc')).toBeTruthy();
    expect(within(row).getByText('Tiếp nhận')).toBeTruthy();
    expect(within(row).getByText('Trung tâm Phục vụ hành chính công tỉnh An Giang')).toBeTruthy();
    expect(within(row).getByText('Xem đầy đủ')).toBeTruthy();
    expect(within(row).getByText('Số giấy tờ (đầy đủ), Số điện thoại (đầy đủ)')).toBeTruthy();
    expect(within(row).getByText('10.0.0.7')).toBeTruthy();
    expect(within(row).getByText('09/03/2026 10:15')).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/parties/access-log')?.search.get('partyId')).toBe(PARTY_ID);
  });

  it('filters by action on the server', async () => {
    const api = stubApi(['AUDITOR'], {
      'GET /api/parties/access-log': { status: 200, body: { items: [entry()], nextCursor: null } },
    });
    renderApp('/cong-dan/nhat-ky-truy-cap');
    await screen.findByText('Đối chiếu CCCD khi trả kết quả');
    fireEvent.mouseDown(within(screen.getByTestId('access-log-action')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Xuất dữ liệu'));
    await waitFor(() =>
      expect(api.calls.some((call) => call.path === '/api/parties/access-log' && call.search.get('action') === 'EXPORT')).toBe(true),
    );
  });

  it('is for auditors only', async () => {
    stubApi(['RECEPTION'], {});
    renderApp('/cong-dan/nhat-ky-truy-cap');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
