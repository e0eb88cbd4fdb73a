import type { Role } from '@motcua/domain';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

function signedInAs(roles: Role[]) {
  const api = createFakeApi({ 'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) }, 'GET /api/health': HEALTHY });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
}

async function visibleNavKeys(): Promise<string[]> {
  await screen.findByTestId('current-user');
  return screen
    .queryAllByTestId(/^nav-/)
    .map((element) => element.dataset['testid'] ?? '')
    .sort();
}

describe('menus by permission', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each<[Role, string[]]>([
    [
      'ADMIN',
      [
        'nav-administration',
        'nav-agencies',
        'nav-audit',
        'nav-calendar',
        'nav-inspections',
        'nav-parties',
        'nav-pilots',
        'nav-procedures',
        'nav-reports',
      ],
    ],
    ['RECEPTION', ['nav-agencies', 'nav-calendar', 'nav-dossiers', 'nav-intake', 'nav-parties', 'nav-procedures', 'nav-work']],
    ['SPECIALIST', ['nav-agencies', 'nav-calendar', 'nav-dossiers', 'nav-parties', 'nav-procedures', 'nav-work']],
    [
      'LEADER',
      [
        'nav-accountability',
        'nav-administration',
        'nav-agencies',
        'nav-calendar',
        'nav-dossiers',
        'nav-inspections',
        'nav-parties',
        'nav-pilots',
        'nav-procedures',
        'nav-reports',
        'nav-work',
      ],
    ],
    [
      'AUDITOR',
      [
        'nav-accountability',
        'nav-administration',
        'nav-agencies',
        'nav-audit',
        'nav-calendar',
        'nav-dossiers',
        'nav-inspections',
        'nav-parties',
        'nav-pilots',
        'nav-procedures',
        'nav-reports',
      ],
    ],
  ])('shows a %s only the modules it may use', async (role, expected) => {
    signedInAs([role]);
    renderApp();
    expect(await visibleNavKeys()).toEqual(expected);
  });

  it('answers 403 on the page of a module the user may not use', async () => {
    signedInAs(['SPECIALIST']);
    renderApp('/quan-tri/nguoi-dung');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
    expect(screen.getByText(/Bạn không có quyền truy cập chức năng này/)).toBeTruthy();
  });

  it('shows an administrator’s module page, not a 403', async () => {
    signedInAs(['ADMIN']);
    renderApp('/lich-lam-viec');
    expect(await screen.findByTestId('calendar-year-title')).toBeTruthy();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });

  it('opens the reports for a leader, and for an administrator only to close periods', async () => {
    signedInAs(['LEADER']);
    renderApp('/bao-cao?tab=khoa-so');
    expect(await screen.findByTestId('reports-page')).toBeTruthy();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });
});
