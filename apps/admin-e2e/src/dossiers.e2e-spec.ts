import { Browser, Page } from 'playwright-core';
import { launchBrowser, Product, screenshot, startProduct } from './support/product';
import { acceptAndComplete } from './support/route';
import { logIn } from './support/session';

const PROCEDURE = '2.000488 – Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam';
const TO_KHAI = 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu';
const GIAY_TO_TUY_THAN = 'Bản chụp giấy tờ tùy thân (Căn cước/CCCD, hộ chiếu)';
const APPLICANT = 'Lê Thị Thu Hà';
const DOSSIER_CODE = /\d{3}\.\d{2}\.\d{2}\.H01-\d{6}-\d{4}/;
/** The steps of the procedure's route before it is submitted for approval. */
const FIRST_REVIEW = 'Thẩm định hồ sơ, tra cứu Cơ sở dữ liệu lý lịch tư pháp';
const POLICE_CHECK = 'Tra cứu, xác minh thông tin về án tích';

/** The smallest file the API recognises as a PDF by its first bytes. */
const RESULT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Runs the action shown as a button on the dossier page, through its dialog, and waits for the answer. */
async function act(
  page: Page,
  action: string,
  label: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(label, { exact: true }).first().waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await page.getByText(`Đã thực hiện “${label}”`).first().waitFor();
  await dialog.waitFor({ state: 'detached' });
}

