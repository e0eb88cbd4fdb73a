import { Browser } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';

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

  it('opens in Vietnamese with a healthy server, then switches to English', async () => {
    const page = await browser.newPage();
    await page.goto(product.baseUrl + '/');
    await page.getByText('Danh mục thủ tục').waitFor();
    await page.locator('[data-testid="health-indicator"][data-status="success"]').waitFor();
    await screenshot(page, 'shell-vi');

    await page.getByText('English', { exact: true }).click();
    await page.getByText('Procedure catalog').waitFor();
    expect(await page.getByText('Danh mục thủ tục').count()).toBe(0);
    await screenshot(page, 'shell-en');
  });

  it('serves deep links of the admin through the SPA fallback', async () => {
    const page = await browser.newPage();
    const response = await page.goto(product.baseUrl + '/bao-cao');
    expect(response?.status()).toBe(200);
    await page.getByText('Procedure catalog').or(page.getByText('Danh mục thủ tục')).first().waitFor();
  });
});
