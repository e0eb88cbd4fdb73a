import { Browser, Page } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { logIn, submitLogin, visibleNavItems } from './support/session';

/** What each demo role sees in the menu, from ROLE_PERMISSIONS in @motcua/domain. */
const EXPECTED_NAV: Array<[string, string[]]> = [
  [
    'admin',
    [
      'nav-administration',
      'nav-agencies',
      'nav-audit',
      'nav-calendar',
      'nav-inspections',
      'nav-parties',
      'nav-pilots',
      'nav-procedures',
      'nav-reports',
    ],
  ],
  ['tiepnhan.ttpvhcc', ['nav-agencies', 'nav-calendar', 'nav-dossiers', 'nav-intake', 'nav-parties', 'nav-procedures', 'nav-work']],
  ['chuyenvien.stp', ['nav-agencies', 'nav-calendar', 'nav-dossiers', 'nav-parties', 'nav-procedures', 'nav-work']],
  [
    'lanhdao.stp',
    [
      'nav-accountability',
      'nav-administration',
      'nav-agencies',
      'nav-calendar',
      'nav-dossiers',
      'nav-inspections',
      'nav-parties',
      'nav-pilots',
      'nav-procedures',
      'nav-reports',
      'nav-work',
    ],
  ],
  [
    'thanhtra.tinh',
    [
      'nav-accountability',
      'nav-administration',
      'nav-agencies',
      'nav-audit',
      'nav-calendar',
      'nav-dossiers',
      'nav-inspections',
      'nav-parties',
      'nav-pilots',
      'nav-procedures',
      'nav-reports',
    ],
  ],
];

