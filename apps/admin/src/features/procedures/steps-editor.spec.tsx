import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { procedure, step } from '../../testing/catalog-fixtures';
import { renderApp } from '../../testing/render-app';

const DRAFT = procedure();

function stubApi(routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['ADMIN']) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [] },
    'GET /api/procedures/fields': { status: 200, body: ['Hộ tịch'] },
    'GET /api/procedures/{id}': { status: 200, body: DRAFT },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function openSteps() {
  renderApp(`/thu-tuc/${DRAFT.id}`);
  // Text and label queries: role queries compute accessible names of every button (slow in jsdom).
  fireEvent.click(await screen.findByText(/^Quy trình xử lý/));
  return screen.getByTestId('budget-indicator');
}

function setBudget(index: number, hours: string) {
  fireEvent.change(screen.getByLabelText(`Thời gian bước ${index} (giờ làm việc)`), { target: { value: hours } });
}

describe('process steps editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the budget in green while the steps fit the processing time and in red once they exceed it', async () => {
    stubApi();
    const indicator = await openSteps();
    expect(indicator.dataset['status']).toBe('within');
    expect(indicator.textContent).toContain('Tổng thời gian quy trình: 8 / 8 giờ làm việc');
    expect(indicator.textContent).toContain('còn dư 0 giờ');

    setBudget(2, '6');
    await waitFor(() => expect(screen.getByTestId('budget-indicator').dataset['status']).toBe('exceeded'));
    expect(screen.getByTestId('budget-indicator').textContent).toContain('10 / 8 giờ làm việc');
    expect(screen.getByTestId('budget-indicator').textContent).toContain('vượt 2 giờ');
  });

  it('counts parallel steps of one group once, as the longest of them', async () => {
    stubApi({
      'GET /api/procedures/{id}': {
        status: 200,
        body: procedure({
          processingAmount: 2,
          steps: [step('Tiếp nhận', 2), step('Lấy ý kiến Công an', 8), step('Lấy ý kiến Sở Tư pháp', 6), step('Phê duyệt', 4)],
        }),
      },
    });
    const indicator = await openSteps();
    // 2 + 8 + 6 + 4 = 20 > 16 one after another…
    expect(indicator.dataset['status']).toBe('exceeded');
    fireEvent.change(screen.getByLabelText('Nhóm song song bước 2'), { target: { value: 'lien-thong' } });
    fireEvent.change(screen.getByLabelText('Nhóm song song bước 3'), { target: { value: 'lien-thong' } });
    // …but 2 + max(8, 6) + 4 = 14 when the two consultations run side by side.
    await waitFor(() => expect(screen.getByTestId('budget-indicator').dataset['status']).toBe('within'));
    expect(screen.getByTestId('budget-indicator').textContent).toContain('14 / 16 giờ làm việc');
    expect(screen.getByTestId('budget-indicator').textContent).toContain('nếu làm lần lượt: 20 giờ');
  });

  it('follows the processing time: a longer time turns an exceeded budget green', async () => {
    stubApi();
    await openSteps();
    setBudget(2, '6');
    await waitFor(() => expect(screen.getByTestId('budget-indicator').dataset['status']).toBe('exceeded'));
    fireEvent.click(screen.getByText('Thông tin chung'));
    fireEvent.change(screen.getByLabelText('Thời hạn giải quyết'), { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('budget-indicator').dataset['status']).toBe('within'));
    expect(screen.getByTestId('budget-indicator').textContent).toContain('10 / 16 giờ làm việc');
  });

  it('refuses to save a template over budget without asking the server', async () => {
    const api = stubApi();
    await openSteps();
    setBudget(1, '7');
    fireEvent.click(screen.getByTestId('procedure-save'));
    expect(await screen.findByText('Tổng thời gian các bước (11 giờ) vượt thời hạn giải quyết (8 giờ làm việc)')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PATCH')).toBe(false);
  });

  it('adds, reorders and removes steps, and saves the whole template with the version read', async () => {
    const api = stubApi({
      'PATCH /api/procedures/{id}': (_request, body) => ({ status: 200, body: { ...DRAFT, version: 4, ...(body as object) } }),
    });
    await openSteps();
    fireEvent.click(screen.getByTestId('step-add'));
    fireEvent.change(await screen.findByLabelText('Tên bước 3'), { target: { value: 'Phê duyệt' } });
    setBudget(1, '2');
    setBudget(3, '2');
    fireEvent.click(screen.getByLabelText('Chuyển bước 3 lên'));
    fireEvent.click(screen.getByLabelText('Xóa bước 1'));
    await waitFor(() => expect(screen.getByTestId('budget-indicator').textContent).toContain('6 / 8 giờ làm việc'));
    fireEvent.click(screen.getByTestId('procedure-save'));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      version: 3,
      steps: [
        { name: 'Phê duyệt', actor: 'COMPETENT', role: 'SPECIALIST', budgetHours: 2, agencyId: null, parallelGroup: null },
        { name: 'Thẩm định hồ sơ', budgetHours: 4 },
      ],
    });
  });

  it('puts the server’s step errors under the step they name', async () => {
    stubApi({
      'PATCH /api/procedures/{id}': problem(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ.', [
        { field: 'steps.1.name', rule: 'maxLength', message: 'Tên bước quá dài theo máy chủ' },
      ]),
    });
    await openSteps();
    fireEvent.click(screen.getByTestId('procedure-save'));
    const input = screen.getByLabelText('Tên bước 2');
    const cell = input.closest('.ant-form-item') as HTMLElement;
    expect(await within(cell).findByText('Tên bước quá dài theo máy chủ')).toBeTruthy();
  });

  it('shows a published version read-only, with its budget against the processing time', async () => {
    stubApi({ 'GET /api/procedures/{id}': { status: 200, body: procedure({ status: 'PUBLISHED' }) } });
    const indicator = await openSteps();
    expect(indicator.dataset['status']).toBe('within');
    expect(screen.queryByTestId('step-add')).toBeNull();
    expect(screen.queryByTestId('procedure-save')).toBeNull();
    expect(screen.getByText('Thẩm định hồ sơ')).toBeTruthy();
  });
});
