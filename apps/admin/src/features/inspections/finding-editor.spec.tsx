import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { draftOf, draftProblem, findingBody, isDirty, withCategory, withNote, withVerdict } from './finding-draft';
import { finding, INSPECTION_ID, inspection, sampleItem } from './inspection-fixtures';
import type { FindingCategory, FindingVerdict, Inspection } from './inspection-labels';

describe('a finding draft', () => {
  it('clears the category when the dossier is found compliant, and keeps it when switching back to a problem', () => {
    const problemDraft = withCategory(withVerdict(draftOf(null), 'PROBLEM'), 'WRONG_FEE');
    expect(withVerdict(problemDraft, 'COMPLIANT')).toEqual({ verdict: 'COMPLIANT', category: undefined, note: '' });
    expect(withVerdict(withVerdict(problemDraft, 'PROBLEM'), 'PROBLEM').category).toBe('WRONG_FEE');
  });

  it('cannot be saved without a verdict, nor as a problem without a category, nor with a note over 2 000 characters', () => {
    expect(draftProblem(draftOf(null))).toBe('verdictRequired');
    expect(draftProblem(withVerdict(draftOf(null), 'PROBLEM'))).toBe('categoryRequired');
    expect(draftProblem(withNote(withVerdict(draftOf(null), 'COMPLIANT'), 'x'.repeat(2001)))).toBe('noteTooLong');
    expect(draftProblem(withCategory(withVerdict(draftOf(null), 'PROBLEM'), 'OTHER'))).toBeUndefined();
  });

  it('is dirty only when it differs from what is recorded, notes compared trimmed', () => {
    const saved = finding({ verdict: 'PROBLEM', category: 'OTHER', note: 'Thiếu chữ ký' });
    expect(isDirty(draftOf(saved), saved)).toBe(false);
    expect(isDirty(withNote(draftOf(saved), '  Thiếu chữ ký  '), saved)).toBe(false);
    expect(isDirty(withCategory(draftOf(saved), 'WRONG_FEE'), saved)).toBe(true);
    expect(isDirty(draftOf(null), null)).toBe(false);
  });

  it('sends a category only for a problem and leaves out an empty note', () => {
    expect(findingBody(withNote(withVerdict(draftOf(null), 'COMPLIANT'), '   '))).toEqual({ verdict: 'COMPLIANT' });
    expect(findingBody(withNote(withCategory(withVerdict(draftOf(null), 'PROBLEM'), 'WRONG_FEE'), ' Thu 250.000 đồng '))).toEqual({
      verdict: 'PROBLEM',
      category: 'WRONG_FEE',
      note: 'Thu 250.000 đồng',
    });
  });
});

