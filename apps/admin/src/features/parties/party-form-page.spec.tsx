import { taxCodeCheckDigit } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { OTHER_ID, party, PARTY_ID } from './party-fixtures';

const FIRST9 = '010010910';
const CHECK = taxCodeCheckDigit(FIRST9) as number;
const VALID_TAX_CODE = `${FIRST9}${CHECK}`;
const WRONG_CHECK_DIGIT = `${FIRST9}${(CHECK + 1) % 10}`;

function stubApi(routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['RECEPTION']) },
    'GET /api/health': HEALTHY,
    'GET /api/parties/{id}': { status: 200, body: party() },
    'POST /api/parties': { status: 201, body: { ...party(), warnings: [] } },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const form = () => screen.getByTestId('party-form');
const created = (api: ReturnType<typeof stubApi>) => api.calls.filter((call) => call.method === 'POST' && call.path === '/api/parties');

async function typeIdentifier(value: string) {
  const input = within(form()).getAllByLabelText('Số giấy tờ')[0];
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

describe('party create form', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks a CCCD with the shared validators as it is typed: 12 digits and a province code that exists', async () => {
    stubApi();
    renderApp('/cong-dan/moi');
    await screen.findByTestId('party-form');
    await typeIdentifier('08920300123');
    expect(await screen.findByText('Số CCCD (số định danh cá nhân) phải gồm đúng 12 chữ số.')).toBeTruthy();
    await typeIdentifier('099203001234');
    expect(await screen.findByText(/ba chữ số đầu \(099\) không phải là mã tỉnh/)).toBeTruthy();
    await typeIdentifier('089203001234');
    await waitFor(() => expect(screen.queryByText(/không phải là mã tỉnh/)).toBeNull());
  });

  it('checks an enterprise’s tax code: a wrong check digit and a branch suffix 000 are refused before sending', async () => {
    const api = stubApi();
    renderApp('/cong-dan/moi');
    await screen.findByTestId('party-form');
    fireEvent.click(within(form()).getByLabelText('Doanh nghiệp'));
    fireEvent.change(within(form()).getByLabelText('Tên tổ chức, doanh nghiệp'), { target: { value: 'Công ty TNHH Lúa Vàng' } });
    await typeIdentifier(WRONG_CHECK_DIGIT);
    expect(await screen.findByText('Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng.')).toBeTruthy();
    await typeIdentifier(`${VALID_TAX_CODE}-000`);
    expect(await screen.findByText(/ba chữ số sau dấu gạch ngang không được là 000/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('party-save'));
    await screen.findByText(/ba chữ số sau dấu gạch ngang không được là 000/);
    expect(created(api)).toHaveLength(0);

    await typeIdentifier(`${VALID_TAX_CODE}-001`);
    fireEvent.click(screen.getByTestId('party-save'));
    await waitFor(() => expect(created(api)).toHaveLength(1));
    expect(created(api)[0].body).toMatchObject({
      type: 'ENTERPRISE',
      name: 'Công ty TNHH Lúa Vàng',
      identifiers: [{ type: 'TAX_CODE', value: `${VALID_TAX_CODE}-001` }],
      representatives: [],
    });
  });

  it('refuses a birth date in the future', async () => {
    const api = stubApi();
    renderApp('/cong-dan/moi');
    await screen.findByTestId('party-form');
    fireEvent.change(within(form()).getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
    await typeIdentifier('089203001234');
    const birth = within(form()).getByLabelText('Ngày sinh');
    fireEvent.mouseDown(birth);
    fireEvent.focus(birth);
    fireEvent.change(birth, { target: { value: '01/05/2999' } });
    fireEvent.keyDown(birth, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.blur(birth);
    fireEvent.click(screen.getByTestId('party-save'));
    expect(await screen.findByText('Ngày sinh không được ở tương lai')).toBeTruthy();
    expect(created(api)).toHaveLength(0);
  });

  it('shows a CCCD that disagrees with the sex as a warning, still saves, and opens the new party with the API’s warnings', async () => {
    const warning = 'Số CCCD cho biết giới tính nam, khác với giới tính đã nhập (nữ).';
    const api = stubApi({ 'POST /api/parties': { status: 201, body: { ...party({ sex: 'FEMALE' }), warnings: [warning] } } });
    renderApp('/cong-dan/moi');
    await screen.findByTestId('party-form');
    fireEvent.change(within(form()).getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
    fireEvent.click(within(form()).getByLabelText('Nữ'));
    await typeIdentifier('089203001234');
    const warnings = await screen.findByTestId('party-cccd-warnings');
    expect(within(warnings).getByText(warning)).toBeTruthy();
    fireEvent.change(within(form()).getByLabelText('Số điện thoại'), { target: { value: '0912345678' } });
    fireEvent.click(screen.getByTestId('party-save'));
    await waitFor(() => expect(created(api)).toHaveLength(1));
    expect(created(api)[0].body).toMatchObject({
      type: 'INDIVIDUAL',
      fullName: 'Nguyễn Văn An',
      sex: 'FEMALE',
      identifiers: [{ type: 'CCCD', value: '089203001234' }],
      phone: '0912345678',
    });
    const shown = await screen.findByTestId('party-warnings');
    expect(within(shown).getByText(warning)).toBeTruthy();
    expect(await screen.findByTestId('party-detail')).toBeTruthy();
  });

  it('offers the existing party when the identifier is already registered (409)', async () => {
    stubApi({
      'POST /api/parties': problem(
        409,
        'PARTY_IDENTIFIER_TAKEN',
        'Giấy tờ đã được đăng ký cho một công dân, tổ chức trong danh bạ. Dùng bản ghi đã có.',
        [{ field: 'identifiers.0.value', rule: 'unique', message: 'Giấy tờ đã được đăng ký trong danh bạ' }],
        { existingPartyId: OTHER_ID },
      ),
      'GET /api/parties/{id}': (request) =>
        request.url.endsWith(OTHER_ID)
          ? { status: 200, body: party({ id: OTHER_ID, displayName: 'Nguyễn Văn An (đã có)' }) }
          : { status: 200, body: party({ id: PARTY_ID }) },
    });
    renderApp('/cong-dan/moi');
    await screen.findByTestId('party-form');
    fireEvent.change(within(form()).getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
    await typeIdentifier('089203001234');
    fireEvent.click(screen.getByTestId('party-save'));
    expect(await screen.findByTestId('party-taken')).toBeTruthy();
    expect(await screen.findByText('Giấy tờ đã được đăng ký trong danh bạ')).toBeTruthy();
    fireEvent.click(screen.getByTestId('party-open-existing'));
    expect((await screen.findByTestId('party-name')).textContent).toBe('Nguyễn Văn An (đã có)');
  });
});

describe('party edit form', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  const patches = (api: ReturnType<typeof stubApi>) => api.calls.filter((call) => call.method === 'PATCH');

  it('sends the version read and only the contacts that changed; the masked phone stays unless a new one is typed', async () => {
    const api = stubApi({ 'PATCH /api/parties/{id}': { status: 200, body: { ...party({ version: 2 }), warnings: [] } } });
    renderApp(`/cong-dan/${PARTY_ID}/sua`);
    await screen.findByTestId('party-form');
    expect(screen.getByText('Đang lưu: 091****678. Để trống nếu không đổi.')).toBeTruthy();
    fireEvent.change(within(form()).getByLabelText('Thư điện tử'), { target: { value: 'an.nguyen@angiang.gov.vn' } });
    fireEvent.click(screen.getByTestId('party-save'));
    await waitFor(() => expect(patches(api)).toHaveLength(1));
    expect(patches(api)[0].body).toEqual({
      version: 1,
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '2003-05-01',
      sex: 'MALE',
      email: 'an.nguyen@angiang.gov.vn',
    });
    expect(await screen.findByTestId('party-detail')).toBeTruthy();
  });

  it('says when someone else saved first (409 STALE_VERSION) and starts again from the stored version', async () => {
    let version = 1;
    const api = stubApi({
      'GET /api/parties/{id}': () => ({ status: 200, body: party({ version }) }),
      'PATCH /api/parties/{id}': () => {
        version = 2;
        return problem(409, 'STALE_VERSION', 'Bản ghi đã được người khác thay đổi.', [], { currentVersion: 2 });
      },
    });
    renderApp(`/cong-dan/${PARTY_ID}/sua`);
    await screen.findByTestId('party-form');
    fireEvent.click(screen.getByTestId('party-save'));
    const stale = await screen.findByTestId('party-stale');
    fireEvent.click(within(stale).getByText('Tải lại'));
    await waitFor(() => expect(screen.queryByTestId('party-stale')).toBeNull());
    fireEvent.click(screen.getByTestId('party-save'));
    await waitFor(() => expect(patches(api)).toHaveLength(2));
    expect((patches(api)[1].body as { version: number }).version).toBe(2);
  });
});
