import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n/i18n';
import { changeLanguage } from '../i18n/i18n';
import { createQueryClient } from './api';
import { App } from './app';

function stubHealth(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  );
}

function renderApp() {
  return render(
    <MemoryRouter>
      <App queryClient={createQueryClient()} />
    </MemoryRouter>,
  );
}

describe('admin shell', () => {
  beforeEach(() => changeLanguage('vi'));
  afterEach(() => vi.unstubAllGlobals());

  it('shows the module navigation in Vietnamese and a green health indicator', async () => {
    stubHealth(200, { status: 'ok', db: 'up' });
    renderApp();
    for (const label of ['Hồ sơ', 'Tiếp nhận', 'Danh mục thủ tục', 'Cơ quan', 'Lịch làm việc', 'Công dân/Tổ chức', 'Báo cáo', 'Quản trị']) {
      expect(screen.getByText(label)).toBeTruthy();
    }
    expect(await screen.findByText('Hệ thống hoạt động bình thường')).toBeTruthy();
    expect(screen.getByTestId('health-indicator').dataset['status']).toBe('success');
  });

  it('says the database is down when health answers 503', async () => {
    stubHealth(503, { status: 'unavailable', db: 'down' });
    renderApp();
    expect(await screen.findByText('Mất kết nối cơ sở dữ liệu')).toBeTruthy();
    expect(screen.getByTestId('health-indicator').dataset['status']).toBe('error');
  });

  it('switches the interface to English', async () => {
    stubHealth(200, { status: 'ok', db: 'up' });
    renderApp();
    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByText('Procedure catalog')).toBeTruthy();
    expect(screen.queryByText('Danh mục thủ tục')).toBeNull();
  });
});
