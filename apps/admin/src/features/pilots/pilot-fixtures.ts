import type { Pilot, PilotComparison, PilotIndicators } from './pilot-labels';

export const PILOT_ID = '00000000-0000-4000-8000-0000000000f1';
export const LONG_XUYEN_ID = '00000000-0000-4000-8000-000000000031';

export function pilot(overrides: Partial<Pilot> = {}): Pilot {
  return {
    id: PILOT_ID,
    name: 'Thí điểm một cửa liên thông hộ kinh doanh tại Long Xuyên',
    decisionRef: 'Quyết định số 3455/QĐ-UBND ngày 15/12/2025 của UBND tỉnh An Giang',
    agencies: [{ id: LONG_XUYEN_ID, code: '000.00.31.H01', name: 'Ủy ban nhân dân thành phố Long Xuyên' }],
    procedureCodes: ['2.000720'],
    startsOn: '2026-06-01',
    endsOn: '2026-06-30',
    status: 'ENDED',
    createdAt: '2026-05-20T02:00:00.000Z',
    createdByName: 'Quản trị hệ thống',
    updatedAt: '2026-05-20T02:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function indicators(overrides: Partial<PilotIndicators> = {}): PilotIndicators {
  return {
    received: 0,
    receivedOnline: 0,
    onlineShare: null,
    resolved: 0,
    resolvedOnTime: 0,
    onTimeRate: null,
    averageProcessingDays: null,
    ratings: 0,
    satisfactionIndex: null,
    ...overrides,
  };
}

/** The hand-computed case of the API's integration test: the pilot improves, the others less so. */
export function comparison(overrides: Partial<PilotComparison> = {}): PilotComparison {
  return {
    pilot: pilot(),
    before: { from: '2026-05-02', to: '2026-05-31' },
    during: { from: '2026-06-01', to: '2026-06-30' },
    pilotAgencies: {
      before: indicators({
        received: 3,
        receivedOnline: 1,
        onlineShare: 33.3,
        resolved: 2,
        resolvedOnTime: 1,
        onTimeRate: 50,
        averageProcessingDays: 5.02,
        ratings: 1,
        satisfactionIndex: 0,
      }),
      during: indicators({
        received: 3,
        receivedOnline: 2,
        onlineShare: 66.7,
        resolved: 4,
        resolvedOnTime: 4,
        onTimeRate: 100,
        averageProcessingDays: 1.99,
        ratings: 2,
        satisfactionIndex: 90,
      }),
    },
    otherAgencies: {
      before: indicators({ received: 2, receivedOnline: 1, onlineShare: 50, resolved: 1, onTimeRate: 0, averageProcessingDays: 7 }),
      during: indicators({ received: 2, onlineShare: 0, resolved: 2, resolvedOnTime: 1, onTimeRate: 50, averageProcessingDays: 4 }),
    },
    generatedAt: '2026-07-01T02:00:00.000Z',
    ...overrides,
  };
}
