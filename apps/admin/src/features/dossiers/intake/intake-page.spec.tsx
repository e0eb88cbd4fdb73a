import { foldVietnamese } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';
import { CENTER, CODE, dossier, LY_LICH, LY_LICH_SUMMARY } from '../dossier-fixtures';

const [TO_KHAI, GIAY_TO_TUY_THAN, NOI_CU_TRU] = LY_LICH.documents.map((document) => document.name);

function stubApi(routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION'], { username: 'tiepnhan.ttpvhcc' }) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [CENTER] },
    // The API folds diacritics on both sides; before anything is typed it suggests other procedures.
    'GET /api/procedures': (request) => {
      const q = foldVietnamese(new URL(request.url).searchParams.get('q') ?? '');
      const items = q && foldVietnamese(`${LY_LICH.code} ${LY_LICH.name}`).includes(q) ? [LY_LICH_SUMMARY] : [];
      return { status: 200, body: { items, nextCursor: null } };
    },
    'GET /api/public/procedures/{code}': { status: 200, body: LY_LICH },
    // Received on Monday 09/03/2026 09:00: due ten working days later.
    'GET /api/calendar/due': { status: 200, body: { clockStart: '2026-03-09T09:00:00+07:00', due: '2026-03-23T09:00:00+07:00' } },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

/** Finds the procedure by typing its name without diacritics, as officials do. */
async function chooseProcedure() {
  const select = await screen.findByLabelText('Thủ tục hành chính');
  fireEvent.mouseDown(select);
  fireEvent.change(select, { target: { value: 'ly lich tu phap' } });
  fireEvent.click(await screen.findByTitle(`2.000488 – ${LY_LICH.name}`));
  await screen.findByTestId('intake-checklist');
}

async function fillApplicant() {
  fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
  fireEvent.change(screen.getByLabelText('Số giấy tờ'), { target: { value: '089 203 001 234' } });
}

async function submitAndConfirm() {
  fireEvent.click(screen.getByTestId('intake-submit'));
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByText('Thứ Hai, 23/03/2026 09:00');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận tiếp nhận' }));
}

function intakePosts(api: ReturnType<typeof stubApi>) {
  return api.calls.filter((call) => call.method === 'POST' && call.path === '/api/dossiers');
}

describe('counter intake', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the chosen procedure’s checklist with the mandatory documents marked, its fees and the computed appointment', async () => {
    const api = stubApi();
    renderApp('/tiep-nhan');
    await chooseProcedure();
    expect(
      api.calls.some(
        (call) =>
          call.path === '/api/procedures' && call.search.get('q') === 'ly lich tu phap' && call.search.get('status') === 'PUBLISHED',
      ),
    ).toBe(true);

    const checklist = screen.getByTestId('intake-checklist');
    expect(within(screen.getByTestId('intake-document-0')).getByText('Bắt buộc')).toBeTruthy();
    expect(within(screen.getByTestId('intake-document-1')).getByText('Bắt buộc')).toBeTruthy();
    expect(within(screen.getByTestId('intake-document-2')).getByText('Không bắt buộc')).toBeTruthy();
    expect(
      within(checklist).getByText('Còn 2 giấy tờ bắt buộc chưa nhận. Nếu công dân chưa có, hãy hướng dẫn bổ sung thay vì tiếp nhận.'),
    ).toBeTruthy();
    fireEvent.click(within(checklist).getByLabelText(TO_KHAI));
    expect(await within(checklist).findByText(/^Còn 1 giấy tờ bắt buộc/)).toBeTruthy();

    const summary = screen.getByTestId('intake-summary');
    expect(within(summary).getByText('200.000 đồng')).toBeTruthy();
    expect(within(summary).getByText('10 ngày làm việc')).toBeTruthy();
    expect(await within(summary).findByText('Thứ Hai, 23/03/2026 09:00')).toBeTruthy();
    const due = api.calls.find((call) => call.path === '/api/calendar/due');
    expect(due?.search.get('amount')).toBe('10');
    expect(due?.search.get('unit')).toBe('WORKING_DAYS');
    expect(Number.isNaN(Date.parse(due?.search.get('start') ?? ''))).toBe(false);
    // The official's own reception point is chosen for them.
    expect(screen.getByTestId('intake-form').textContent).toContain(CENTER.name);
  });

  it('puts the documents the API finds missing (422) on their checklist lines, then receives with the same Idempotency-Key', async () => {
    const keys: Array<string | null> = [];
    let attempt = 0;
    const api = stubApi({
      'POST /api/dossiers': (request) => {
        keys.push(request.headers.get('idempotency-key'));
        attempt += 1;
        if (attempt === 1) {
          return problem(
            422,
            'DOCUMENTS_MISSING',
            'Hồ sơ thiếu 1 thành phần bắt buộc; hướng dẫn công dân bổ sung (Mẫu 02) thay vì tiếp nhận.',
            [{ field: 'documents', rule: 'mandatoryDocument', message: GIAY_TO_TUY_THAN }],
          );
        }
        return { status: 201, body: dossier({ warnings: ['Số CCCD cho biết năm sinh 2003, khác với năm sinh đã nhập (2002).'] }) };
      },
    });
    renderApp('/tiep-nhan');
    await chooseProcedure();
    await fillApplicant();
    fireEvent.click(screen.getByLabelText(TO_KHAI));
    fireEvent.click(screen.getByLabelText(NOI_CU_TRU));
    await submitAndConfirm();

    const missingLine = screen.getByTestId('intake-document-1');
    expect(await within(missingLine).findByText('Thiếu giấy tờ bắt buộc')).toBeTruthy();
    expect(within(screen.getByTestId('intake-document-0')).queryByText('Thiếu giấy tờ bắt buộc')).toBeNull();
    expect(screen.getByTestId('intake-error').textContent).toContain(`Còn thiếu: ${GIAY_TO_TUY_THAN}.`);
    expect(intakePosts(api)[0].body).toEqual({
      procedureCode: '2.000488',
      receivingAgencyId: CENTER.id,
      channel: 'DIRECT',
      applicant: { type: 'INDIVIDUAL', fullName: 'Nguyễn Văn An', identifiers: [{ type: 'CCCD', value: '089203001234' }] },
      documents: [
        { name: TO_KHAI, kind: 'ORIGINAL', count: 1 },
        { name: NOI_CU_TRU, kind: 'COPY', count: 1 },
      ],
    });

    // The citizen hands over the missing copy: the official ticks it and sends again.
    fireEvent.click(screen.getByLabelText(GIAY_TO_TUY_THAN));
    await submitAndConfirm();
    const result = await screen.findByTestId('intake-result');
    expect(within(result).getByTestId('intake-code').textContent).toContain(CODE);
    expect(within(result).getByTestId('intake-secret').textContent).toContain('K7P2QX9M');
    expect(within(result).getByText('Số CCCD cho biết năm sinh 2003, khác với năm sinh đã nhập (2002).')).toBeTruthy();
    expect(within(result).getByRole('button', { name: /In giấy tiếp nhận \(Mẫu 01\)/ })).toBeTruthy();
    expect(intakePosts(api)[1].body).toMatchObject({ documents: [{ name: TO_KHAI }, { name: GIAY_TO_TUY_THAN }, { name: NOI_CU_TRU }] });
    // One key per filled form: a retry or a double click never makes a second dossier.
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^intake-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('checks the CCCD as it is typed and puts the API’s field error under the identifier', async () => {
    const api = stubApi({
      'POST /api/dossiers': problem(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', [
        { field: 'applicant.identifiers.0.value', rule: 'isCccd', message: 'Số CCCD này đã bị thu hồi' },
      ]),
    });
    renderApp('/tiep-nhan');
    await chooseProcedure();
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
    const cccd = screen.getByLabelText('Số giấy tờ');
    fireEvent.change(cccd, { target: { value: '12345' } });
    fireEvent.blur(cccd);
    expect(await screen.findByText('Số CCCD (số định danh cá nhân) phải gồm đúng 12 chữ số.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(intakePosts(api)).toHaveLength(0);

    fireEvent.change(cccd, { target: { value: '089203001234' } });
    fireEvent.blur(cccd);
    await waitFor(() => expect(screen.queryByText('Số CCCD (số định danh cá nhân) phải gồm đúng 12 chữ số.')).toBeNull());
    fireEvent.click(screen.getByLabelText(TO_KHAI));
    fireEvent.click(screen.getByLabelText(GIAY_TO_TUY_THAN));
    await submitAndConfirm();
    const message = await screen.findByText('Số CCCD này đã bị thu hồi');
    expect(message.closest('.ant-form-item')?.textContent).toContain('Số giấy tờ');
  });
});
