import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { CONG_AN, CONG_AN_ID, MY_BINH, ROUTE, ROUTED_CODE, routedDossier } from '../dossiers/dossier-fixtures';

const ITEM: Schemas['QueueItem'] = {
  step: ROUTE[3],
  dossierCode: ROUTED_CODE,
  procedureName: routedDossier().procedureName,
  applicantName: 'Phạm Thị Mai',
  dossierDueAt: '2026-03-12T01:00:00.000Z',
};
const OVERDUE_ITEM: Schemas['QueueItem'] = {
  ...ITEM,
  step: { ...ROUTE[3], id: '00000000-0000-4000-8000-000000000999', timeliness: 'OVERDUE', assigneeName: 'Cán bộ Công an tỉnh' },
  dossierCode: '000.31.01.H01-260302-0001',
  applicantName: 'Trần Văn Lộc',
};

/** Công an tỉnh: one step to accept, over a thousand overdue ones (two pages here), nothing elsewhere. */
function stubApi() {
  const api = createFakeApi({
    'POST /api/auth/refresh': {
      status: 200,
      body: sessionOf(['SPECIALIST'], { username: 'chuyenvien.congan', agencyId: CONG_AN_ID, agencyName: CONG_AN }),
    },
    'GET /api/health': HEALTHY,
    'GET /api/notifications': { status: 200, body: { items: [], unreadCount: 0, nextCursor: null } },
    'GET /api/queues': {
      status: 200,
      body: {
        limit: 1000,
        items: [
          { queue: 'to-accept', count: 1, more: false },
          { queue: 'in-progress', count: 0, more: false },
          { queue: 'due-soon', count: 3, more: false },
          { queue: 'overdue', count: 1000, more: true },
          { queue: 'waiting-for-others', count: 0, more: false },
          { queue: 'to-return', count: 0, more: false },
        ],
      },
    },
    'GET /api/queues/{name}': (request) => {
      const url = new URL(request.url);
      const name = url.pathname.split('/').pop();
      if (name === 'to-accept') return { status: 200, body: { items: [ITEM], nextCursor: null } };
      if (name === 'overdue') {
        if (url.searchParams.get('cursor') === 'next-overdue') {
          return { status: 200, body: { items: [{ ...OVERDUE_ITEM, dossierCode: '000.31.01.H01-260227-0009' }], nextCursor: null } };
        }
        return { status: 200, body: { items: [OVERDUE_ITEM], nextCursor: 'next-overdue' } };
      }
      return { status: 200, body: { items: [], nextCursor: null } };
    },
    'GET /api/dossiers/{code}': { status: 200, body: routedDossier() },
    'GET /api/dossiers/{code}/attachments': { status: 200, body: [] },
    'GET /api/dossiers/{code}/control-sheet': { status: 200, body: { code: ROUTED_CODE, procedureName: '', rows: [] } },
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

function queueCalls(api: ReturnType<typeof stubApi>, name: string) {
  return api.calls.filter((call) => call.path === `/api/queues/${name}`);
}

describe('work queues (Công việc của tôi)', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts each queue on its tab (1000+ beyond the cap, coloured when late) and lists the steps to accept', async () => {
    const api = stubApi();
    renderApp('/cong-viec');
    const row = (await screen.findByRole('link', { name: ROUTED_CODE })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Hạn hồ sơ: 12/03/2026 08:00')).toBeTruthy();
    expect(within(row).getByText(ITEM.procedureName)).toBeTruthy();
    expect(within(row).getByText('Phạm Thị Mai')).toBeTruthy();
    expect(within(row).getByText('Đăng ký thường trú cho trẻ em')).toBeTruthy();
    expect(within(row).getByText('Chờ tiếp nhận')).toBeTruthy();
    expect(within(row).getByText(CONG_AN)).toBeTruthy();
    expect(within(row).getByText('Chủ tịch UBND phường Mỹ Bình')).toBeTruthy();
    expect(within(row).getByText(MY_BINH)).toBeTruthy();
    expect(within(row).getByText('09/03/2026 14:00')).toBeTruthy();
    expect(within(row).getByText('Chưa phân công')).toBeTruthy();
    expect(within(row).getByText('11/03/2026 09:00')).toBeTruthy();
    expect(within(row).getByText('Trong hạn').className).toContain('green');

    const tabs = screen.getByTestId('work-tabs');
    await waitFor(() => expect(within(tabs).getByRole('tab', { name: /Quá hạn/ }).textContent).toBe('Quá hạn1000+'));
    expect(within(tabs).getByRole('tab', { name: /Chờ tiếp nhận/ }).textContent).toBe('Chờ tiếp nhận1');
    expect(within(tabs).getByRole('tab', { name: /Sắp đến hạn/ }).textContent).toBe('Sắp đến hạn3');
    const badge = (tab: RegExp) => within(tabs).getByRole('tab', { name: tab }).querySelector('.ant-badge-count') as HTMLElement;
    expect(badge(/Quá hạn/).className).toContain('ant-badge-color-red');
    expect(badge(/Sắp đến hạn/).className).toContain('ant-badge-color-gold');
    // An empty queue's zero is grey.
    expect(badge(/Đang xử lý/).className).not.toContain('ant-badge-color');
    expect(queueCalls(api, 'to-accept')[0].search.get('limit')).toBe('20');
  });

  it('opens another queue from its tab and pages it with the cursor', async () => {
    const api = stubApi();
    renderApp('/cong-viec');
    await screen.findByRole('link', { name: ROUTED_CODE });
    fireEvent.click(within(screen.getByTestId('work-tabs')).getByRole('tab', { name: /Quá hạn/ }));
    const row = (await screen.findByRole('link', { name: OVERDUE_ITEM.dossierCode })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Quá hạn').className).toContain('red');
    expect(within(row).getByText('Cán bộ Công an tỉnh')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Trang sau/ }));
    expect(await screen.findByRole('link', { name: '000.31.01.H01-260227-0009' })).toBeTruthy();
    expect(queueCalls(api, 'overdue').at(-1)?.search.get('cursor')).toBe('next-overdue');
    expect(screen.getByText('Trang 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Trang trước/ }));
    expect(await screen.findByRole('link', { name: OVERDUE_ITEM.dossierCode })).toBeTruthy();
  });

  it('opens the dossier of a row', async () => {
    stubApi();
    renderApp('/cong-viec');
    fireEvent.click(await screen.findByRole('link', { name: ROUTED_CODE }));
    expect(await screen.findByTestId('dossier-route')).toBeTruthy();
    expect(screen.getByTestId('dossier-code').textContent).toContain(ROUTED_CODE);
  });
});
