import type { Schemas } from '@motcua/api-client';

/** Test data of the dossier screens, as the API answers it. */

export const CENTER_ID = '00000000-0000-4000-8000-0000000000a1';
export const SO_TU_PHAP_ID = '00000000-0000-4000-8000-0000000000d1';
export const CODE = '000.00.22.H01-260309-0007';

export const LY_LICH: Schemas['ProcedureResponse'] = {
  id: '00000000-0000-4000-8000-00000000f002',
  code: '2.000488',
  versionNo: 1,
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
  field: 'Lý lịch tư pháp',
  level: 'PROVINCE',
  competentAgencyId: SO_TU_PHAP_ID,
  competentAgencyName: 'Sở Tư pháp tỉnh An Giang',
  processingAmount: 10,
  processingUnit: 'WORKING_DAYS',
  onlineRegime: 'FULL',
  status: 'PUBLISHED',
  feeTotal: 200000,
  version: 1,
  fees: [{ name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200000, note: '200.000 đồng/lần/người' }],
  documents: [
    { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu', originals: 1, copies: 0, mandatory: true },
    { name: 'Bản chụp giấy tờ tùy thân (Căn cước/CCCD, hộ chiếu)', originals: 0, copies: 1, mandatory: true },
    { name: 'Bản chụp giấy tờ chứng minh nơi cư trú', originals: 0, copies: 1, mandatory: false },
  ],
  paperResultRequired: false,
  electronicResultAllowed: true,
  pauseClockOnPayment: false,
  legalBasis: 'Luật Lý lịch tư pháp 2009',
  validFrom: null,
  validTo: null,
  publishedAt: '2026-01-05T02:00:00.000Z',
  steps: [],
  templateHours: 80,
  processingHours: 80,
  versions: [],
};

export const LY_LICH_SUMMARY: Schemas['ProcedureSummary'] = {
  id: LY_LICH.id,
  code: LY_LICH.code,
  versionNo: 1,
  name: LY_LICH.name,
  field: LY_LICH.field,
  level: 'PROVINCE',
  competentAgencyId: SO_TU_PHAP_ID,
  competentAgencyName: 'Sở Tư pháp tỉnh An Giang',
  processingAmount: 10,
  processingUnit: 'WORKING_DAYS',
  onlineRegime: 'FULL',
  status: 'PUBLISHED',
  feeTotal: 200000,
  version: 1,
};

export const CENTER: Schemas['AgencyResponse'] = {
  id: CENTER_ID,
  code: '000.00.22.H01',
  name: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
  shortName: null,
  level: 'DEPARTMENT',
  parentId: null,
  isReceptionPoint: true,
  address: null,
  phone: null,
  successorId: null,
  validFrom: null,
  validTo: null,
  version: 1,
};

function event(
  action: string,
  at: string,
  from: string | null,
  to: string,
  extra: Partial<Schemas['DossierEventResponse']> = {},
): Schemas['DossierEventResponse'] {
  return {
    id: `${action}-${at}`,
    at,
    action,
    actorName: 'Cán bộ tiếp nhận TTPVHCC tỉnh',
    fromStatus: from,
    toStatus: to,
    reason: null,
    form: null,
    ...extra,
  };
}

/** A dossier received at the counter on Monday 09/03/2026 09:00 (Vietnam), due ten working days later. */
export function dossier(overrides: Partial<Schemas['DossierResponse']> = {}): Schemas['DossierResponse'] {
  return {
    id: '00000000-0000-4000-8000-0000000000e1',
    code: CODE,
    steps: [],
    status: 'RECEIVED',
    statusCode: 2,
    statusText: 'Đã tiếp nhận',
    channel: 'DIRECT',
    procedureCode: LY_LICH.code,
    procedureName: LY_LICH.name,
    procedureId: LY_LICH.id,
    applicantName: 'Nguyễn Văn An',
    receivingAgencyId: CENTER_ID,
    competentAgencyId: SO_TU_PHAP_ID,
    receivingAgencyName: CENTER.name,
    competentAgencyName: 'Sở Tư pháp tỉnh An Giang',
    submittedAt: '2026-03-09T02:00:00.000Z',
    receivedAt: '2026-03-09T02:00:00.000Z',
    dueAt: '2026-03-23T02:00:00.000Z',
    originalDueAt: '2026-03-23T02:00:00.000Z',
    apologyDueAt: null,
    timeliness: 'WITHIN',
    version: 4,
    stage: null,
    outcome: null,
    applicant: {
      type: 'INDIVIDUAL',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '2003-05-01',
      sex: 'MALE',
      identifiers: [{ type: 'CCCD', value: '089203001234' }],
      phone: '0912345678',
      address: 'Phường Mỹ Bình, TP Long Xuyên, An Giang',
    },
    documents: [{ name: LY_LICH.documents[0].name, kind: 'ORIGINAL', count: 1 }],
    note: null,
    clockState: 'RUNNING',
    budgetMinutes: 4800,
    workingMinutesUsed: 960,
    workingMinutesLeft: 3840,
    finishedAt: null,
    returnMethod: null,
    paidOnline: false,
    electronicResult: false,
    lookupSecret: 'K7P2QX9M',
    allowedActions: ['forward', 'request-withdrawal'],
    timeline: [
      event('submit', '2026-03-09T02:00:00.000Z', null, 'SUBMITTED'),
      event('accept', '2026-03-09T02:00:00.000Z', 'SUBMITTED', 'RECEIVED', { form: '01' }),
    ],
    warnings: [],
    ...overrides,
  };
}

export function summaryOf(d: Schemas['DossierResponse']): Schemas['DossierSummary'] {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusCode: d.statusCode,
    statusText: d.statusText,
    channel: d.channel,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    applicantName: d.applicantName,
    receivingAgencyId: d.receivingAgencyId,
    competentAgencyId: d.competentAgencyId,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    timeliness: d.timeliness,
    version: d.version,
  };
}
