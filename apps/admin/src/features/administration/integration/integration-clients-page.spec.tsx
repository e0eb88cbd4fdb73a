import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

const LONG_XUYEN = '00000000-0000-4000-8000-0000000000b1';
const API_KEY = 'mc_3f9a1c2b7d4e.s3cr3t-only-once';

const AGENCY: Schemas['AgencyResponse'] = {
  id: LONG_XUYEN,
  code: '000.00.31.H01',
  name: 'Ủy ban nhân dân TP Long Xuyên',
  shortName: 'UBND TP Long Xuyên',
  level: 'DISTRICT',
  parentId: null,
  isReceptionPoint: true,
  address: null,
  phone: null,
  successorId: null,
  validFrom: null,
  validTo: null,
  version: 1,
};

function client(overrides: Partial<Schemas['IntegrationClientResponse']> = {}): Schemas['IntegrationClientResponse'] {
  return {
    id: 'client-1',
    name: 'Cổng dịch vụ công TP Long Xuyên',
    agencyId: LONG_XUYEN,
    agencyName: AGENCY.name,
    scopes: ['dossiers:create'],
    keyPrefix: 'mc_3f9a1c2b7d4e',
    status: 'ACTIVE',
    createdAt: '2026-03-05T07:30:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

describe('integration clients page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the API key once after creating a client, with a copy button and a warning, and never again after closing', async () => {
    let created = false;
    const api = createFakeApi({
      'POST /api/auth/refresh': { status: 200, body: sessionOf(['ADMIN']) },
      'GET /api/health': HEALTHY,
      'GET /api/agencies': { status: 200, body: [AGENCY] },
      'GET /api/integration/clients': () => ({ status: 200, body: created ? [client()] : [] }),
      'POST /api/integration/clients': () => {
        created = true;
        return { status: 201, body: { ...client(), apiKey: API_KEY } };
      },
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    renderApp('/quan-tri/tich-hop');

    fireEvent.click(await screen.findByTestId('client-create'));
    const form = within(screen.getByRole('dialog'));
    fireEvent.change(form.getByLabelText('Tên ứng dụng'), { target: { value: 'Cổng dịch vụ công TP Long Xuyên' } });
    fireEvent.mouseDown(form.getByLabelText('Cơ quan'));
    fireEvent.click(await screen.findByTitle('Ủy ban nhân dân TP Long Xuyên'));
    fireEvent.click(form.getByLabelText(/Nộp hồ sơ/));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo và cấp khóa' }));

    const key = await screen.findByTestId('api-key');
    expect(key.textContent).toContain(API_KEY);
    expect(screen.getByText('Khóa chỉ hiển thị một lần')).toBeTruthy();
    expect(within(key).getByRole('button', { name: /Sao chép khóa|copy/i })).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST' && call.path === '/api/integration/clients')?.body).toEqual({
      name: 'Cổng dịch vụ công TP Long Xuyên',
      agencyId: LONG_XUYEN,
      scopes: ['dossiers:create'],
    });

    fireEvent.click(screen.getByTestId('api-key-close'));
    await waitFor(() => expect(screen.queryByText(API_KEY)).toBeNull());
    // The list shows only the public prefix.
    expect(await screen.findByText('mc_3f9a1c2b7d4e…')).toBeTruthy();
    expect(document.body.textContent).not.toContain('s3cr3t-only-once');
  });

  it('hides create, rotate and revoke from a user without integration:manage', async () => {
    const api = createFakeApi({
      'POST /api/auth/refresh': { status: 200, body: sessionOf(['AUDITOR']) },
      'GET /api/health': HEALTHY,
      'GET /api/integration/clients': { status: 200, body: [client()] },
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    renderApp('/quan-tri/tich-hop');
    await screen.findByText('Cổng dịch vụ công TP Long Xuyên');
    expect(screen.queryByTestId('client-create')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cấp lại khóa' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thu hồi' })).toBeNull();
  });
});
