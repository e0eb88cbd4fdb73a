import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { CCCD_ID, DOSSIER_CODE, OLD_PHONE_ID, party, PARTY_ID, PHONE_ID } from './party-fixtures';

const REVEALED = {
  partyId: PARTY_ID,
  identifiers: [{ id: CCCD_ID, type: 'CCCD', value: '089203001234' }],
  phones: [
    { id: PHONE_ID, value: '0912345678', validFrom: '2026-03-09T02:00:00.000Z', validTo: null },
    { id: OLD_PHONE_ID, value: '0987654111', validFrom: '2025-01-02T02:00:00.000Z', validTo: '2026-03-09T02:00:00.000Z' },
  ],
};

function stubApi(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    'GET /api/parties/{id}': { status: 200, body: party() },
    'POST /api/parties/{id}/reveal': (_request, body) => {
      const purpose = (body as { purpose?: string } | undefined)?.purpose ?? '';
      return purpose.length >= 5
        ? { status: 200, body: REVEALED }
        : problem(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ.', [
            { field: 'purpose', rule: 'minLength', message: 'Mục đích phải có ít nhất 5 ký tự' },
          ]);
    },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const revealCalls = (api: ReturnType<typeof stubApi>) =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/reveal'));

describe('party detail', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the identity masked, the contacts with their history, and the dossiers linking to /ho-so/{code}', async () => {
    stubApi(['RECEPTION']);
    renderApp(`/cong-dan/${PARTY_ID}`);
    const identifiers = await screen.findByTestId('party-identifiers');
    expect(within(identifiers).getByText('089******234')).toBeTruthy();
    expect(within(identifiers).getByText('Căn cước/CCCD')).toBeTruthy();
    expect(screen.getByTestId('party-phone').textContent).toBe('091****678');
    const contacts = screen.getByTestId('party-contacts');
    expect(within(contacts).getByText('098****111')).toBeTruthy();
    expect(within(contacts).getByText('Hiện tại')).toBeTruthy();
    const dossiers = screen.getByTestId('party-dossiers');
    expect(within(dossiers).getByText(DOSSIER_CODE).closest('a')?.getAttribute('href')).toBe(`/ho-so/${encodeURIComponent(DOSSIER_CODE)}`);
    expect(within(dossiers).getByText('Chủ hồ sơ')).toBeTruthy();
    expect(screen.queryByText('089203001234')).toBeNull();
  });

  it('asks for the purpose before revealing: none typed sends nothing, then the values replace the masks', async () => {
    const api = stubApi(['RECEPTION']);
    renderApp(`/cong-dan/${PARTY_ID}`);
    fireEvent.click(await screen.findByTestId('party-reveal'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('reveal-submit'));
    expect(await within(dialog).findByText('Nhập mục đích xem dữ liệu')).toBeTruthy();
    expect(revealCalls(api)).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('reveal-purpose'), { target: { value: 'Đối chiếu CCCD khi trả kết quả' } });
    fireEvent.click(within(dialog).getByTestId('reveal-submit'));
    await waitFor(() => expect(screen.getByTestId('identifier-CCCD').textContent).toBe('089203001234'));
    expect(revealCalls(api)[0].body).toEqual({ purpose: 'Đối chiếu CCCD khi trả kết quả', fields: ['IDENTIFIERS', 'PHONE'] });
    expect(screen.getByTestId('party-phone').textContent).toBe('0912345678');
    expect(within(screen.getByTestId('party-contacts')).getByText('0987654111')).toBeTruthy();
    expect(screen.getByTestId('party-revealed-notice')).toBeTruthy();

    // "Che lại" masks them again without another request.
    fireEvent.click(screen.getByTestId('party-hide'));
    expect(screen.getByTestId('identifier-CCCD').textContent).toBe('089******234');
    expect(revealCalls(api)).toHaveLength(1);
  });

  it('puts the API’s refusal in the dialog and keeps the values masked (a party out of scope)', async () => {
    stubApi(['RECEPTION'], {
      'POST /api/parties/{id}/reveal': problem(
        403,
        'PARTY_OUT_OF_SCOPE',
        'Chỉ xem được dữ liệu đầy đủ của công dân, tổ chức do cơ quan trong phạm vi của bạn đăng ký hoặc phục vụ.',
      ),
    });
    renderApp(`/cong-dan/${PARTY_ID}`);
    fireEvent.click(await screen.findByTestId('party-reveal'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('reveal-purpose'), { target: { value: 'Kiểm tra hồ sơ' } });
    fireEvent.click(within(dialog).getByTestId('reveal-submit'));
    expect((await within(dialog).findByTestId('reveal-error')).textContent).toContain('trong phạm vi của bạn');
    expect(screen.getByTestId('identifier-CCCD').textContent).toBe('089******234');
  });

  it('offers no reveal to a role that may not see full values (specialist)', async () => {
    stubApi(['SPECIALIST']);
    renderApp(`/cong-dan/${PARTY_ID}`);
    await screen.findByTestId('party-identifiers');
    expect(screen.queryByTestId('party-reveal')).toBeNull();
    expect(screen.queryByTestId('party-edit')).toBeNull();
  });

  it('lists an organisation’s representatives with links to them', async () => {
    stubApi(['RECEPTION'], {
      'GET /api/parties/{id}': {
        status: 200,
        body: party({
          type: 'ENTERPRISE',
          fullName: null,
          name: 'Công ty TNHH Lúa Vàng',
          displayName: 'Công ty TNHH Lúa Vàng',
          dateOfBirth: null,
          sex: null,
          representatives: [
            {
              id: 'r1',
              organizationId: PARTY_ID,
              organizationName: 'Công ty TNHH Lúa Vàng',
              representativeId: 'rep-1',
              representativeName: 'Trần Thị Bích',
              role: 'LEGAL_REPRESENTATIVE',
              validFrom: '2024-01-01',
              validTo: null,
            },
          ],
        }),
      },
    });
    renderApp(`/cong-dan/${PARTY_ID}`);
    const representatives = await screen.findByTestId('party-representatives');
    expect(within(representatives).getByText('Trần Thị Bích').closest('a')?.getAttribute('href')).toBe('/cong-dan/rep-1');
    expect(within(representatives).getByText('Người đại diện theo pháp luật')).toBeTruthy();
    expect(within(representatives).getByText('01/01/2024 – …')).toBeTruthy();
  });
});