describe('access by role in Chromium', () => {
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

  it.each(EXPECTED_NAV)('shows %s exactly the modules of its role', async (username, expected) => {
    const page = await browser.newPage();
    await logIn(page, product.baseUrl, username);
    expect(await visibleNavItems(page)).toEqual(expected);
    await screenshot(page, `access-${username}`);
    await page.close();
  });

  it('answers 403 when a specialist opens the administration by its address', async () => {
    const page = await browser.newPage();
    await logIn(page, product.baseUrl, 'chuyenvien.stp');
    await page.goto(product.baseUrl + '/quan-tri/nguoi-dung');
    await page.getByTestId('forbidden').waitFor();
    await screenshot(page, 'access-forbidden');
    await page.close();
  });

  describe('as the administrator', () => {
    let page: Page;

    beforeAll(async () => {
      page = await browser.newPage();
      await logIn(page, product.baseUrl, 'admin');
    });
    afterAll(async () => page?.close());

    it('creates a user, who can then sign in, and deactivates it, after which they cannot', async () => {
      await page.getByTestId('nav-administration').click();
      await page.waitForURL((url) => url.pathname === '/quan-tri/nguoi-dung');
      await page.getByRole('row', { name: /quantri\.ttpvhcc/ }).waitFor();
      await screenshot(page, 'admin-users');

      await page.getByTestId('user-create').click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('Tên đăng nhập', { exact: true }).fill('tiepnhan.chaudoc');
      await drawer.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Bình');
      await drawer.getByLabel('Email', { exact: true }).fill('binh.tv@angiang.gov.vn');
      await drawer.getByLabel('Cơ quan', { exact: true }).click();
      await drawer.getByLabel('Cơ quan', { exact: true }).fill('chau doc');
      await page.locator('.ant-select-tree-node-content-wrapper[title="Ủy ban nhân dân thành phố Châu Đốc"]').click();
      await drawer.getByLabel('Tiếp nhận', { exact: true }).check();
      // The client refuses a password containing the username before asking the server.
      await drawer.getByLabel('Mật khẩu', { exact: true }).fill('tiepnhan.chaudoc!2026');
      await drawer.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('tiepnhan.chaudoc!2026');
      await page.getByTestId('user-save').click();
      await drawer.getByText('Mật khẩu không được chứa tên đăng nhập').waitFor();
      await screenshot(page, 'admin-user-create');

      await drawer.getByLabel('Mật khẩu', { exact: true }).fill('Chau-Doc@An-Giang-2026');
      await drawer.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('Chau-Doc@An-Giang-2026');
      await page.getByTestId('user-save').click();
      await page.getByText('Đã tạo người dùng tiepnhan.chaudoc').waitFor();
      await drawer.waitFor({ state: 'detached' });

      await page.getByPlaceholder(/Tìm theo tên đăng nhập/).fill('chaudoc');
      const row = page.getByRole('row', { name: /tiepnhan\.chaudoc/ });
      await row.waitFor();
      await page.getByRole('row', { name: /quantri\.ttpvhcc/ }).waitFor({ state: 'detached' });
      expect(await row.textContent()).toContain('Ủy ban nhân dân thành phố Châu Đốc');
      expect(await row.textContent()).toContain('Tiếp nhận');
      expect(await row.textContent()).toContain('Hoạt động');

      // The new account works.
      const newcomer = await browser.newPage();
      await logIn(newcomer, product.baseUrl, 'tiepnhan.chaudoc', 'Chau-Doc@An-Giang-2026');
      await newcomer.close();

      await row.getByRole('button', { name: 'Thao tác khác' }).click();
      await page.getByRole('menuitem', { name: 'Khóa', exact: true }).click();
      await page.locator('.ant-modal-confirm').getByText('Mọi phiên đăng nhập của người dùng sẽ kết thúc ngay.').waitFor();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Khóa', exact: true }).click();
      await page.getByText('Đã khóa tài khoản tiepnhan.chaudoc').waitFor();
      await row.getByText('Đã khóa').waitFor();
      await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
      await screenshot(page, 'admin-user-deactivated');

      const locked = await browser.newPage();
      await locked.goto(product.baseUrl + '/dang-nhap');
      await submitLogin(locked, 'tiepnhan.chaudoc', 'Chau-Doc@An-Giang-2026');
      await locked.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      await locked.close();
    });

    it('creates an integration client and shows its working key exactly once', async () => {
      await page.getByRole('tab', { name: /Ứng dụng tích hợp/ }).click();
      await page.waitForURL((url) => url.pathname === '/quan-tri/tich-hop');
      await page.getByTestId('client-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên ứng dụng', { exact: true }).fill('Cổng dịch vụ công TP Long Xuyên');
      await dialog.getByLabel('Cơ quan', { exact: true }).click();
      await dialog.getByLabel('Cơ quan', { exact: true }).fill('Long Xuyên');
      await page.locator('.ant-select-tree-node-content-wrapper[title="Ủy ban nhân dân thành phố Long Xuyên"]').click();
      await dialog.getByLabel(/Nộp hồ sơ/).check();
      await dialog.getByLabel(/Tra cứu hồ sơ/).check();
      await page.getByRole('button', { name: 'Tạo và cấp khóa' }).click();

      const keyText = page.getByTestId('api-key');
      await keyText.waitFor();
      const apiKey = (await keyText.innerText()).trim();
      expect(apiKey).toMatch(/^mc_[0-9a-f]{12}_/);
      await page.getByText('Khóa chỉ hiển thị một lần').waitFor();
      await page.getByText('Thêm ứng dụng tích hợp').waitFor({ state: 'hidden' });
      await screenshot(page, 'admin-client-key');

      // The key shown is the one the API accepts.
      const me = await fetch(product.baseUrl + '/api/auth/me', { headers: { 'X-Api-Key': apiKey } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ kind: 'client', name: 'Cổng dịch vụ công TP Long Xuyên' });

      await page.getByTestId('api-key-close').click();
      await keyText.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /Cổng dịch vụ công TP Long Xuyên/ });
      await row.waitFor();
      expect(await page.getByText(apiKey).count()).toBe(0);
      expect(await row.textContent()).toContain('Hoạt động');
      await page.reload();
      await row.waitFor();
      expect(await page.content()).not.toContain(apiKey);
      await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
      await screenshot(page, 'admin-clients');
    });
  });
});
