import { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { logIn } from './support/session';
import { actOnStep, stepCard } from './support/route';

const PROCEDURE = '1.012796 – Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi';
const TO_KHAI = 'Tờ khai điện tử liên thông (đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT) theo mẫu';
const GIAY_CHUNG_SINH = 'Giấy chứng sinh';
const APPLICANT = 'Phạm Thị Mai';
const MY_BINH = 'Ủy ban nhân dân phường Mỹ Bình';
const CONG_AN_STEP = 'Đăng ký thường trú cho trẻ em';
const BHXH_STEP = 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';
const DOSSIER_CODE = /\d{3}\.\d{2}\.\d{2}\.H01-\d{6}-\d{4}/;

interface ControlSheetRow {
  seq: number;
  step: string;
  agencyName: string;
  givenBy: string | null;
  givenAt: string | null;
  receivedBy: string | null;
  receivedAt: string | null;
  completedAt: string | null;
  result: string | null;
}

/** Runs a dossier action shown as a button on the dossier page, through its dialog, and waits for the answer. */
async function act(page: Page, action: string, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(label, { exact: true }).first().waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await page.getByText(`Đã thực hiện “${label}”`).first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}

/** Opens "Công việc của tôi" on a queue's tab and the dossier from its row. */
async function openFromQueue(page: Page, tab: RegExp, code: string, picture?: string): Promise<void> {
  await page.getByTestId('nav-work').click();
  await page.waitForURL((url) => url.pathname === '/cong-viec');
  const queueTab = page.getByTestId('work-tabs').getByRole('tab', { name: tab });
  await queueTab.click();
  const link = page.getByTestId('work-table').getByRole('link', { name: code, exact: true });
  await link.waitFor();
  // The tab counts its waiting steps (GET /api/queues), this one among them.
  const count = queueTab.locator('.ant-badge-count');
  await count.waitFor();
  expect(Number(await count.getAttribute('title'))).toBeGreaterThanOrEqual(1);
  if (picture) await screenshot(page, picture);
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith('/ho-so/'));
  await page.getByTestId('dossier-route').waitFor();
}

