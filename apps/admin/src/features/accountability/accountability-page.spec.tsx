import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { defaultPeriod } from './accountability-page';

type Report = Schemas['AccountabilityReport'];

const STP = { id: '00000000-0000-4000-8000-0000000000d1', code: '000.00.10.H01', name: 'Sở Tư pháp tỉnh An Giang' };

function report(overrides: Partial<Report> = {}): Report {
  return {
    from: '2026-05-01',
    to: '2026-05-31',
    generatedAt: '2026-06-01T01:00:00.000Z',
    agency: STP,
    timeliness: {
      resolvedTotal: 11,
      resolvedEarly: 4,
      resolvedOnTime: 5,
      resolvedLate: 2,
      onTimeRate: 81.8,
      inProcessTotal: 3,
      inProcessWithin: 1,
      inProcessOverdue: 2,
    },
    satisfaction: {
      ratings: 4,
      factors: { access: 100, procedure: 75, officer: 50, result: 100, feedback: 25 },
      index: 70,
    },
    overdue: {
      total: 2,
      truncated: false,
      items: [
        {
          dossierId: '00000000-0000-4000-8000-000000000101',
          code: '000.00.22.H01-260505-0007',
          procedureCode: '2.000488',
          procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
          agencyName: STP.name,
          receivedAt: '2026-05-05T02:00:00.000Z',
          dueAt: '2026-05-15T10:00:00.000Z',
          heldBy: [
            {
              stepId: '00000000-0000-4000-8000-000000000201',
              seq: 2,
              name: 'Tra cứu, xác minh thông tin về án tích',
              status: 'ACCEPTED',
              agencyId: '00000000-0000-4000-8000-000000000020',
              agencyName: 'Công an tỉnh An Giang',
              since: '2026-05-08T03:00:00.000Z',
              assigneeId: '00000000-0000-4000-8000-000000000301',
              assigneeName: 'Cán bộ Công an tỉnh',
              dueAt: '2026-05-12T10:00:00.000Z',
            },
          ],
        },
        {
          dossierId: '00000000-0000-4000-8000-000000000102',
          code: '000.00.22.H01-260506-0002',
          procedureCode: '2.000488',
          procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
          agencyName: STP.name,
          receivedAt: '2026-05-06T02:00:00.000Z',
          dueAt: '2026-05-16T10:00:00.000Z',
          heldBy: [],
        },
      ],
    },
    officers: [
      {
        userId: '00000000-0000-4000-8000-000000000401',
        fullName: 'Chuyên viên Sở Tư pháp',
        agencyId: STP.id,
        agencyName: STP.name,
        dossiersHandled: 9,
        stepsCompleted: 9,
        dossiersResolved: 0,
        onTimeDossiers: 7,
        judgedDossiers: 9,
        onTimeShare: 77.8,
        ratings: 3,
        officerRatingAverage: 4.33,
        officerIndex: 66.7,
      },
      {
        userId: '00000000-0000-4000-8000-000000000402',
        fullName: 'Lãnh đạo Sở Tư pháp',
        agencyId: STP.id,
        agencyName: STP.name,
        dossiersHandled: 11,
        stepsCompleted: 0,
        dossiersResolved: 11,
        onTimeDossiers: 9,
        judgedDossiers: 11,
        onTimeShare: 81.8,
        ratings: 0,
        officerRatingAverage: null,
        officerIndex: null,
      },
    ],
    ...overrides,
  };
}

function stubApi(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles, { agencyId: STP.id, agencyName: STP.name }) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [] },
    'GET /api/reports/accountability': { status: 200, body: report() },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const asked = (api: ReturnType<typeof stubApi>) => api.calls.filter((call) => call.path === '/api/reports/accountability');

describe('accountability of the head of an agency', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for this month so far at the official’s own agency when the address names no period', async () => {
    const api = stubApi(['LEADER']);
    renderApp('/trach-nhiem');
    await screen.findByTestId('accountability-report');
    const { from, to } = defaultPeriod();
    expect(from).toBe(dayjs().startOf('month').format('YYYY-MM-DD'));
    expect(asked(api)[0].search.get('from')).toBe(from);
    expect(asked(api)[0].search.get('to')).toBe(to);
    expect(asked(api)[0].search.get('agencyId')).toBeNull();
  });

  it('shows timeliness, satisfaction, the overdue dossiers with the step and officer holding them, and the officers', async () => {
    const api = stubApi(['LEADER']);
    renderApp(`/trach-nhiem?from=2026-05-01&to=2026-05-31&agencyId=${STP.id}`);
    await screen.findByTestId('accountability-report');
    expect(asked(api)[0].search.get('agencyId')).toBe(STP.id);
    expect(screen.getByTestId('accountability-agency').textContent).toBe('Sở Tư pháp tỉnh An Giang');
    expect(screen.getByTestId('accountability-resolved').textContent).toContain('11');
    expect(screen.getByTestId('accountability-late').textContent).toContain('2');
    expect(screen.getByTestId('accountability-onTimeRate').textContent).toContain('81,8%');
    expect(screen.getByTestId('accountability-overdue').textContent).toContain('2');
    expect(screen.getByTestId('accountability-satisfaction').textContent).toContain('70%');

    const overdue = screen.getByTestId('accountability-overdue-table');
    const held = within(overdue).getByRole('link', { name: '000.00.22.H01-260505-0007' }).closest('tr') as HTMLElement;
    expect(within(held).getByText('Tra cứu, xác minh thông tin về án tích')).toBeTruthy();
    expect(within(held).getByText('Công an tỉnh An Giang')).toBeTruthy();
    expect(within(held).getByText('Cán bộ Công an tỉnh')).toBeTruthy();
    expect(within(held).getByText('08/05/2026 10:00')).toBeTruthy();
    expect(within(held).getByText('12/05/2026 17:00')).toBeTruthy();
    const unrouted = within(overdue).getByRole('link', { name: '000.00.22.H01-260506-0002' }).closest('tr') as HTMLElement;
    expect(within(unrouted).getByText('Chưa chuyển xử lý')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Theo cán bộ (2)' }));
    const officers = await screen.findByTestId('accountability-officers');
    const specialist = within(officers).getByText('Chuyên viên Sở Tư pháp').closest('tr') as HTMLElement;
    expect(within(specialist).getByText('77,8%')).toBeTruthy();
    expect(within(specialist).getByText('7/9 hồ sơ')).toBeTruthy();
    expect(within(specialist).getByText('4,33/5 · 66,7% hài lòng')).toBeTruthy();
    const leader = within(officers).getByText('Lãnh đạo Sở Tư pháp').closest('tr') as HTMLElement;
    expect(within(leader).getByText('—')).toBeTruthy();
  });

  it('shows the API’s refusal of a period instead of figures', async () => {
    stubApi(['AUDITOR'], {
      'GET /api/reports/accountability': problem(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ', [
        { field: 'to', rule: 'maxPeriod', message: 'Kỳ báo cáo dài tối đa 5 năm' },
      ]),
    });
    renderApp('/trach-nhiem?from=2019-01-01&to=2026-05-31');
    const alert = await screen.findByTestId('accountability-error');
    expect(alert.textContent).toContain('Kỳ báo cáo dài tối đa 5 năm');
    expect(screen.queryByTestId('accountability-report')).toBeNull();
  });

  it('is not offered to those who do not read reports', async () => {
    stubApi(['SPECIALIST']);
    renderApp('/trach-nhiem');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('nav-accountability')).toBeNull());
  });
});
