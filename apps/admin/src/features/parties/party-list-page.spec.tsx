import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { OTHER_ID, party, summaryOf } from './party-fixtures';

const AN = summaryOf(party());
const LUA_VANG = summaryOf(
  party({
    id: OTHER_ID,
    type: 'ENTERPRISE',
    fullName: null,
    name: 'Công ty TNHH Lúa Vàng',
    displayName: 'Công ty TNHH Lúa Vàng',
    dateOfBirth: null,
    sex: null,
    identifiers: [{ id: 'tax', type: 'TAX_CODE', masked: '160******0', validFrom: null, validTo: null }],
    phone: null,
  }),
);

/** The registry as the API searches it: names folded (no diacritics), enterprises on their own, two pages of "nguyen". */
function stubApi() {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION']) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [] },
    'GET /api/parties': (request) => {
      const search = new URL(request.url).searchParams;
      if (search.get('type') === 'ENTERPRISE') return { status: 200, body: { items: [LUA_VANG], nextCursor: null } };
      if (search.get('q') === 'nguyen van an') {
        return search.get('cursor') === 'page-2'
          ? { status: 200, body: { items: [{ ...AN, id: 'an-2', displayName: 'Nguyễn Văn Ân' }], nextCursor: null } }
          : { status: 200, body: { items: [AN], nextCursor: 'page-2' } };
      }
      return { status: 200, body: { items: [AN, LUA_VANG], nextCursor: null } };
    },
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('citizen registry search', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists parties with masked identifiers and phones, never the full values', async () => {
    stubApi();
    renderApp('/cong-dan');
    const row = (await screen.findByText('Nguyễn Văn An')).closest('tr') as HTMLElement;
    expect(within(row).getByText('089******234')).toBeTruthy();
    expect(within(row).getByText('091****678')).toBeTruthy();
    expect(within(row).getByText('01/05/2003')).toBeTruthy();
    expect(within(row).getByText('Cá nhân')).toBeTruthy();
    expect(screen.getByText('Công dân, tổ chức')).toBeTruthy();
  });

  it('searches on the server once typing stops (a name without diacritics) and pages with the cursor', async () => {
    const api = stubApi();
    renderApp('/cong-dan');
    await screen.findByText('Nguyễn Văn An');
    const box = screen.getByPlaceholderText(/Tìm theo họ tên/);
    fireEvent.change(box, { target: { value: 'ng' } });
    fireEvent.change(box, { target: { value: 'nguyen van an' } });
    await waitFor(() =>
      expect(api.calls.some((call) => call.path === '/api/parties' && call.search.get('q') === 'nguyen van an')).toBe(true),
    );
    // Debounced: the half-typed text never reached the API.
    expect(api.calls.some((call) => call.path === '/api/parties' && call.search.get('q') === 'ng')).toBe(false);
    const next = (await screen.findByRole('button', { name: /Trang sau/ })) as HTMLButtonElement;
    await waitFor(() => expect(next.disabled).toBe(false));
    fireEvent.click(next);
    expect(await screen.findByText('Nguyễn Văn Ân')).toBeTruthy();
    const last = api.calls.filter((call) => call.path === '/api/parties').at(-1);
    expect(last?.search.get('cursor')).toBe('page-2');
    expect(last?.search.get('q')).toBe('nguyen van an');
    expect(screen.getByText('Trang 2')).toBeTruthy();
  });

  it('filters by kind on the server', async () => {
    const api = stubApi();
    renderApp('/cong-dan');
    await screen.findByText('Nguyễn Văn An');
    fireEvent.mouseDown(within(screen.getByTestId('party-type-filter')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Doanh nghiệp'));
    await waitFor(() =>
      expect(api.calls.some((call) => call.path === '/api/parties' && call.search.get('type') === 'ENTERPRISE')).toBe(true),
    );
    await waitFor(() => expect(screen.queryByText('Nguyễn Văn An')).toBeNull());
    expect(screen.getByText('Công ty TNHH Lúa Vàng')).toBeTruthy();
  });

  it('opens the detail when a row is chosen', async () => {
    const api = createFakeApi({
      'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION']) },
      'GET /api/health': HEALTHY,
      'GET /api/agencies': { status: 200, body: [] },
      'GET /api/parties': { status: 200, body: { items: [AN], nextCursor: null } },
      'GET /api/parties/{id}': { status: 200, body: party() },
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    renderApp('/cong-dan');
    fireEvent.click(await screen.findByText('Nguyễn Văn An'));
    expect(await screen.findByTestId('party-detail')).toBeTruthy();
  });
});