describe('an inter-agency dossier routed from the ward desk to Công an tỉnh and BHXH tỉnh and back, in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let desk: Page;
  let code = '';

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    desk = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(desk, product.baseUrl, 'tiepnhan.mybinh');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function officer(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, product.baseUrl, username);
    return page;
  }

  it('is received at the Mỹ Bình counter and forwarded, which lays out the route', async () => {
    const page = desk;
    await page.getByTestId('nav-intake').click();
    await page.waitForURL((url) => url.pathname === '/tiep-nhan');
    const procedure = page.getByLabel('Thủ tục hành chính', { exact: true });
    await procedure.click();
    await procedure.fill('1.012796');
    await page.getByTitle(PROCEDURE, { exact: true }).click();
    await page.getByTestId('intake-checklist').waitFor();
    await page.getByTestId('intake-form').getByText(MY_BINH).first().waitFor();

    await page.getByLabel('Họ và tên', { exact: true }).fill(APPLICANT);
    await page.getByLabel('Số giấy tờ', { exact: true }).fill('089190001234');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0912345678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang');
    await page.getByLabel(TO_KHAI, { exact: true }).check();
    await page.getByLabel(GIAY_CHUNG_SINH, { exact: true }).check();
    await page.getByTestId('intake-summary').getByTestId('intake-appointment').waitFor();
    await page.getByTestId('intake-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    code = ((await result.getByTestId('intake-code').textContent()) ?? '').match(DOSSIER_CODE)?.[0] ?? '';
    expect(code).toMatch(/^000\.31\.01\.H01-/);

    await page.goto(`${product.baseUrl}/ho-so/${code}`);
    await page.getByTestId('dossier-route').getByText('Quy trình xử lý được lập khi hồ sơ được chuyển cơ quan giải quyết.').waitFor();
    await act(page, 'forward', 'Chuyển cơ quan giải quyết');
    // The desk's own step is done; the ward's review is sent on.
    const route = page.getByTestId('dossier-route');
    await route.locator('[data-testid^="route-step-"]').nth(5).waitFor();
    expect(await route.locator('[data-testid^="route-step-"]').count()).toBe(6);
    expect(await route.getByTestId('route-step-1').getAttribute('data-status')).toBe('DONE');
    expect(await stepCard(page, 'Thẩm định hồ sơ, đăng ký khai sinh').getAttribute('data-status')).toBe('SENT');
    await screenshot(page, 'routing-forwarded');
  });

  it('is accepted and submitted by the ward specialist, approved and issued by the ward leader', async () => {
    const specialist = await officer('chuyenvien.mybinh');
    await openFromQueue(specialist, /Chờ tiếp nhận/, code);
    await actOnStep(specialist, 'Thẩm định hồ sơ, đăng ký khai sinh', 'Tiếp nhận');
    await act(specialist, 'submit-for-approval', 'Trình lãnh đạo phê duyệt');
    await specialist.close();

    const leader = await officer('lanhdao.mybinh');
    await leader.goto(`${product.baseUrl}/ho-so/${code}`);
    await act(leader, 'approve', 'Phê duyệt, ký');
    await act(leader, 'issue-result', 'Ban hành kết quả');
    // The ward's approval opens the parallel stage: both agencies receive their step at once.
    const parallel = leader.getByTestId('route-stage-4');
    await parallel.getByText('Các cơ quan xử lý song song', { exact: false }).waitFor();
    expect(await stepCard(leader, CONG_AN_STEP).getAttribute('data-status')).toBe('SENT');
    expect(await stepCard(leader, BHXH_STEP).getAttribute('data-status')).toBe('SENT');
    await screenshot(leader, 'routing-parallel-sent');
    await leader.close();
  });

  it('tells the desk the route is not finished while the consulted agencies work (409 shown in the dialog)', async () => {
    await desk.goto(`${product.baseUrl}/ho-so/${code}`);
    await desk.getByTestId('action-return-result').click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    const error = dialog.getByTestId('action-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Chưa thể trả kết quả');
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it.each([
    ['chuyenvien.congan', CONG_AN_STEP, BHXH_STEP, 'Đã đăng ký thường trú cho trẻ.'],
    ['chuyenvien.bhxh', BHXH_STEP, CONG_AN_STEP, 'Đã cấp thẻ BHYT điện tử.'],
  ])('is found by %s in the queue, accepted and completed through the step buttons', async (username, own, other, note) => {
    const page = await officer(username);
    // The step arrived with a notification.
    await page.getByTestId('notification-bell').and(page.locator('[aria-label*="chưa đọc"]')).waitFor();
    await openFromQueue(page, /Chờ tiếp nhận/, code, `routing-queue-${username}`);
    // Only the officer's own step has buttons.
    expect(await stepCard(page, other).getByRole('button').count()).toBe(0);
    await actOnStep(page, own, 'Tiếp nhận');
    await stepCard(page, own).getByRole('button', { name: 'Hoàn thành', exact: true }).waitFor();
    await screenshot(page, `routing-${username}-accepted`);
    await actOnStep(page, own, 'Hoàn thành', async (dialog) => {
      await dialog.getByLabel('Kết quả xử lý, ghi chú (không bắt buộc)').fill(note);
    });
    await stepCard(page, own).and(page.locator('[data-status="DONE"]')).waitFor();
    await page.close();
  });

  it('comes back to the desk in "to return", is returned, and the route and Form 06 show every handover', async () => {
    await openFromQueue(desk, /Chờ trả kết quả/, code, 'routing-queue-to-return');
    await act(desk, 'return-result', 'Trả kết quả', async (dialog) => {
      await dialog.getByLabel('Trực tiếp tại bộ phận một cửa', { exact: true }).check();
    });
    await desk.getByTestId('dossier-status').getByText('Đã trả kết quả').waitFor();

    // Read the page afresh, keeping the control sheet's JSON the page itself received.
    const [sheetResponse] = await Promise.all([
      desk.waitForResponse((r) => r.url().includes('/control-sheet') && r.request().method() === 'GET'),
      desk.reload(),
    ]);
    expect(sheetResponse.status()).toBe(200);
    const sheet = (await sheetResponse.json()) as { code: string; rows: ControlSheetRow[] };
    expect(sheet.code).toBe(code);
    expect(sheet.rows.map((row) => row.agencyName)).toEqual([
      MY_BINH,
      MY_BINH,
      MY_BINH,
      'Công an tỉnh An Giang',
      'Bảo hiểm xã hội tỉnh An Giang',
      MY_BINH,
    ]);
    for (const row of sheet.rows) {
      expect(row.receivedBy).toBeTruthy();
      expect(row.receivedAt).toBeTruthy();
      expect(row.completedAt).toBeTruthy();
      expect(row.result).toMatch(/^(EARLY|ON_TIME|LATE)$/);
    }
    // Every step after the desk's intake was handed over by someone, at a time.
    for (const row of sheet.rows.slice(1)) {
      expect(row.givenBy).toBeTruthy();
      expect(row.givenAt).toBeTruthy();
    }
    const byStep = new Map(sheet.rows.map((row) => [row.step, row]));
    // Form 06 names the officials: the ward leader handed both steps over, each specialist received theirs.
    expect(byStep.get(CONG_AN_STEP)).toMatchObject({ givenBy: 'Chủ tịch UBND phường Mỹ Bình', receivedBy: 'Cán bộ Công an tỉnh' });
    expect(byStep.get(BHXH_STEP)).toMatchObject({ givenBy: 'Chủ tịch UBND phường Mỹ Bình', receivedBy: 'Chuyên viên BHXH tỉnh' });
    expect(byStep.get('Thẩm định hồ sơ, đăng ký khai sinh')).toMatchObject({
      givenBy: 'Cán bộ một cửa phường Mỹ Bình',
      receivedBy: 'Công chức tư pháp - hộ tịch phường Mỹ Bình',
    });

    // The route: every step done.
    const steps = desk.getByTestId('dossier-route').locator('[data-testid^="route-step-"]');
    await steps.first().waitFor();
    expect(await steps.count()).toBe(6);
    expect(await steps.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-status')))).toEqual(Array(6).fill('DONE'));
    expect(await desk.getByTestId('dossier-route').getByTestId('step-status').allTextContents()).toEqual(Array(6).fill('Đã hoàn thành'));

    // Form 06 on screen: one row per handover, with who gave and who received.
    const table = desk.getByTestId('control-sheet-table');
    await table.getByText(CONG_AN_STEP, { exact: true }).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(6);
    const congAnRow = table.locator('tbody tr.ant-table-row').filter({ hasText: CONG_AN_STEP });
    expect(await congAnRow.textContent()).toContain('Chủ tịch UBND phường Mỹ Bình');
    expect(await congAnRow.textContent()).toContain('Cán bộ Công an tỉnh');
    const bhxhRow = table.locator('tbody tr.ant-table-row').filter({ hasText: BHXH_STEP });
    expect(await bhxhRow.textContent()).toContain('Chuyên viên BHXH tỉnh');
    await desk.getByTestId('control-sheet').scrollIntoViewIfNeeded();
    await screenshot(desk, 'routing-returned-control-sheet');
  });
});
