import type { Schemas } from '@motcua/api-client';
import { processingHours, templateBudgetHours } from '@motcua/domain';

type Procedure = Schemas['ProcedureResponse'];
type Step = Schemas['ProcedureStepResponse'];
type CalendarDay = Schemas['CalendarDayResponse'];

export const SO_TU_PHAP = '00000000-0000-4000-8000-0000000000d1';

export function step(name: string, budgetHours: number, overrides: Partial<Step> = {}): Step {
  return { id: `step-${name}`, seq: 1, name, actor: 'COMPETENT', agencyId: null, agencyName: null, role: 'SPECIALIST', budgetHours, parallelGroup: null, ...overrides };
}

/** A procedure version as the API answers it; derived hours follow the steps and processing time. */
export function procedure(overrides: Partial<Procedure> = {}): Procedure {
  const base: Procedure = {
    id: '00000000-0000-4000-8000-00000000f001',
    code: '1.001193',
    versionNo: 1,
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    competentAgencyId: null,
    competentAgencyName: null,
    processingAmount: 1,
    processingUnit: 'WORKING_DAYS',
    onlineRegime: 'PARTIAL',
    status: 'DRAFT',
    feeTotal: 8000,
    version: 3,
    fees: [{ name: 'Lệ phí đăng ký khai sinh quá hạn', amount: 8000, note: 'Miễn lệ phí khi đăng ký đúng hạn' }],
    documents: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0, mandatory: true },
      { name: 'Giấy tờ tùy thân của người đi đăng ký', originals: 0, copies: 1, mandatory: false, note: 'Xuất trình bản chính để đối chiếu' },
    ],
    paperResultRequired: true,
    electronicResultAllowed: true,
    pauseClockOnPayment: false,
    legalBasis: 'Luật Hộ tịch 2014\nNghị định 123/2015/NĐ-CP',
    validFrom: null,
    validTo: null,
    publishedAt: null,
    steps: [step('Tiếp nhận hồ sơ', 4, { actor: 'RECEIVING', role: 'RECEPTION' }), step('Thẩm định hồ sơ', 4)],
    templateHours: 0,
    processingHours: 0,
    versions: [],
    ...overrides,
  };
  return {
    ...base,
    templateHours: templateBudgetHours(base.steps),
    processingHours: processingHours(base.processingAmount, base.processingUnit),
    versions: base.versions.length ? base.versions : [{ id: base.id, versionNo: base.versionNo, status: base.status, publishedAt: base.publishedAt }],
  };
}

export function summaryOf(p: Procedure): Schemas['ProcedureSummary'] {
  const { id, code, versionNo, name, field, level, competentAgencyId, competentAgencyName, processingAmount, processingUnit, onlineRegime, status, feeTotal, version } = p;
  return { id, code, versionNo, name, field, level, competentAgencyId, competentAgencyName, processingAmount, processingUnit, onlineRegime, status, feeTotal, version };
}

/** Every date from `from` to `to` on the Monday–Friday pattern, with some dates overridden. */
export function calendarDays(from: string, to: string, overrides: Record<string, Partial<CalendarDay>> = {}): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    const date = new Date(time).toISOString().slice(0, 10);
    const weekday = new Date(time).getUTCDay() || 7;
    const working = weekday <= 5;
    days.push({ date, weekday, working, kind: working ? 'WORKDAY' : 'WEEKEND', source: 'WEEKLY', ...overrides[date] });
  }
  return days;
}
