import { foldVietnamese } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { procedure, summaryOf } from '../../testing/catalog-fixtures';
import { createFakeApi, HEALTHY, problem, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const KHAI_SINH = procedure({ status: 'PUBLISHED', publishedAt: '2026-01-05T02:00:00.000Z' });
const LY_LICH = procedure({
  id: '00000000-0000-4000-8000-00000000f002',
  code: '2.000488',
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  field: 'Lý lịch tư pháp',
  level: 'PROVINCE',
  competentAgencyName: 'Sở Tư pháp tỉnh An Giang',
  processingAmount: 10,
  onlineRegime: 'FULL',
  status: 'PUBLISHED',
  feeTotal: 200000,
  fees: [{ name: 'Phí cấp Phiếu lý lịch tư pháp', amount: 200000 }],
  documents: [{ name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0, mandatory: true }],
});
const CATALOG = [KHAI_SINH, LY_LICH];

/** The public API as the server answers it: search folded, without diacritics. */
function stubApi(routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': problem(401, 'UNAUTHENTICATED', 'The session has ended.'),
    'GET /api/health': HEALTHY,
    'GET /api/public/procedures/fields': { status: 200, body: ['Hộ tịch', 'Lý lịch tư pháp'] },
    'GET /api/public/procedures': (request) => {
      const search = new URL(request.url).searchParams;
      const q = foldVietnamese(search.get('q') ?? '');
      const items = CATALOG.filter((p) => foldVietnamese(`${p.code} ${p.name} ${p.field}`).includes(q))
        .filter((p) => !search.get('level') || p.level === search.get('level'))
        .filter((p) => search.get('online') !== 'true' || p.onlineRegime !== 'NONE')
        .map(summaryOf);
      return { status: 200, body: { items, nextCursor: null } };
    },
    'GET /api/public/procedures/{code}': (request) => {
      const code = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
      const found = CATALOG.find((p) => p.code === code);
      return found ? { status: 200, body: found } : problem(404, 'PROCEDURE_NOT_FOUND', 'Không tìm thấy thủ tục hành chính.');
    },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('public procedure guide', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('finds a procedure typed without diacritics, without signing in', async () => {
    const api = stubApi();
    renderApp('/thu-tuc-cong-khai');
    expect(await screen.findByText('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam')).toBeTruthy();

    fireEvent.change(screen.getByTestId('public-search'), { target: { value: 'dang ky khai sinh' } });
    await waitFor(() => expect(screen.queryByText('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam')).toBeNull());
    const card = screen.getByTestId('public-procedure-1.001193');
    expect(within(card).getByText('Thủ tục đăng ký khai sinh')).toBeTruthy();
    expect(within(card).getByText('1 ngày làm việc')).toBeTruthy();
    expect(within(card).getByText('8.000 đồng')).toBeTruthy();
    expect(within(card).getByText('Trực tuyến một phần')).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/public/procedures' && call.search.get('q') === 'dang ky khai sinh')).toBe(true);
    // No staff session is needed or sent.
    expect(api.calls.filter((call) => call.path.startsWith('/api/public')).every((call) => call.authorization === null)).toBe(true);
  });

  it('asks the server for online procedures only when ticked', async () => {
    const api = stubApi();
    renderApp('/thu-tuc-cong-khai');
    await screen.findByText('Thủ tục đăng ký khai sinh');
    fireEvent.click(screen.getByTestId('public-online'));
    await waitFor(() =>
      expect(api.calls.some((call) => call.path === '/api/public/procedures' && call.search.get('online') === 'true')).toBe(true),
    );
    expect(await screen.findByText('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam')).toBeTruthy();
  });

  it('shows what to bring, the fees, the time, the deciding agency and where to submit, and prints the checklist', async () => {
    stubApi();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderApp('/thu-tuc-cong-khai');
    fireEvent.click(await screen.findByText('Thủ tục đăng ký khai sinh'));

    const page = await screen.findByTestId('public-procedure');
    expect(within(page).getByText('1. Tờ khai đăng ký khai sinh theo mẫu')).toBeTruthy();
    expect(within(page).getAllByText('1 bản chính · Bắt buộc')).toHaveLength(2);
    expect(within(page).getByText('1 bản sao · nộp nếu có')).toBeTruthy();
    expect(within(page).getAllByText('8.000 đồng').length).toBeGreaterThan(0);
    expect(within(page).getByText('Ủy ban nhân dân cấp huyện/cấp xã nơi nộp hồ sơ')).toBeTruthy();
    expect(within(page).getByTestId('public-where').textContent).toContain('Bộ phận Tiếp nhận và Trả kết quả của Ủy ban nhân dân cấp xã');
    expect(within(page).getByTestId('public-where').textContent).toContain('bất kỳ Bộ phận Tiếp nhận và Trả kết quả nào trong tỉnh');
    expect(within(page).getByTestId('public-online-status').textContent).toContain('trực tuyến một phần');

    fireEvent.click(screen.getByTestId('public-print'));
    expect(print).toHaveBeenCalled();
  });

  it('sends province-level procedures to the provincial service center', async () => {
    stubApi();
    renderApp('/thu-tuc-cong-khai/2.000488');
    const page = await screen.findByTestId('public-procedure');
    expect(within(page).getByText('Sở Tư pháp tỉnh An Giang')).toBeTruthy();
    expect(within(page).getByTestId('public-where').textContent).toContain('Trung tâm Phục vụ hành chính công tỉnh An Giang');
    expect(within(page).getByTestId('public-online-status').textContent).toContain('toàn trình');
    expect(within(page).getAllByText('200.000 đồng').length).toBeGreaterThan(0);
    expect(within(page).getByText('10 ngày làm việc')).toBeTruthy();
  });

  it('says so when a procedure is not published', async () => {
    stubApi();
    renderApp('/thu-tuc-cong-khai/9.999999');
    expect(await screen.findByText('Không tìm thấy thủ tục hoặc thủ tục không còn áp dụng')).toBeTruthy();
  });
});
