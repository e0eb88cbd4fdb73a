import { Browser } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { logIn, submitLogin } from './support/session';

describe('admin shell in Chromium', () => {
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

  it('opens in Vietnamese after signing in, with a healthy server, then switches to English', async () => {
    const page = await browser.newPage();
    await logIn(page, product.baseUrl, 'admin');
    await page.getByText('Danh mục thủ tục').waitFor();
    await page.locator('[data-testid="health-indicator"][data-status="success"]').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Quản trị hệ thống');
    await screenshot(page, 'shell-vi');

    await page.getByText('English', { exact: true }).click();
    await page.getByText('Procedure catalog').waitFor();
    expect(await page.getByText('Danh mục thủ tục').count()).toBe(0);
    await screenshot(page, 'shell-en');
    await page.close();
  });

  it('keeps the user signed in across a reload (silent refresh from the cookie) until they sign out', async () => {
    const page = await browser.newPage();
    await logIn(page, product.baseUrl, 'admin');
    await page.reload();
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    await page.reload();
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await page.close();
  });

  it('serves deep links through the SPA fallback and brings the user back there after login', async () => {
    const page = await browser.newPage();
    const response = await page.goto(product.baseUrl + '/bao-cao');
    expect(response?.status()).toBe(200);
    await page.waitForURL((url) => url.pathname === '/dang-nhap' && url.searchParams.get('next') === '/bao-cao');
    await screenshot(page, 'login');

    await submitLogin(page, 'lanhdao.stp');
    await page.waitForURL((url) => url.pathname === '/bao-cao');
    await page.getByTestId('reports-page').waitFor();
    await page.close();
  });

  it('shows the generic message for a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(product.baseUrl + '/dang-nhap');
    await submitLogin(page, 'chuyenvien.longxuyen', 'not-the-password');
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await screenshot(page, 'login-failed');
    await page.close();
  });
});
