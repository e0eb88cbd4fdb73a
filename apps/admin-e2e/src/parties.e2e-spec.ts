import { Browser, Page } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { DEMO_PASSWORD, logIn } from './support/session';

const CITIZEN = 'Phạm Thị Thanh Xuân';
/** 089 An Giang, 1 = born in the 1900s and female, 95 = 1995: agrees with the birth date and sex below. */
const CCCD = '089195004321';
const PHONE = '0918765432';
const PURPOSE = 'Đối chiếu CCCD khi trả kết quả hồ sơ cho công dân';
/** 160123456 and its check digit 5. */
const TAX_CODE = '1601234565';
const ENTERPRISE = 'Công ty TNHH Thanh Xuân An Giang';

interface Json {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Issue 7: the citizen registry in Chromium. A counter intake registers the applicant; reception
 * finds her by a name typed without diacritics, sees her identifiers masked, reveals the CCCD for a
 * stated purpose; the provincial inspector then finds that reveal (who, purpose) in the access log.
 */
describe('the citizen registry in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let reception: Page;
  let dossierCode = '';

  async function json(path: string, init: RequestInit = {}): Promise<Json> {
    const res = await fetch(product.baseUrl + path, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async function token(username: string): Promise<string> {
    const login = await json('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return String(login.body['accessToken']);
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();

    // Setup through the API: a counter intake, which registers the applicant in the registry.
    const bearer = await token('tiepnhan.ttpvhcc');
    const procedure = await json('/api/public/procedures/2.000488');
    const documents = (procedure.body['documents'] as Array<{ name: string; mandatory: boolean }>)
      .filter((document) => document.mandatory)
      .map((document) => ({ name: document.name, kind: 'ORIGINAL', count: 1 }));
    const intake = await json('/api/dossiers', {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'idempotency-key': 'parties-e2e-intake' },
      body: JSON.stringify({
        procedureCode: '2.000488',
        receivingAgencyCode: '000.00.22.H01',
        channel: 'DIRECT',
        applicant: {
          type: 'INDIVIDUAL',
          fullName: CITIZEN,
          dateOfBirth: '1995-08-15',
          sex: 'FEMALE',
          identifiers: [{ type: 'CCCD', value: CCCD }],
          phone: PHONE,
          address: 'Phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang',
        },
        documents,
      }),
    });
    expect(intake.status).toBe(201);
    dossierCode = String(intake.body['code']);

    reception = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(reception, product.baseUrl, 'tiepnhan.ttpvhcc');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('finds the citizen by her name typed without diacritics, masked, with the dossier that registered her', async () => {
    const page = reception;
    await page.getByTestId('nav-parties').click();
    await page.waitForURL((url) => url.pathname === '/cong-dan');
    // The search answered for the folded name (not the unfiltered first page) lists her.
    const [searched] = await Promise.all([
      page.waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === '/api/parties' && url.searchParams.get('q') === 'pham thi thanh xuan';
      }),
      page.getByPlaceholder(/Tìm theo họ tên/).fill('pham thi thanh xuan'),
    ]);
    const found = (await searched.json()) as { items: Array<{ displayName: string }> };
    expect(found.items.map((item) => item.displayName)).toEqual([CITIZEN]);
    const row = page.getByRole('row', { name: new RegExp(CITIZEN) });
    await row.waitFor();
    expect(await row.textContent()).toContain('089******321');
    expect(await row.textContent()).not.toContain(CCCD);
    await screenshot(page, 'parties-search');

    await page.getByRole('link', { name: CITIZEN, exact: true }).click();
    await page.waitForURL((url) => /^\/cong-dan\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('party-name').getByText(CITIZEN).waitFor();
    expect(await page.getByTestId('identifier-CCCD').textContent()).toBe('089******321');
    expect(await page.getByTestId('party-phone').textContent()).toBe('091****432');
    await page.getByTestId('party-dossiers').getByRole('link', { name: dossierCode, exact: true }).waitFor();
    expect(await page.content()).not.toContain(CCCD);
    await screenshot(page, 'parties-detail-masked');
  });

  it('reveals the CCCD only after a purpose is given', async () => {
    const page = reception;
    await page.getByTestId('party-reveal').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('reveal-submit').click();
    await dialog.getByText('Nhập mục đích xem dữ liệu').waitFor();
    await dialog.getByTestId('reveal-purpose').fill(PURPOSE);
    await screenshot(page, 'parties-reveal-purpose');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/reveal') && r.request().method() === 'POST'),
      dialog.getByTestId('reveal-submit').click(),
    ]);
    expect(response.status()).toBe(200);
    await page.getByTestId('identifier-CCCD').getByText(CCCD, { exact: true }).waitFor();
    expect(await page.getByTestId('party-phone').textContent()).toBe(PHONE);
    await page.getByTestId('party-revealed-notice').waitFor();
    await screenshot(page, 'parties-detail-revealed');
  });

  it('shows the reveal to the provincial inspector in the access log: who, role, agency, purpose', async () => {
    const auditor = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(auditor, product.baseUrl, 'thanhtra.tinh');
    await auditor.getByTestId('nav-parties').click();
    await auditor.getByRole('tab', { name: /Nhật ký truy cập/ }).click();
    await auditor.waitForURL((url) => url.pathname === '/cong-dan/nhat-ky-truy-cap');
    const table = auditor.getByTestId('access-log-table');
    const reveal = table.getByRole('row', { name: new RegExp(PURPOSE) });
    await reveal.waitFor();
    const text = (await reveal.textContent()) ?? '';
    expect(text).toContain('tiepnhan.ttpvhcc');
    expect(text).toContain('Tiếp nhận');
    expect(text).toContain('Xem đầy đủ');
    expect(text).toContain('Trung tâm Phục vụ hành chính công');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // The log names the fields seen, never their values.
    expect(text).not.toContain(CCCD);
    await screenshot(auditor, 'parties-access-log');

    // Only reveals, filtered on the server.
    await auditor.getByTestId('access-log-action').click();
    const [filtered] = await Promise.all([
      auditor.waitForResponse((r) => {
        const url = new URL(r.url());
        return url.pathname === '/api/parties/access-log' && url.searchParams.get('action') === 'REVEAL';
      }),
      auditor.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Xem đầy đủ"]').click(),
    ]);
    expect(((await filtered.json()) as { items: unknown[] }).items).toHaveLength(1);
    await auditor.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    await table.getByRole('row', { name: new RegExp(PURPOSE) }).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await auditor.close();
  });

  it('offers her existing record when her CCCD is registered again, and makes her the legal representative of an enterprise', async () => {
    const page = reception;
    await page.goto(`${product.baseUrl}/cong-dan/moi`);
    const form = page.getByTestId('party-form');
    await form.getByLabel('Họ và tên', { exact: true }).fill('Phạm Thị Xuân');
    await form.getByLabel('Số giấy tờ', { exact: true }).fill(CCCD);
    await page.getByTestId('party-save').click();
    await page.getByTestId('party-taken').waitFor();
    await form.getByText('Giấy tờ đã được đăng ký trong danh bạ').waitFor();
    await screenshot(page, 'parties-create-taken');
    await page.getByTestId('party-open-existing').click();
    await page.getByTestId('party-name').getByText(CITIZEN, { exact: true }).waitFor();

    await page.goto(`${product.baseUrl}/cong-dan/moi`);
    await form.getByText('Doanh nghiệp', { exact: true }).click();
    await form.getByLabel('Tên tổ chức, doanh nghiệp', { exact: true }).fill(ENTERPRISE);
    // A wrong check digit is refused as it is typed, before anything is sent.
    const taxCode = form.getByLabel('Số giấy tờ', { exact: true });
    await taxCode.fill('1601234566');
    await taxCode.blur();
    await form.getByText('Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng.').waitFor();
    await taxCode.fill(TAX_CODE);
    await page.getByTestId('party-add-representative').click();
    const representative = form.getByRole('combobox', { name: 'Người đại diện', exact: true });
    await representative.click();
    await representative.fill('pham thi thanh');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: CITIZEN }).click();
    await screenshot(page, 'parties-create-enterprise');
    await page.getByTestId('party-save').click();
    await page.waitForURL((url) => /^\/cong-dan\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('party-name').getByText(ENTERPRISE, { exact: true }).waitFor();
    const representatives = page.getByTestId('party-representatives');
    await representatives.getByRole('link', { name: CITIZEN, exact: true }).waitFor();
    expect(await representatives.textContent()).toContain('Người đại diện theo pháp luật');
    expect(await page.getByTestId('identifier-TAX_CODE').textContent()).toBe('160****565');
    await screenshot(page, 'parties-enterprise-detail');
  });
});
