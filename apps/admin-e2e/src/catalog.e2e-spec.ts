import { Browser, Page } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { logIn } from './support/session';

/** Shows the year view of `year`, whatever year it is today. */
async function showYear(page: Page, year: number): Promise<void> {
  const title = page.getByTestId('calendar-year-title');
  await title.waitFor();
  for (let i = 0; i < 20; i++) {
    const shown = Number(((await title.textContent()) ?? '').match(/\d{4}/)?.[0]);
    if (shown === year) break;
    await page.getByTestId(shown > year ? 'year-previous' : 'year-next').click();
    await page
      .getByTestId('calendar-year-title')
      .getByText(String(shown > year ? shown - 1 : shown + 1))
      .waitFor();
  }
  await page.getByTestId(`day-${year}-01-01`).waitFor();
}

/** Fills the due-date tool and asks for the result. */
async function computeDue(page: Page, start: string, amount: string, unitLabel: string): Promise<void> {
  const startInput = page.getByLabel('Thời điểm tiếp nhận', { exact: true });
  await startInput.click();
  await startInput.fill(start);
  await startInput.press('Enter');
  await page.getByLabel('Thời hạn', { exact: true }).fill(amount);
  // The select's visible value covers its input: open it from its container.
  await page.locator('.ant-select', { has: page.getByLabel('Đơn vị', { exact: true }) }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${unitLabel}"]`).click();
  await page.getByTestId('due-submit').click();
}

describe('catalog, calendar and public guide in Chromium', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('computes a due date, marks the next Monday a holiday with its deciding document, and sees the due date move', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, product.baseUrl, 'admin');
    await page.getByTestId('nav-calendar').click();
    await page.waitForURL((url) => url.pathname === '/lich-lam-viec');
    await showYear(page, 2026);

    // Friday 27/03/2026 16:00 + 2 working hours: one hour on Friday, one on Monday morning.
    await computeDue(page, '27/03/2026 16:00', '2', 'giờ làm việc');
    const result = page.getByTestId('due-result');
    await result.getByText('Thứ Hai, 30/03/2026 08:00').waitFor();
    expect(await result.textContent()).toContain('Thứ Sáu, 27/03/2026 16:00');
    await screenshot(page, 'calendar-due-before');

    await page.getByTestId('day-2026-03-30').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Thứ Hai, 30/03/2026').waitFor();
    expect(await dialog.getByTestId('day-current-kind').textContent()).toBe('Ngày làm việc');
    await dialog.getByLabel('Tên ngày', { exact: true }).fill('Nghỉ đột xuất (thử nghiệm)');
    await dialog.getByLabel('Văn bản quyết định', { exact: true }).fill('Quyết định 1/QĐ-UBND');
    await screenshot(page, 'calendar-day-modal');
    await dialog.getByTestId('day-save').click();
    await page.getByText('Đã lưu ngày 30/03/2026').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="day-2026-03-30"][data-kind="HOLIDAY"][data-source="SCHEDULE"]').waitFor();

    // Asked again, the same question now skips the holiday.
    await page.getByTestId('due-submit').click();
    await result.getByText('Thứ Ba, 31/03/2026 08:00').waitFor();
    await screenshot(page, 'calendar-due-after');
    await page.close();
  });

  it('browses the agencies, the procedure catalog with a process template, and refuses a bad import file', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, product.baseUrl, 'admin');

    await page.getByTestId('nav-agencies').click();
    await page.waitForURL((url) => url.pathname === '/co-quan');
    await page.getByPlaceholder(/Tìm theo tên, tên viết tắt/).fill('chau doc');
    await page.getByTestId('agency-000.00.32.H01').waitFor();
    expect(await page.getByTestId('agency-000.00.10.H01').count()).toBe(0);
    await page.getByTestId('agency-000.00.32.H01').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Sửa cơ quan: Ủy ban nhân dân thành phố Châu Đốc').waitFor();
    await screenshot(page, 'agencies-tree');
    await drawer.getByRole('button', { name: 'Hủy', exact: true }).click();

    await page.getByTestId('nav-procedures').click();
    await page.waitForURL((url) => url.pathname === '/thu-tuc');
    await page.getByPlaceholder('Tìm theo tên, mã thủ tục, lĩnh vực').fill('ly lich tu phap');
    const row = page.getByRole('row', { name: /Phiếu lý lịch tư pháp/ }).first();
    await row.waitFor();
    await screenshot(page, 'procedures-list');
    await row.getByRole('link').click();
    await page.getByTestId('procedure-status').waitFor();
    await page.getByRole('tab', { name: /Quy trình xử lý/ }).click();
    await page.locator('[data-testid="budget-indicator"][data-status="within"]').waitFor();
    await screenshot(page, 'procedure-steps');

    await page.goto(product.baseUrl + '/thu-tuc/nhap');
    await page.getByText('Nhập thủ tục từ tệp').first().waitFor();
    const csv = [
      'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mã cơ quan,Thời hạn giải quyết,Đơn vị thời gian,Lệ phí,Thành phần hồ sơ',
      '9.900001,Thủ tục thử nghiệm hợp lệ,Hộ tịch,xã,,5,ngày làm việc,0,Tờ khai',
      '9.900002,Thủ tục thử nghiệm lỗi,Hộ tịch,phường,,5,ngày làm việc,0,Tờ khai',
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'thu-tuc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByText('thu-tuc.csv').waitFor();
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-nothing-written').waitFor();
    const rejected = page.getByTestId('import-rejections').getByRole('row', { name: /9\.900002/ });
    expect(await rejected.textContent()).toContain('phường');
    await screenshot(page, 'procedures-import-rejected');
    await page.close();
  });

  it('versions a procedure: a new draft whose consultations run in parallel to fit the budget, saved and published', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, product.baseUrl, 'admin');
    await page.goto(product.baseUrl + '/thu-tuc');
    await page.getByPlaceholder('Tìm theo tên, mã thủ tục, lĩnh vực').fill('2.000488');
    await page
      .getByRole('row', { name: /2\.000488/ })
      .getByRole('link')
      .click();
    await page.getByTestId('procedure-new-version').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Tạo phiên bản mới' }).click();
    await page.getByTestId('procedure-status').getByText('Dự thảo').waitFor();
    await page.getByTestId('procedure-versions').waitFor();

    await page.getByRole('tab', { name: 'Quy trình xử lý' }).click();
    const indicator = page.getByTestId('budget-indicator');
    await page.locator('[data-testid="budget-indicator"][data-status="within"]').waitFor();
    // The criminal-record check takes longer: 4 + 16 + 50 + 8 + 8 + 4 = 90 h, over the 80 h of 10 working days…
    await page.getByLabel('Thời gian bước 3 (giờ làm việc)').fill('50');
    await page.locator('[data-testid="budget-indicator"][data-status="exceeded"]').waitFor();
    expect(await indicator.textContent()).toContain('90 / 80');
    await screenshot(page, 'procedure-draft-over-budget');
    // …unless the file review and the police check run side by side: 4 + max(16, 50) + 8 + 8 + 4 = 74 h.
    await page.getByLabel('Nhóm song song bước 2').fill('lien-thong');
    await page.getByLabel('Nhóm song song bước 3').fill('lien-thong');
    await page.locator('[data-testid="budget-indicator"][data-status="within"]').waitFor();
    expect(await indicator.textContent()).toContain('74 / 80');
    await screenshot(page, 'procedure-draft-parallel');

    await page.getByTestId('procedure-save').click();
    await page.getByText(/Đã lưu dự thảo 2\.000488/).waitFor();
    await page.getByTestId('procedure-publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Công bố' }).click();
    await page.getByTestId('procedure-status').getByText('Đang áp dụng').waitFor();
    await page
      .getByTestId('procedure-versions')
      .getByText(/Bản 1 · Đã bãi bỏ/)
      .waitFor();
    await page.close();
  });

  it('lets a citizen find "khai sinh" without signing in, open the procedure and print its checklist', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(product.baseUrl + '/dang-nhap');
    await page.getByRole('link', { name: 'Tra cứu thủ tục hành chính' }).click();
    await page.waitForURL((url) => url.pathname === '/thu-tuc-cong-khai');
    await page.getByTestId('public-search').fill('khai sinh');
    await page.waitForURL((url) => url.searchParams.get('q') === 'khai sinh');
    // Every result is about "khai sinh", found without typing its diacritics (the full list shows until the search answers).
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('[data-testid^="public-procedure-"] h5')].map((h) =>
        (h.textContent ?? '').toLowerCase(),
      );
      return titles.length > 0 && titles.every((title) => title.includes('khai sinh'));
    });
    const first = page.locator('[data-testid^="public-procedure-"]').filter({ hasText: 'Thủ tục đăng ký khai sinh' }).first();
    await first.waitFor();
    await screenshot(page, 'public-guide-search');

    await first.getByRole('link').click();
    const procedure = page.getByTestId('public-procedure');
    await procedure.waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/thu-tuc-cong-khai\/.+/);
    expect(await procedure.getByTestId('public-where').textContent()).toContain('Bộ phận Tiếp nhận và Trả kết quả');
    await procedure.getByText('Thành phần hồ sơ cần chuẩn bị', { exact: false }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await screenshot(page, 'public-guide-procedure');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('public-print').isVisible()).toBe(false);
    await screenshot(page, 'public-guide-print');
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'public-guide-mobile');
    await page.close();
  });
});