describe('a dossier from the counter to the returned result in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let reception: Page;
  let code = '';
  let secret = '';

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    reception = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(reception, product.baseUrl, 'tiepnhan.ttpvhcc');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('receives a 2.000488 dossier at the counter through the form and prints its receipt (Mẫu 01) as a PDF', async () => {
    const page = reception;
    await page.getByTestId('nav-intake').click();
    await page.waitForURL((url) => url.pathname === '/tiep-nhan');

    const procedure = page.getByLabel('Thủ tục hành chính', { exact: true });
    await procedure.click();
    await procedure.fill('ly lich tu phap');
    await page.getByTitle(PROCEDURE, { exact: true }).click();
    await page.getByTestId('intake-checklist').waitFor();
    // The receiving point defaults to the official's own center.
    await page.getByTestId('intake-form').getByText('Trung tâm Phục vụ hành chính công tỉnh An Giang').first().waitFor();

    await page.getByLabel('Họ và tên', { exact: true }).fill(APPLICANT);
    const birth = page.getByLabel('Ngày sinh', { exact: true });
    await birth.click();
    await birth.fill('01/05/1990');
    await birth.press('Enter');
    await page.getByLabel('Nữ', { exact: true }).check();
    await page.getByLabel('Số giấy tờ', { exact: true }).fill('089190001234');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0912345678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang');
    await page.getByLabel(TO_KHAI, { exact: true }).check();
    await page.getByLabel(GIAY_TO_TUY_THAN, { exact: true }).check();
    await page.getByTestId('intake-summary').getByTestId('intake-appointment').waitFor();
    expect(await page.getByTestId('intake-summary').textContent()).toContain('200.000 đồng');
    await screenshot(page, 'dossiers-intake-form');

    await page.getByTestId('intake-submit').click();
    const confirm = page.getByRole('dialog');
    await confirm.getByTestId('intake-appointment').waitFor();
    await screenshot(page, 'dossiers-intake-confirm');
    // A double click on the confirmation sends one Idempotency-Key: one dossier, whatever the timing.
    await confirm.getByRole('button', { name: 'Xác nhận tiếp nhận' }).dblclick();

    const result = page.getByTestId('intake-result');
    await result.waitFor();
    code = ((await result.getByTestId('intake-code').textContent()) ?? '').match(DOSSIER_CODE)?.[0] ?? '';
    secret = ((await result.getByTestId('intake-secret').textContent()) ?? '').match(/[A-Z0-9]{8}/)?.[0] ?? '';
    expect(code).toMatch(/^000\.00\.22\.H01-/);
    expect(secret).toHaveLength(8);
    await screenshot(page, 'dossiers-intake-result');

    const [response, popup] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes(`/api/dossiers/${encodeURIComponent(code)}/forms/01`) || r.url().includes(`/api/dossiers/${code}/forms/01`),
      ),
      page.waitForEvent('popup'),
      page.getByTestId('intake-print-receipt').click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(Number(response.headers()['content-length'] ?? '0')).toBeGreaterThan(1000);
    await popup.close();

    // Only one dossier was made for this applicant despite the double click.
    await page.goto(`${product.baseUrl}/ho-so?tab=tat-ca`);
    await page.getByPlaceholder('Tìm theo mã hồ sơ, tên hoặc số giấy tờ người nộp').fill('le thi thu ha');
    await page.getByRole('link', { name: code, exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    expect(await page.getByRole('row', { name: /Lê Thị Thu Hà/ }).count()).toBe(1);
  });

  it('lets the citizen look the dossier up on /tra-cuu without signing in, with the code and secret of the receipt', async () => {
    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await citizen.goto(`${product.baseUrl}/tra-cuu`);
    await citizen.getByTestId('lookup-code').fill(code);
    await citizen.getByTestId('lookup-secret').fill(secret.toLowerCase());
    await citizen.getByTestId('lookup-submit').click();
    const card = citizen.getByTestId('lookup-result');
    await card.getByTestId('lookup-status').getByText('Đã tiếp nhận', { exact: true }).waitFor();
    expect(await card.textContent()).toContain('Cấp Phiếu lý lịch tư pháp');
    expect(await card.getByTestId('lookup-appointment').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // The name is masked for the public.
    expect(await card.textContent()).not.toContain(APPLICANT);
    await screenshot(citizen, 'dossiers-public-lookup-received');
    await citizen.close();
  });

  it('is forwarded by reception, submitted by the specialist, approved and issued by the leader, and returned by reception', async () => {
    // Reception forwards it to Sở Tư pháp.
    await reception.goto(`${product.baseUrl}/ho-so/${code}`);
    await reception.getByTestId('dossier-header').getByText(code).first().waitFor();
    await screenshot(reception, 'dossiers-detail-received');
    await act(reception, 'forward', 'Chuyển cơ quan giải quyết');
    await reception.getByTestId('dossier-status').getByText('Đang giải quyết').waitFor();

    // The specialist finds it in the "in process" tab and submits it for approval.
    const specialist = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(specialist, product.baseUrl, 'chuyenvien.stp');
    await specialist.getByTestId('nav-dossiers').click();
    await specialist.getByRole('tab', { name: /Đang xử lý/ }).click();
    await specialist.getByPlaceholder('Tìm theo mã hồ sơ, tên hoặc số giấy tờ người nộp').fill(code);
    await specialist.getByRole('link', { name: code, exact: true }).waitFor();
    await screenshot(specialist, 'dossiers-list-specialist');
    await specialist.getByRole('link', { name: code, exact: true }).click();
    await specialist.waitForURL((url) => url.pathname.startsWith('/ho-so/'));
    await screenshot(specialist, 'dossiers-detail-specialist');
    // The route: Sở Tư pháp's first review, then the police check (Công an tỉnh), then the second review.
    await acceptAndComplete(specialist, FIRST_REVIEW, 'Đã tra cứu cơ sở dữ liệu lý lịch tư pháp');
    const police = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(police, product.baseUrl, 'chuyenvien.congan');
    await police.goto(`${product.baseUrl}/ho-so/${code}`);
    await acceptAndComplete(police, POLICE_CHECK, 'Không có án tích');
    await police.close();
    await specialist.reload();
    await act(specialist, 'submit-for-approval', 'Trình lãnh đạo phê duyệt');
    await specialist.getByText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.').waitFor();
    await specialist.close();

    // The leader approves, attaches the signed result and issues it electronically.
    const leader = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(leader, product.baseUrl, 'lanhdao.stp');
    await leader.goto(`${product.baseUrl}/ho-so/${code}`);
    await act(leader, 'approve', 'Phê duyệt, ký');
    const attachments = leader.getByTestId('dossier-attachments');
    await attachments.locator('.ant-select').click();
    await leader.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Kết quả giải quyết"]').click();
    await attachments
      .locator('input[type=file]')
      .setInputFiles({ name: 'phieu-ly-lich-tu-phap.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF });
    await attachments.getByText('phieu-ly-lich-tu-phap.pdf').waitFor();
    await act(leader, 'issue-result', 'Ban hành kết quả', async (dialog) => {
      expect(await dialog.getByRole('switch').getAttribute('aria-checked')).toBe('true');
      await screenshot(leader, 'dossiers-issue-result-dialog');
    });
    await leader.getByTestId('dossier-status').getByText('Đã có kết quả, chờ trả').waitFor();
    await leader.close();

    // Reception hands the result over in person.
    await reception.goto(`${product.baseUrl}/ho-so?tab=cho-tra-ket-qua`);
    await reception.getByRole('link', { name: code, exact: true }).click();
    await act(reception, 'return-result', 'Trả kết quả', async (dialog) => {
      await dialog.getByLabel('Trực tiếp tại bộ phận một cửa', { exact: true }).check();
    });
    await reception.getByTestId('dossier-status').getByText('Đã trả kết quả').waitFor();
    await reception.getByTestId('dossier-timeline').getByText('Trả kết quả', { exact: true }).waitFor();
    await screenshot(reception, 'dossiers-detail-returned');
  });

  it('shows "Đã trả kết quả" on the public lookup opened from the receipt’s QR link, with the electronic result', async () => {
    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await citizen.goto(`${product.baseUrl}/tra-cuu?ma=${encodeURIComponent(code)}&secret=${secret}`);
    const card = citizen.getByTestId('lookup-result');
    await card.getByTestId('lookup-status').getByText('Đã trả kết quả', { exact: true }).waitFor();
    const href = await card.getByTestId('lookup-download').getAttribute('href');
    const download = await citizen.request.get(`${product.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    await screenshot(citizen, 'dossiers-public-lookup-returned');
    await citizen.close();
  });
});
