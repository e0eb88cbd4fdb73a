import type { Locator, Page } from 'playwright-core';

/** The card of one step of the dossier's route, by the step's name. */
export function stepCard(page: Page, name: string): Locator {
  return page.locator('[data-testid^="route-step-"]').filter({ has: page.getByText(name, { exact: true }) });
}

/** Clicks a step button (filling its dialog if it has one) and waits for the API's answer to show. */
export async function actOnStep(page: Page, name: string, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await stepCard(page, name).getByRole('button', { name: label, exact: true }).click();
  if (fill) {
    const dialog = page.getByRole('dialog');
    await fill(dialog);
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await page.getByText(`Đã thực hiện “${label}” cho bước “${name}”`).first().waitFor();
}

/** Accepts a step sent to the official's agency and completes it with a note. */
export async function acceptAndComplete(page: Page, name: string, note: string): Promise<void> {
  await actOnStep(page, name, 'Tiếp nhận');
  await actOnStep(page, name, 'Hoàn thành', async (dialog) => {
    await dialog.getByLabel('Kết quả xử lý, ghi chú (không bắt buộc)').fill(note);
  });
  await stepCard(page, name).and(page.locator('[data-status="DONE"]')).waitFor();
}
