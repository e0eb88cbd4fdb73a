import type { Schemas } from '@motcua/api-client';
import type { Finding, Inspection, SampleItem } from './inspection-labels';

export const INSPECTION_ID = '00000000-0000-4000-8000-0000000000e1';
export const STP_ID = '00000000-0000-4000-8000-0000000000d1';

const CATEGORIES: Schemas['FindingCategory'][] = [
  'LATE_WITHOUT_APOLOGY',
  'MISSING_DOCUMENTS',
  'WRONG_FEE',
  'EXTRA_REQUIREMENT',
  'RECORD_INCOMPLETE',
  'OTHER',
];

/** A sampled dossier of Sở Tư pháp, as the API answers it. */
export function sampleItem(position: number, overrides: Partial<SampleItem> = {}): SampleItem {
  const n = String(position).padStart(4, '0');
  return {
    position,
    dossierId: `00000000-0000-4000-8000-00000000${n}`,
    code: `000.00.22.H01-260512-${n}`,
    procedureCode: '2.000488',
    procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    agencyId: STP_ID,
    agencyName: 'Sở Tư pháp tỉnh An Giang',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
    receivedAt: '2026-05-12T02:15:00.000Z',
    status: 'RETURNED' as unknown as SampleItem['status'],
    statusText: 'Đã trả kết quả',
    timeliness: 'LATE',
    finding: null,
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    verdict: 'PROBLEM',
    verdictLabel: 'Có vi phạm, thiếu sót',
    category: 'LATE_WITHOUT_APOLOGY',
    categoryLabel: 'Trễ hạn không có văn bản xin lỗi',
    note: 'Trễ 3 ngày, không có phiếu xin lỗi',
    recordedAt: '2026-06-02T03:00:00.000Z',
    recordedByName: 'Thanh tra tỉnh An Giang',
    ...overrides,
  };
}

/** The inspection with counts computed from its sample, as the API does. */
export function inspection(sample: SampleItem[], overrides: Partial<Inspection> = {}): Inspection {
  const reviewed = sample.filter((item) => item.finding);
  const problems = reviewed.filter((item) => item.finding?.verdict === 'PROBLEM');
  return {
    id: INSPECTION_ID,
    title: 'Kiểm tra giải quyết TTHC tháng 5/2026 tại Sở Tư pháp',
    agency: { id: STP_ID, code: '000.00.10.H01', name: 'Sở Tư pháp tỉnh An Giang' },
    from: '2026-05-01',
    to: '2026-05-31',
    procedureCode: null,
    sampleSize: 10,
    population: 42,
    seed: 'thanhtra-2026-05',
    status: 'OPEN',
    createdAt: '2026-06-01T02:00:00.000Z',
    createdByName: 'Thanh tra tỉnh An Giang',
    drawnAt: '2026-06-01T02:00:00.000Z',
    closedAt: null,
    closedByName: null,
    version: 1,
    counts: {
      sampled: sample.length,
      reviewed: reviewed.length,
      pending: sample.length - reviewed.length,
      compliant: reviewed.length - problems.length,
      problem: problems.length,
      byCategory: CATEGORIES.map((category) => ({
        category,
        label: category,
        count: problems.filter((item) => item.finding?.category === category).length,
      })),
    },
    sample,
    ...overrides,
  };
}
