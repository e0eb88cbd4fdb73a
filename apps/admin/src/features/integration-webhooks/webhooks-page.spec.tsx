import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const WEBHOOK_ID = '00000000-0000-4000-8000-0000000000e1';
const DELIVERY_ID = '00000000-0000-4000-8000-0000000000d1';
const RECEIVER = 'https://dichvucong.longxuyen.angiang.gov.vn/hooks/motcua';
const SECRET = 'khoa-bi-mat-cua-cong-long-xuyen';

function webhook(overrides: Partial<Schemas['WebhookResponse']> = {}): Schemas['WebhookResponse'] {
  return {
    id: WEBHOOK_ID,
    url: RECEIVER,
    events: ['dossier.received', 'dossier.status-changed'],
    secret: '••••••••uyen',
    ownerType: 'user',
    ownerName: 'Quản trị TTPVHCC tỉnh',
    agencyId: '00000000-0000-4000-8000-0000000000a1',
    createdAt: '2026-03-05T07:30:00.000Z',
    ...overrides,
  };
}

function deadDelivery(overrides: Partial<Schemas['WebhookDeliveryResponse']> = {}): Schemas['WebhookDeliveryResponse'] {
  return {
    id: DELIVERY_ID,
    webhookId: WEBHOOK_ID,
    eventId: '7d444840-9dc0-41a1-8d1c-3f1a2b3c4d5e',
    type: 'dossier.received',
    dossierCode: 'H01.31-260309-0001',
    eventTime: '2026-03-09T01:15:00.000Z',
    status: 'DEAD',
    attempts: 8,
    nextAttemptAt: null,
    lastStatus: 503,
    lastError: 'Service Unavailable',
    deliveredAt: null,
    deadAt: '2026-03-10T02:00:00.000Z',
    attemptLog: [{ attempt: 8, at: '2026-03-10T02:00:00.000Z', durationMs: 1250, statusCode: 503, error: 'Service Unavailable' }],
    ...overrides,
  };
}

