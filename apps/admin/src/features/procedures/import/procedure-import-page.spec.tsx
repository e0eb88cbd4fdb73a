import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

// jsdom's XMLHttpRequest would go to the network: the transport reports progress and hands the
// request to the stubbed fetch instead.
vi.mock('../../../app/upload-transport', () => ({
  progressFetch: (onProgress: (fraction: number) => void) => async (request: Request) => {
    onProgress(0.5);
    onProgress(1);
    return globalThis.fetch(request);
  },
}));

const REJECTED = [
  { line: 3, code: '1.000123', reasons: ['Cấp thực hiện "phường" không hợp lệ (tỉnh, huyện, xã)', 'Thành phần hồ sơ trống'] },
  { line: 7, code: null, reasons: ['Mã thủ tục trống hoặc không hợp lệ'] },
];

function stubApi(importRoute: FakeRoute) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['ADMIN']) },
    'GET /api/health': HEALTHY,
    'POST /api/procedures/import': importRoute,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function chooseFileAndImport(options: { validOnly?: boolean; publish?: boolean } = {}) {
  renderApp('/thu-tuc/nhap');
  await screen.findByText('Nhập thủ tục từ tệp');
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['Mã thủ tục,Tên thủ tục\n1.000123,Cấp giấy phép\n'], 'danh-muc.csv', { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByText('danh-muc.csv');
  if (options.validOnly) fireEvent.click(screen.getByText('Chỉ nhập các dòng hợp lệ'));
  if (options.publish) fireEvent.click(screen.getByLabelText('Công bố ngay sau khi nhập'));
  fireEvent.click(screen.getByTestId('import-submit'));
}

function rowOfLine(table: HTMLElement, line: string): HTMLElement {
  const cell = within(table)
    .getAllByRole('cell')
    .find((element) => element.textContent === line);
  return cell?.closest('tr') as HTMLElement;
}

describe('procedure import', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a 422 says that nothing was written and lists every rejected line with its code and reasons', async () => {
    const api = stubApi(
      problem(422, 'IMPORT_ROWS_INVALID', '2/9 dòng không hợp lệ; không dòng nào được nhập.', [], { rejected: REJECTED, totalRows: 9 }),
    );
    await chooseFileAndImport();

    expect(await screen.findByText('Không có dòng nào được nhập: dữ liệu chưa được ghi vào danh mục.')).toBeTruthy();
    const table = screen.getByTestId('import-rejections');
    const third = rowOfLine(table, '3');
    expect(within(third).getByText('1.000123')).toBeTruthy();
    expect(within(third).getByText('Cấp thực hiện "phường" không hợp lệ (tỉnh, huyện, xã)')).toBeTruthy();
    expect(within(third).getByText('Thành phần hồ sơ trống')).toBeTruthy();
    const seventh = rowOfLine(table, '7');
    expect(within(seventh).getByText('—')).toBeTruthy();
    expect(within(seventh).getByText('Mã thủ tục trống hoặc không hợp lệ')).toBeTruthy();

    const call = api.calls.find((c) => c.path === '/api/procedures/import');
    expect(call?.search.get('mode')).toBe('all');
    expect(call?.search.get('publish')).toBe('false');
  });

  it('in valid-only mode reports what was imported and still lists the lines skipped', async () => {
    const api = stubApi({ status: 200, body: { totalRows: 9, imported: 7, importedCodes: ['1.001193', '2.000889'], rejected: REJECTED } });
    await chooseFileAndImport({ validOnly: true, publish: true });

    expect(await screen.findByText('Đã nhập 7/9 dòng')).toBeTruthy();
    expect(screen.getByText('2 dòng bị bỏ qua')).toBeTruthy();
    expect(screen.getByText('1.001193')).toBeTruthy();
    expect(within(screen.getByTestId('import-rejections')).getByText('Thành phần hồ sơ trống')).toBeTruthy();
    expect(screen.queryByText(/Không có dòng nào được nhập/)).toBeNull();

    const call = api.calls.find((c) => c.path === '/api/procedures/import');
    expect(call?.search.get('mode')).toBe('valid-only');
    expect(call?.search.get('publish')).toBe('true');
  });

  it('says plainly when the file is not a spreadsheet', async () => {
    stubApi(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Tệp nhập phải là bảng tính XLSX hoặc CSV (UTF-8).'));
    await chooseFileAndImport();
    expect(await screen.findByText('Tệp không phải bảng tính XLSX hoặc CSV')).toBeTruthy();
    expect(screen.getByText('Tệp nhập phải là bảng tính XLSX hoặc CSV (UTF-8).')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('import-rejections')).toBeNull());
  });
});
