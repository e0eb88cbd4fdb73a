import ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { DEMO_PASSWORD, logIn } from './support/session';

/** Staff work in Vietnam: the pages run in its timezone, as the oversight spec's do. */
const VIETNAM = 'Asia/Ho_Chi_Minh';

/* eslint-disable @typescript-eslint/no-explicit-any -- report bodies are read as parsed JSON */

const COUNTERS = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirect',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProcessTotal',
  'inProcessWithin',
  'inProcessOverdue',
  'withdrawnOrStopped',
];

/** Last month as local dates in Vietnam (the reports page's default period). */
function lastMonth(): { from: string; to: string } {
  const today = new Date(Date.now() + 7 * 3_600_000);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * Issue 8 in Chromium, on a product started as `npm start` starts it (DEMO_HISTORY: a year of
 * dossiers): a leader's dashboard; II.06a of last month checked against the API, drilled down to
 * its dossiers and exported as XLSX and PDF through the export jobs; the audit chain verified by the
 * province's auditor.
 */
describe('reports, dashboard and audit in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let auditorToken: string;

  const api = async (path: string, token = auditorToken) => {
    const res = await fetch(product.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const tokenOf = async (username: string) => {
    const res = await fetch(`${product.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  beforeAll(async () => {
    product = await startProduct({ DEMO_HISTORY: 'true' });
    browser = await launchBrowser();
    auditorToken = await tokenOf('thanhtra.tinh');
    // The history is imported in the background: wait for its marker in the audit trail.
    const deadline = Date.now() + 180_000;
    while (!(await api('/api/audit?action=demo.history.seeded')).items.length) {
      if (Date.now() > deadline) throw new Error('the demo history was not imported in time');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('greets a leader with the dashboard: the API’s numbers, charts, and the overdue count linked to the work list', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, timezoneId: VIETNAM });
    await logIn(page, product.baseUrl, 'lanhdao.longxuyen');
    await page.getByTestId('tile-received').waitFor();
    await page.getByTestId('chart-flow').locator('svg.recharts-surface').first().waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/');

    const today = new Date(Date.now() + 7 * 3_600_000);
    // The dashboard's default period: the last twelve calendar months, this one included.
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
    const dashboard = await api(
      `/api/reports/dashboard?from=${from}&to=${today.toISOString().slice(0, 10)}`,
      await tokenOf('lanhdao.longxuyen'),
    );
    const value = async (id: string) => (await page.getByTestId(id).locator('.ant-statistic-content').textContent())?.replace(/\./g, '');
    expect(await value('tile-received')).toBe(String(dashboard.totals.receivedOnline + dashboard.totals.receivedDirect));
    expect(await value('tile-resolved')).toBe(String(dashboard.totals.resolvedTotal));
    expect(await value('tile-overdue')).toBe(String(dashboard.open.overdue));
    expect(dashboard.totals.receivedTotal).toBeGreaterThan(0);
    await screenshot(page, 'dashboard');

    await page.getByTestId('tile-overdue-link').click();
    await page.waitForURL((u) => u.pathname === '/ho-so' && u.searchParams.get('tab') === 'qua-han' && u.searchParams.has('agencyId'));
    // The list says what it is narrowed to, and its overdue tab counts what the tile counted.
    await page.getByTestId('work-list-scope').waitFor();
    const overdueBadge = page
      .getByTestId('dossier-tabs')
      .getByRole('tab', { name: /Quá hạn/ })
      .locator('.ant-badge-count');
    await overdueBadge.waitFor();
    expect(await overdueBadge.getAttribute('title')).toBe(String(dashboard.open.overdue));
    await page.close();
  });

  it('opens II.06a of last month with the API’s numbers, drills a number down to as many dossiers, and exports XLSX and PDF', async () => {
    const period = lastMonth();
    const report = await api(`/api/reports/ii06a?from=${period.from}&to=${period.to}`);
    expect(report.total.receivedTotal).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, timezoneId: VIETNAM, acceptDownloads: true });
    await logIn(page, product.baseUrl, 'thanhtra.tinh');
    await page.getByTestId('nav-reports').click();
    await page.waitForURL((u) => u.pathname === '/bao-cao');
    const total = page.getByTestId('ii06a-total');
    await total.waitFor();
    for (const cell of COUNTERS) {
      expect(await page.getByTestId(`ii06a-total-${cell}`).textContent()).toBe(new Intl.NumberFormat('vi-VN').format(report.total[cell]));
    }
    await screenshot(page, 'reports-ii06a');

    // Drill down: the total received lists exactly that many dossiers, page after page.
    const expected = report.total.receivedTotal;
    await page.getByTestId('ii06a-total-receivedTotal').click();
    const drawer = page.getByTestId('drill-drawer');
    await drawer.getByTestId('drill-count').waitFor();
    const codes = new Set<string>();
    for (;;) {
      await drawer.getByTestId('drill-item').first().waitFor();
      for (const text of await drawer.getByTestId('drill-item').allTextContents()) codes.add(text.trim());
      const next = drawer.getByRole('button', { name: /Trang sau/ });
      if (await next.isDisabled()) break;
      const first = await drawer.getByTestId('drill-item').first().textContent();
      await next.click();
      await page.waitForFunction((before) => document.querySelector('[data-testid="drill-item"]')?.textContent !== before, first);
    }
    expect(codes.size).toBe(expected);
    await screenshot(page, 'reports-drill-down');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });

    // Exports: progress until done, then the file.
    const exportAs = async (format: 'xlsx' | 'pdf') => {
      await page.getByTestId(`export-${format}`).first().click();
      await page.locator('[data-testid="export-status"][data-phase="done"]').first().waitFor({ timeout: 60_000 });
      const downloading = page.waitForEvent('download');
      await page.getByTestId('export-download').first().click();
      const download = await downloading;
      const path = `${await download.path()}`;
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      return { path, bytes: readFileSync(path) };
    };
    const xlsx = await exportAs('xlsx');
    expect(statSync(xlsx.path).size).toBeGreaterThan(2000);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer); // exceljs types predate Node's Buffer<ArrayBuffer>
    const totals: number[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((r) => {
        const values = (r.values as unknown[]).slice(1);
        if (!totals.length && values.some((v) => v === 'Tổng cộng')) {
          totals.push(...values.filter((v) => v !== null && v !== '' && !Number.isNaN(Number(v))).map(Number));
        }
      }),
    );
    expect(totals.slice(-COUNTERS.length)).toEqual(COUNTERS.map((cell) => report.total[cell]));
    await screenshot(page, 'reports-export-done');

    const pdf = await exportAs('pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(5000);

    // Both files are in "Tệp đã xuất".
    await page.getByRole('tab', { name: 'Tệp đã xuất' }).click();
    const exported = page.getByTestId('exports-table');
    await exported.getByText('XLSX', { exact: true }).first().waitFor();
    await exported.getByText('PDF', { exact: true }).first().waitFor();
    await screenshot(page, 'reports-exports');
    await page.close();
  });

  it('lets the province’s auditor verify the audit chain', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, timezoneId: VIETNAM });
    await logIn(page, product.baseUrl, 'thanhtra.tinh');
    await page.getByTestId('nav-audit').click();
    await page.waitForURL((u) => u.pathname === '/nhat-ky');
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('toàn vẹn');
    await screenshot(page, 'audit-verified');
    await page.close();
  });
});