function stubApi(routes: Record<string, FakeRoute>) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(['ADMIN']) },
    'GET /api/health': HEALTHY,
    'GET /api/integration/deliveries': { status: 200, body: { items: [], nextCursor: null } },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('webhook subscriptions', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a URL that is not http(s) inline, then subscribes a valid one and lists it', async () => {
    let created: Schemas['WebhookResponse'] | undefined;
    const api = stubApi({
      'GET /api/integration/webhooks': () => ({ status: 200, body: created ? [created] : [] }),
      'POST /api/integration/webhooks': (_request, body) => {
        const { url, events } = body as Schemas['CreateWebhookRequest'];
        created = webhook({ url, events });
        return { status: 201, body: created };
      },
    });
    renderApp('/quan-tri/tich-hop/webhook');
    expect(await screen.findByText('Chưa có đăng ký webhook nào')).toBeTruthy();

    fireEvent.click(screen.getByTestId('webhook-create'));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Địa chỉ nhận (URL)'), { target: { value: 'ftp://dichvucong.longxuyen.angiang.gov.vn/hooks' } });
    fireEvent.change(dialog.getByLabelText('Khóa bí mật'), { target: { value: 'ngan-qua' } });
    fireEvent.click(screen.getByTestId('webhook-save'));
    expect(await dialog.findByText('Địa chỉ phải bắt đầu bằng http:// hoặc https:// và là một URL hợp lệ')).toBeTruthy();
    expect(await dialog.findByText('Khóa bí mật dài từ 16 đến 256 ký tự')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST' && call.path === '/api/integration/webhooks')).toBe(false);

    fireEvent.change(dialog.getByLabelText('Địa chỉ nhận (URL)'), { target: { value: ` ${RECEIVER} ` } });
    fireEvent.change(dialog.getByLabelText('Khóa bí mật'), { target: { value: SECRET } });
    fireEvent.click(screen.getByTestId('webhook-save'));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST' && call.path === '/api/integration/webhooks')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST' && call.path === '/api/integration/webhooks')?.body).toEqual({
      url: RECEIVER,
      events: ['dossier.*'],
      secret: SECRET,
    });
    const row = (await within(screen.getByTestId('webhooks-table')).findByText(RECEIVER)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Tất cả sự kiện hồ sơ')).toBeTruthy();
    expect(within(row).getByText('••••••••uyen')).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('chooses exact event types from the contract and shows the API’s field errors under the fields', async () => {
    const api = stubApi({
      'GET /api/integration/webhooks': { status: 200, body: [] },
      'POST /api/integration/webhooks': problem(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', [
        { field: 'url', rule: 'isUrl', message: 'url must be an http or https URL' },
      ]),
    });
    renderApp('/quan-tri/tich-hop/webhook');
    fireEvent.click(await screen.findByTestId('webhook-create'));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Địa chỉ nhận (URL)'), { target: { value: 'http://cong-xa' } });
    fireEvent.change(dialog.getByLabelText('Khóa bí mật'), { target: { value: SECRET } });
    // dossier.* gives way to the exact types chosen after it.
    const events = dialog.getByLabelText('Loại sự kiện');
    fireEvent.mouseDown(events);
    fireEvent.change(events, { target: { value: 'step-overdue' } });
    fireEvent.click(await screen.findByTitle('Bước xử lý quá hạn (dossier.step-overdue)'));
    fireEvent.change(events, { target: { value: 'status-changed' } });
    fireEvent.click(await screen.findByTitle('Hồ sơ đổi trạng thái (dossier.status-changed)'));
    fireEvent.click(screen.getByTestId('webhook-save'));

    expect(await dialog.findByText('url must be an http or https URL')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST' && call.path === '/api/integration/webhooks')?.body).toEqual({
      url: 'http://cong-xa',
      events: ['dossier.step-overdue', 'dossier.status-changed'],
      secret: SECRET,
    });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('deletes a subscription only after confirmation', async () => {
    const api = stubApi({
      'GET /api/integration/webhooks': { status: 200, body: [webhook()] },
      'DELETE /api/integration/webhooks/{id}': { status: 204 },
    });
    renderApp('/quan-tri/tich-hop/webhook');
    const row = (await screen.findByText(RECEIVER)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Xóa' }));
    expect(await screen.findByText(`Xóa đăng ký webhook tới ${RECEIVER}?`)).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);
    const confirm = document.querySelector('.ant-popconfirm') as HTMLElement;
    fireEvent.click(within(confirm).getByRole('button', { name: 'Xóa' }));
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'DELETE' && call.path === `/api/integration/webhooks/${WEBHOOK_ID}`)).toBe(true),
    );
  });

  it('shows a dead delivery in the subscription’s log with its last answer, and sends it again', async () => {
    const api = stubApi({
      'GET /api/integration/webhooks': { status: 200, body: [webhook()] },
      'GET /api/integration/webhooks/{id}/deliveries': { status: 200, body: { items: [deadDelivery()], nextCursor: 'c2' } },
      'POST /api/integration/webhooks/{id}/deliveries/{deliveryId}/replay': {
        status: 200,
        body: deadDelivery({ status: 'PENDING', attempts: 0, nextAttemptAt: '2026-03-10T03:00:00.000Z', deadAt: null }),
      },
    });
    renderApp('/quan-tri/tich-hop/webhook');
    fireEvent.click(await screen.findByTestId('webhook-deliveries'));

    const log = await screen.findByTestId('delivery-log');
    const row = (await within(log).findByText('H01.31-260309-0001')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Gửi thất bại')).toBeTruthy();
    expect(within(row).getByText('Hồ sơ được tiếp nhận')).toBeTruthy();
    expect(within(row).getByText('HTTP 503')).toBeTruthy();
    expect(within(row).getByText('Service Unavailable')).toBeTruthy();
    expect(within(row).getByText('8')).toBeTruthy();
    expect(within(row).getByText('09/03/2026 08:15')).toBeTruthy();
    expect(screen.getByText(`Nhật ký gửi tới ${RECEIVER}`)).toBeTruthy();
    expect(api.calls.find((call) => call.path === `/api/integration/webhooks/${WEBHOOK_ID}/deliveries`)?.search.get('limit')).toBe('20');

    fireEvent.click(within(row).getByTestId('delivery-replay'));
    await waitFor(() =>
      expect(
        api.calls.some(
          (call) => call.method === 'POST' && call.path === `/api/integration/webhooks/${WEBHOOK_ID}/deliveries/${DELIVERY_ID}/replay`,
        ),
      ).toBe(true),
    );
    expect(await screen.findByText('Đã xếp lịch gửi lại sự kiện của hồ sơ H01.31-260309-0001')).toBeTruthy();

    // The next keyset page asks with the cursor the API gave.
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /Trang sau/ }));
    await waitFor(() =>
      expect(api.calls.some((call) => call.path.endsWith('/deliveries') && call.search.get('cursor') === 'c2')).toBe(true),
    );
  });

  it('sends every event since a time again, the time read on the wall clock of Vietnam', async () => {
    const api = stubApi({
      'GET /api/integration/webhooks': { status: 200, body: [webhook()] },
      'GET /api/integration/webhooks/{id}/deliveries': { status: 200, body: { items: [], nextCursor: null } },
      'POST /api/integration/webhooks/{id}/replay': { status: 200, body: { scheduled: 12 } },
    });
    renderApp('/quan-tri/tich-hop/webhook');
    fireEvent.click(await screen.findByTestId('webhook-deliveries'));
    fireEvent.click(await screen.findByTestId('webhook-replay-since'));
    fireEvent.click(await screen.findByTestId('replay-since-submit'));
    expect(await screen.findByText('Chọn thời điểm bắt đầu gửi lại')).toBeTruthy();

    const since = screen.getByLabelText('Từ thời điểm');
    fireEvent.mouseDown(since);
    fireEvent.change(since, { target: { value: '09/03/2026 08:00' } });
    fireEvent.keyDown(since, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(screen.getByTestId('replay-since-submit'));
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'POST' && call.path === `/api/integration/webhooks/${WEBHOOK_ID}/replay`)).toBe(true),
    );
    expect(api.calls.find((call) => call.path === `/api/integration/webhooks/${WEBHOOK_ID}/replay`)?.body).toEqual({
      since: '2026-03-09T08:00:00+07:00',
    });
    expect(await screen.findByText('Đã xếp lịch gửi lại 12 sự kiện')).toBeTruthy();
  });

  it('lists the dead letters of the scope for administrators, naming their subscription', async () => {
    const api = stubApi({
      'GET /api/integration/webhooks': { status: 200, body: [webhook()] },
      'GET /api/integration/deliveries': { status: 200, body: { items: [deadDelivery()], nextCursor: null } },
      'POST /api/integration/webhooks/{id}/deliveries/{deliveryId}/replay': { status: 200, body: deadDelivery({ status: 'PENDING' }) },
    });
    renderApp('/quan-tri/tich-hop/webhook');
    const dead = await screen.findByTestId('dead-letters');
    const row = (await within(dead).findByText('H01.31-260309-0001')).closest('tr') as HTMLElement;
    expect(within(row).getByText(RECEIVER)).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/integration/deliveries')?.search.get('status')).toBe('DEAD');
    fireEvent.click(within(row).getByTestId('delivery-replay'));
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'POST' && call.path.endsWith(`/deliveries/${DELIVERY_ID}/replay`))).toBe(true),
    );
  });

  it('is not offered to an auditor', async () => {
    stubApi({ 'POST /api/auth/refresh': { status: 200, body: sessionOf(['AUDITOR']) } });
    renderApp('/quan-tri/tich-hop/webhook');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
