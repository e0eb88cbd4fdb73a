import { Page } from 'playwright-core';

/** The documented password of every demo account (and of `admin` in demo mode). */
export const DEMO_PASSWORD = 'MotCua@2026';

/** Fills the login form on the page already showing it. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** Opens the login page, signs in and waits for the signed-in shell. */
export async function logIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(baseUrl + '/dang-nhap');
  await submitLogin(page, username, password);
  await page.getByTestId('current-user').waitFor();
}

/** The data-testid of every menu item the signed-in user sees, sorted. */
export async function visibleNavItems(page: Page): Promise<string[]> {
  await page.locator('[data-testid^="nav-"]').first().waitFor();
  const ids = await page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.sort();
}
