import { readFileSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { DEMO_PASSWORD, logIn } from './support/session';

const SO_TU_PHAP = 'Sở Tư pháp tỉnh An Giang';
const PROCEDURE = '2.000488 – Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam';
const APPLICANTS = ['Nguyễn Văn Thanh', 'Trần Thị Kiểm', 'Lê Minh Tra'];
const SEED = 'e2e-thanhtra-2026';
const PILOT = 'Thí điểm tiếp nhận hồ sơ lý lịch tư pháp không phụ thuộc địa giới hành chính';

/** Officials' browsers run on Vietnam time: "today" and "this month" are Vietnamese days, as the API counts them. */
const VIETNAM = 'Asia/Ho_Chi_Minh';

/** A local day in Vietnam (UTC+7), shifted by whole days, as `dd/MM/yyyy` for the date pickers. */
function vietnamDay(shiftDays = 0): string {
  const [year, month, day] = new Date(Date.now() + 7 * 3_600_000 + shiftDays * 86_400_000).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Types a day into an antd date picker and confirms it. */
async function pickDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

/** The open dropdown of an antd select or tree select. */
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Finds an agency in an open agency tree by a name typed without diacritics, and picks it. */
async function pickAgency(page: Page, field: Locator, typed: string, name: string): Promise<void> {
  // The chosen agency's label lies over the search input: the click lands on the select all the same.
  await field.click({ force: true });
  await field.fill(typed);
  await dropdown(page).getByTitle(name, { exact: true }).click();
}

/**
 * Issue 8 §4–§5 in Chromium: the provincial inspector opens an inspection over today's dossiers
 * (made at the counter through the API), records findings, closes it and takes the PDF report away;
 * the head of Sở Tư pháp reads the accountability view; the administrator records a pilot model
 * and the head of Sở Tư pháp reads its comparison.
 */
describe('inspections, accountability and pilot models in Chromium', () => {
  let product: Product;
  let browser: Browser;
  const codes: string[] = [];

  async function json(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(product.baseUrl + path, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();

    // Three dossiers received at the provincial centre today, for Sở Tư pháp (the competent agency).
    const login = await json('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan.ttpvhcc', password: DEMO_PASSWORD }),
    });
    const bearer = String(login.body['accessToken']);
    const procedure = await json('/api/public/procedures/2.000488');
    const documents = (procedure.body['documents'] as Array<{ name: string; mandatory: boolean }>)
      .filter((document) => document.mandatory)
      .map((document) => ({ name: document.name, kind: 'ORIGINAL', count: 1 }));
    for (const [index, fullName] of APPLICANTS.entries()) {
      const intake = await json('/api/dossiers', {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'idempotency-key': `oversight-e2e-${index}` },
        body: JSON.stringify({
          procedureCode: '2.000488',
          receivingAgencyCode: '000.00.22.H01',
          channel: 'DIRECT',
          applicant: { type: 'INDIVIDUAL', fullName, identifiers: [] },
          documents,
        }),
      });
      expect(intake.status).toBe(201);
      codes.push(String(intake.body['code']));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lets the provincial inspector draw a seeded sample, record findings, close the inspection and export its PDF', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, timezoneId: VIETNAM, acceptDownloads: true });
    await logIn(page, product.baseUrl, 'thanhtra.tinh');
    await page.getByTestId('nav-inspections').click();
    await page.waitForURL((url) => url.pathname === '/thanh-tra');

    await page.getByTestId('inspection-open').click();
    const form = page.getByTestId('inspection-open-form');
    await form.getByLabel('Tên đợt kiểm tra', { exact: true }).fill('Kiểm tra việc giải quyết hồ sơ lý lịch tư pháp trong ngày');
    await pickAgency(page, form.getByLabel('Cơ quan được kiểm tra', { exact: true }), 'tu phap', SO_TU_PHAP);
    await pickDate(form.getByLabel('Tiếp nhận từ ngày', { exact: true }), vietnamDay());
    await pickDate(form.getByLabel('Đến ngày', { exact: true }), vietnamDay());
    await form.getByLabel('Số hồ sơ của mẫu', { exact: true }).fill('2');
    await form.getByLabel('Hạt giống chọn mẫu (seed)', { exact: true }).fill(SEED);
    await screenshot(page, 'oversight-inspection-open-form');
    await page.getByTestId('inspection-open-submit').click();

    await page.waitForURL((url) => /^\/thanh-tra\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('inspection-seed').getByText(SEED).waitFor();
    await page.getByText(`2 hồ sơ được chọn / yêu cầu 2 / 3 hồ sơ trong kỳ`).waitFor();
    const sample = page.getByTestId('inspection-sample');
    const sampled: string[] = [];
    for (const code of codes) if (await sample.getByRole('link', { name: code, exact: true }).count()) sampled.push(code);
    expect(sampled).toHaveLength(2);
    await screenshot(page, 'oversight-inspection-sample');

    // A problem on the first dossier of the draw, the second compliant.
    const [first, second] = await sample
      .locator('[data-testid^="finding-editor-"]')
      .evaluateAll((editors) => editors.map((editor) => (editor.getAttribute('data-testid') ?? '').replace('finding-editor-', '')));
    const problem = page.getByTestId(`finding-editor-${first}`);
    await problem.getByText('Có vấn đề', { exact: true }).click();
    await problem.getByRole('combobox').click();
    await dropdown(page).getByTitle('Thiếu thành phần hồ sơ', { exact: true }).click();
    await problem.getByLabel('Ghi chú', { exact: true }).fill('Thiếu bản chụp giấy tờ tùy thân trong hồ sơ lưu');
    await problem.getByRole('button', { name: 'Lưu kết luận' }).click();
    await page.getByText(`Đã lưu kết luận cho hồ sơ ${first}`).first().waitFor();
    const compliant = page.getByTestId(`finding-editor-${second}`);
    await compliant.getByText('Đạt', { exact: true }).click();
    await compliant.getByRole('button', { name: 'Lưu kết luận' }).click();
    await page.getByText(`Đã lưu kết luận cho hồ sơ ${second}`).first().waitFor();
    await page.getByText('Thiếu thành phần hồ sơ: 1').waitFor();
    expect(await page.getByTestId('inspection-count-pending').textContent()).toContain('0');
    expect(await page.getByTestId('inspection-redraw').isDisabled()).toBe(true);
    await screenshot(page, 'oversight-inspection-findings');

    await page.getByTestId('inspection-close').click();
    await page.getByTestId('inspection-close-confirm').click();
    await page.getByTestId('inspection-closed').waitFor();
    expect(await page.getByTestId('inspection-status').textContent()).toBe('Đã kết thúc');
    expect(await page.locator('[data-testid^="finding-editor-"]').count()).toBe(0);
    expect(await sample.textContent()).toContain('Thiếu bản chụp giấy tờ tùy thân trong hồ sơ lưu');

    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/report') && r.url().includes('format=pdf')),
      page.getByTestId('inspection-export-pdf').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.headers()['x-export-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(`Đã tải về ${download.suggestedFilename()}`).waitFor();
    await screenshot(page, 'oversight-inspection-closed');

    // The list shows it closed, with its findings counted.
    await page.getByRole('button', { name: 'Danh sách đợt kiểm tra' }).click();
    const row = page.getByTestId('inspection-table').getByRole('row', { name: /Kiểm tra việc giải quyết hồ sơ lý lịch tư pháp/ });
    await row.getByText('Đã kết thúc').waitFor();
    expect(await row.textContent()).toContain('2/2');
    await page.close();
  });

  it('shows the head of Sở Tư pháp the agency’s timeliness, satisfaction, overdue dossiers and officers', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, timezoneId: VIETNAM });
    await logIn(page, product.baseUrl, 'lanhdao.stp');
    await page.getByTestId('nav-accountability').click();
    await page.waitForURL((url) => url.pathname === '/trach-nhiem');
    const report = page.getByTestId('accountability-report');
    await report.waitFor();
    expect(await page.getByTestId('accountability-agency').textContent()).toBe(SO_TU_PHAP);
    // Today's three dossiers are being processed, in time; nothing resolved yet, so no on-time rate.
    expect(await page.getByTestId('accountability-inProcess').textContent()).toContain('3');
    expect(await page.getByTestId('accountability-within').textContent()).toContain('3');
    expect(await page.getByTestId('accountability-overdue').textContent()).toContain('0');
    expect(await page.getByTestId('accountability-onTimeRate').textContent()).toContain('—');
    await page.getByTestId('accountability-overdue-table').getByText('Không có hồ sơ quá hạn cuối kỳ').waitFor();
    await screenshot(page, 'oversight-accountability');
    await page.getByRole('tab', { name: /Theo cán bộ/ }).click();
    await page.getByTestId('accountability-officers').waitFor();
    await page.close();
  });

  it('lets the administrator record a pilot model, and the head of Sở Tư pháp see it compared with before and with the others', async () => {
    const admin = await browser.newPage({ viewport: { width: 1440, height: 1000 }, timezoneId: VIETNAM });
    await logIn(admin, product.baseUrl, 'admin');
    await admin.getByTestId('nav-pilots').click();
    await admin.waitForURL((url) => url.pathname === '/thi-diem');
    await admin.getByTestId('pilot-create').click();
    const form = admin.getByTestId('pilot-form');
    await form.getByLabel('Tên mô hình', { exact: true }).fill(PILOT);
    await form.getByLabel('Văn bản quyết định', { exact: true }).fill('Quyết định số 3455/QĐ-UBND ngày 15/12/2025 của UBND tỉnh An Giang');
    await pickAgency(admin, form.getByLabel('Cơ quan thí điểm', { exact: true }), 'tu phap', SO_TU_PHAP);
    // A multiple choice stays open after a pick: leave it for the next field.
    await form.getByLabel('Tên mô hình', { exact: true }).click();
    const procedures = form.getByLabel('Thủ tục thí điểm', { exact: true });
    await procedures.click();
    await procedures.fill('ly lich tu phap');
    await dropdown(admin).getByTitle(PROCEDURE, { exact: true }).click();
    await form.getByLabel('Văn bản quyết định', { exact: true }).click();
    await pickDate(form.getByLabel('Ngày bắt đầu', { exact: true }), vietnamDay(-10));
    await screenshot(admin, 'oversight-pilot-form');
    await admin.getByTestId('pilot-save').click();

    await admin.waitForURL((url) => /^\/thi-diem\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await admin.getByTestId('pilot-name').textContent()).toBe(PILOT);
    expect(await admin.getByTestId('pilot-status').textContent()).toBe('Đang thí điểm');
    // The administrator records pilots; reading their results is for those who read reports.
    await admin.getByTestId('pilot-comparison-needs-reports').waitFor();
    await screenshot(admin, 'oversight-pilot-recorded');
    const pilotPath = new URL(admin.url()).pathname;
    await admin.close();

    const leader = await browser.newPage({ viewport: { width: 1440, height: 1000 }, timezoneId: VIETNAM });
    await logIn(leader, product.baseUrl, 'lanhdao.stp');
    await leader.getByTestId('nav-pilots').click();
    await leader.getByRole('link', { name: PILOT }).click();
    await leader.waitForURL((url) => url.pathname === pilotPath);
    const table = leader.getByTestId('pilot-comparison-table');
    await table.waitFor();
    // Today's three dossiers of 2.000488 at Sở Tư pháp fall in the pilot's window, none before it, none elsewhere.
    const received = await table.locator('[data-indicator="received"] td').allTextContents();
    expect(received).toEqual(['Hồ sơ tiếp nhận', '0', '3', '+3', '0', '0', '±0']);
    const onTime = await table.locator('[data-indicator="onTimeRate"] td').allTextContents();
    expect(onTime[0]).toBe('Tỷ lệ giải quyết đúng hạn');
    await leader.getByTestId('pilot-comparison-chart').locator('.recharts-surface').first().waitFor();
    await screenshot(leader, 'oversight-pilot-comparison');
    await leader.close();
  });
});
