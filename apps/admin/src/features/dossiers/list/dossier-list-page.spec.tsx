import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';
import { CODE, dossier, summaryOf } from '../dossier-fixtures';

const OVERDUE = summaryOf(
  dossier({
    code: '000.00.22.H01-260302-0001',
    status: 'IN_PROCESS',
    statusCode: 4,
    timeliness: 'OVERDUE',
    applicantName: 'Trần Thị Bích',
  }),
);
const RECEIVED = summaryOf(dossier());

/** The list as the API filters it: over a thousand overdue dossiers, one received, two online submissions, none elsewhere. */
function stubApi() {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION']) },
    'GET /api/health': HEALTHY,
    'GET /api/procedures': { status: 200, body: { items: [], nextCursor: null } },
    'GET /api/dossiers/counts': {
      status: 200,
      body: {
        limit: 1000,
        items: [
          { bucket: 'RECEIVED', count: 1, more: false },
          { bucket: 'SUBMITTED', count: 2, more: false },
          { bucket: 'IN_PROCESS', count: 0, more: false },
          { bucket: 'SUPPLEMENT_REQUESTED', count: 0, more: false },
          { bucket: 'DUE_SOON', count: 0, more: false },
          { bucket: 'OVERDUE', count: 1000, more: true },
          { bucket: 'RESULT_READY', count: 0, more: false },
        ],
      },
    },
    'GET /api/dossiers': (request) => {
      const search = new URL(request.url).searchParams;
      if (search.get('timeliness') === 'OVERDUE') {
        if (search.get('cursor'))
          return { status: 200, body: { items: [{ ...OVERDUE, id: 'o-last', code: '000.00.22.H01-260227-0003' }], nextCursor: null } };
        const items = Array.from({ length: Number(search.get('limit')) }, (_, i) => ({ ...OVERDUE, id: `o-${i}` }));
        return { status: 200, body: { items, nextCursor: 'next-overdue' } };
      }
      if (search.get('status') === 'RECEIVED') return { status: 200, body: { items: [RECEIVED], nextCursor: null } };
      return { status: 200, body: { items: [], nextCursor: null } };
    },
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('dossier work list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts each tab (1000+ beyond the cap; Mới adds counter and online) and lists the new dossiers first', async () => {
    stubApi();
    renderApp('/ho-so');
    const row = (await screen.findByText(CODE)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Nguyễn Văn An')).toBeTruthy();
    expect(within(row).getByText('Đã tiếp nhận')).toBeTruthy();
    expect(within(row).getByText('09/03/2026 09:00')).toBeTruthy();
    expect(within(row).getByText('Trong hạn').className).toContain('green');
    const tabs = screen.getByTestId('dossier-tabs');
    await waitFor(() => expect(within(tabs).getByRole('tab', { name: /Quá hạn/ }).textContent).toContain('1000+'));
    expect(within(tabs).getByRole('tab', { name: /Mới/ }).textContent).toContain('3');
  });

  it('filters on the server by tab and text, and pages with the cursor', async () => {
    const api = stubApi();
    renderApp('/ho-so?tab=qua-han');
    const first = (await screen.findAllByText('Trần Thị Bích'))[0].closest('tr') as HTMLElement;
    expect(within(first).getByText('Quá hạn').className).toContain('red');
    fireEvent.change(screen.getByPlaceholderText('Tìm theo mã hồ sơ, tên hoặc số giấy tờ người nộp'), {
      target: { value: 'tran thi bich' },
    });
    await waitFor(() =>
      expect(
        api.calls.some(
          (call) =>
            call.path === '/api/dossiers' && call.search.get('q') === 'tran thi bich' && call.search.get('timeliness') === 'OVERDUE',
        ),
      ).toBe(true),
    );
    fireEvent.click(await screen.findByRole('button', { name: /Trang sau/ }));
    expect(await screen.findByText('000.00.22.H01-260227-0003')).toBeTruthy();
    const last = api.calls.filter((call) => call.path === '/api/dossiers' && call.search.get('limit') === '20').at(-1);
    expect(last?.search.get('cursor')).toBe('next-overdue');
    expect(last?.search.get('q')).toBe('tran thi bich');
  });
});