/** A fake API holding the inspection: a finding recorded is in the next read, as on the server. */
function stubApi(roles: Role[], initial: Inspection, routes: Record<string, FakeRoute> = {}) {
  let current = initial;
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    'GET /api/inspections/{id}': () => ({ status: 200, body: current }),
    'PUT /api/inspections/{id}/findings/{dossierId}': (request, body) => {
      const dossierId = new URL(request.url).pathname.split('/').pop();
      const recorded = body as { verdict: FindingVerdict; category?: FindingCategory; note?: string };
      const sample = current.sample.map((item) =>
        item.dossierId === dossierId
          ? {
              ...item,
              finding: finding({
                verdict: recorded.verdict,
                category: recorded.category ?? null,
                note: recorded.note ?? null,
                recordedAt: new Date().toISOString(),
              }),
            }
          : item,
      );
      current = inspection(sample, { seed: current.seed, status: current.status });
      return { status: 200, body: sample.find((item) => item.dossierId === dossierId) };
    },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const puts = (api: ReturnType<typeof stubApi>) => api.calls.filter((call) => call.method === 'PUT');

async function editorOf(code: string): Promise<HTMLElement> {
  return screen.findByTestId(`finding-editor-${code}`);
}

describe('recording findings on an inspection', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the scope, the seed to copy and the sample with links to the dossiers', async () => {
    stubApi(['AUDITOR'], inspection([sampleItem(1), sampleItem(2, { timeliness: 'ON_TIME' })]));
    renderApp(`/thanh-tra/${INSPECTION_ID}`);
    expect((await screen.findByTestId('inspection-title')).textContent).toBe('Kiểm tra giải quyết TTHC tháng 5/2026 tại Sở Tư pháp');
    expect(screen.getByTestId('inspection-seed').textContent).toContain('thanhtra-2026-05');
    expect(screen.getByText('01/05/2026 – 31/05/2026')).toBeTruthy();
    expect(screen.getByText('2 hồ sơ được chọn / yêu cầu 10 / 42 hồ sơ trong kỳ')).toBeTruthy();
    const sample = screen.getByTestId('inspection-sample');
    const link = within(sample).getByRole('link', { name: '000.00.22.H01-260512-0001' });
    expect(link.getAttribute('href')).toBe('/ho-so/000.00.22.H01-260512-0001');
    expect(within(sample).getAllByText('Trễ hạn')).toHaveLength(1);
    expect(within(sample).getByText('Đúng hạn')).toBeTruthy();
    expect(screen.getByTestId('inspection-count-pending').textContent).toContain('2');
  });

  it('records a problem only once its category is chosen, with the note, and shows it in the counts', async () => {
    const item = sampleItem(1);
    const api = stubApi(['AUDITOR'], inspection([item, sampleItem(2)]));
    renderApp(`/thanh-tra/${INSPECTION_ID}`);
    const editor = await editorOf(item.code);
    fireEvent.click(within(editor).getByLabelText('Có vấn đề'));
    const save = within(editor).getByRole('button', { name: 'Lưu kết luận' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(within(editor).getByText('Chọn nhóm vi phạm, thiếu sót khi kết luận có vấn đề')).toBeTruthy();

    fireEvent.mouseDown(within(editor).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Trễ hạn không có văn bản xin lỗi'));
    fireEvent.change(within(editor).getByLabelText('Ghi chú'), { target: { value: ' Trễ 3 ngày, không có phiếu xin lỗi ' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    await waitFor(() => expect(puts(api)).toHaveLength(1));
    expect(puts(api)[0].path).toBe(`/api/inspections/${INSPECTION_ID}/findings/${item.dossierId}`);
    expect(puts(api)[0].body).toEqual({ verdict: 'PROBLEM', category: 'LATE_WITHOUT_APOLOGY', note: 'Trễ 3 ngày, không có phiếu xin lỗi' });
    expect(await screen.findByText(`Đã lưu kết luận cho hồ sơ ${item.code}`)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('inspection-count-problem').textContent).toContain('1'));
    expect(screen.getByTestId('inspection-count-pending').textContent).toContain('1');
    expect(screen.getByText('Trễ hạn không có văn bản xin lỗi: 1')).toBeTruthy();
    // Saved: nothing left to save on that row, and no more redraw.
    await waitFor(() =>
      expect(within(screen.getByTestId(`finding-editor-${item.code}`)).queryByRole('button', { name: 'Lưu kết luận' })).toBeNull(),
    );
    expect((screen.getByTestId('inspection-redraw') as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends no category for a compliant dossier even after one was picked', async () => {
    const item = sampleItem(1);
    const api = stubApi(['AUDITOR'], inspection([item]));
    renderApp(`/thanh-tra/${INSPECTION_ID}`);
    const editor = await editorOf(item.code);
    fireEvent.click(within(editor).getByLabelText('Có vấn đề'));
    fireEvent.mouseDown(within(editor).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Thu phí, lệ phí không đúng quy định'));
    fireEvent.click(within(editor).getByLabelText('Đạt'));
    expect(within(editor).queryByRole('combobox')).toBeNull();
    fireEvent.click(within(editor).getByRole('button', { name: 'Lưu kết luận' }));
    await waitFor(() => expect(puts(api)).toHaveLength(1));
    expect(puts(api)[0].body).toEqual({ verdict: 'COMPLIANT' });
  });

  it('shows the API’s refusal on the row it concerns', async () => {
    const item = sampleItem(1);
    stubApi(['AUDITOR'], inspection([item, sampleItem(2)]), {
      'PUT /api/inspections/{id}/findings/{dossierId}': problem(409, 'INSPECTION_CLOSED', 'Đợt kiểm tra đã kết thúc.'),
    });
    renderApp(`/thanh-tra/${INSPECTION_ID}`);
    const editor = await editorOf(item.code);
    fireEvent.click(within(editor).getByLabelText('Đạt'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Lưu kết luận' }));
    expect((await within(editor).findByTestId('finding-error')).textContent).toBe('Đợt kiểm tra đã kết thúc.');
    expect(within(screen.getByTestId(`finding-editor-${sampleItem(2).code}`)).queryByTestId('finding-error')).toBeNull();
  });

  it('asks before closing, saying how many dossiers have no finding yet', async () => {
    const api = stubApi(['AUDITOR'], inspection([sampleItem(1, { finding: finding() }), sampleItem(2)]), {
      'POST /api/inspections/{id}/close': { status: 200, body: inspection([sampleItem(1, { finding: finding() }), sampleItem(2)]) },
    });
    renderApp(`/thanh-tra/${INSPECTION_ID}`);
    fireEvent.click(await screen.findByTestId('inspection-close'));
    expect(await screen.findAllByText('Kết thúc đợt kiểm tra “Kiểm tra giải quyết TTHC tháng 5/2026 tại Sở Tư pháp”?')).not.toHaveLength(0);
    expect(screen.getByText('Còn 1 hồ sơ chưa có kết luận.')).toBeTruthy();
    expect(api.calls.some((call) => call.path.endsWith('/close'))).toBe(false);
    fireEvent.click(screen.getByTestId('inspection-close-confirm'));
    await waitFor(() => expect(api.calls.filter((call) => call.path === `/api/inspections/${INSPECTION_ID}/close`)).toHaveLength(1));
    expect(await screen.findByText('Đã kết thúc đợt kiểm tra')).toBeTruthy();
  });

  it('shows a closed inspection read-only, and lets a leader export its report without editing', async () => {
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = vi.fn(() => 'blob:inspection');
    URL.revokeObjectURL = vi.fn();
    let downloaded: string | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    try {
      const closed = inspection(
        [sampleItem(1, { finding: finding() }), sampleItem(2, { finding: finding({ verdict: 'COMPLIANT', category: null, note: null }) })],
        {
          status: 'CLOSED',
          closedAt: '2026-06-05T09:00:00.000Z',
          closedByName: 'Thanh tra tỉnh An Giang',
        },
      );
      const api = stubApi(['LEADER'], closed, {
        'GET /api/inspections/{id}/report': {
          status: 200,
          body: 'binary',
        },
      });
      renderApp(`/thanh-tra/${INSPECTION_ID}`);
      expect(await screen.findByTestId('inspection-closed')).toBeTruthy();
      expect(screen.getByTestId('inspection-status').textContent).toBe('Đã kết thúc');
      expect(screen.queryByTestId('inspection-close')).toBeNull();
      expect(screen.queryByTestId('inspection-redraw')).toBeNull();
      expect(screen.queryByTestId(/^finding-editor-/)).toBeNull();
      const sample = screen.getByTestId('inspection-sample');
      expect(within(sample).getByText('Trễ hạn không có văn bản xin lỗi')).toBeTruthy();
      expect(within(sample).getByText('Đạt')).toBeTruthy();

      fireEvent.click(screen.getByTestId('inspection-export-pdf'));
      await waitFor(() => expect(downloaded).toBe(`kiem-tra_${INSPECTION_ID.slice(0, 8)}.pdf`));
      const call = api.calls.find((c) => c.path === `/api/inspections/${INSPECTION_ID}/report`);
      expect(call?.search.get('format')).toBe('pdf');
      expect(call?.authorization).toBe('Bearer token-LEADER');
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });
});
