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

/** Inter-agency route (liên thông): the ward Mỹ Bình receives and decides; Công an tỉnh and BHXH tỉnh act in parallel. */
export const MY_BINH_ID = '00000000-0000-4000-8000-0000000000b1';
export const CONG_AN_ID = '00000000-0000-4000-8000-0000000000c1';
export const BHXH_ID = '00000000-0000-4000-8000-0000000000c2';
/** The BHXH officer the fixture route's BHXH step is assigned to. */
export const BHXH_OFFICER_ID = '00000000-0000-4000-8000-0000000000d2';
export const MY_BINH = 'Ủy ban nhân dân phường Mỹ Bình';
export const CONG_AN = 'Công an tỉnh An Giang';
export const BHXH = 'Bảo hiểm xã hội tỉnh An Giang';
export const ROUTED_CODE = '000.31.01.H01-260309-0003';

type Step = Schemas['DossierStepView'];

export function step(overrides: Partial<Step> & Pick<Step, 'seq' | 'stage' | 'name'>): Step {
  return {
    id: `00000000-0000-4000-8000-00000000050${overrides.seq}`,
    agencyId: MY_BINH_ID,
    agencyName: MY_BINH,
    role: 'SPECIALIST',
    status: 'PENDING',
    assigneeId: null,
    assigneeName: null,
    budgetMinutes: 60,
    sentAt: null,
    sentByName: null,
    sentFromAgencyId: null,
    sentFromAgencyName: null,
    acceptedAt: null,
    acceptedByName: null,
    returnedAt: null,
    returnReason: null,
    completedAt: null,
    completedByName: null,
    note: null,
    dueAt: null,
    timeliness: null,
    workingMinutesUsed: null,
    ...overrides,
  };
}

/** Approved and issued at the ward on 09/03/2026; Công an has yet to accept, BHXH works on it late; the desk waits. */
export const ROUTE: Step[] = [
  step({
    seq: 1,
    stage: 0,
    name: 'Tiếp nhận, kiểm tra hồ sơ liên thông',
    role: 'RECEPTION',
    status: 'DONE',
    sentAt: '2026-03-09T01:00:00.000Z',
    acceptedAt: '2026-03-09T01:00:00.000Z',
    acceptedByName: 'Cán bộ một cửa phường Mỹ Bình',
    completedAt: '2026-03-09T01:20:00.000Z',
    completedByName: 'Cán bộ một cửa phường Mỹ Bình',
    dueAt: '2026-03-09T02:00:00.000Z',
    timeliness: 'EARLY',
    workingMinutesUsed: 20,
  }),
  step({
    seq: 2,
    stage: 1,
    name: 'Thẩm định hồ sơ, đăng ký khai sinh',
    status: 'DONE',
    budgetMinutes: 240,
    sentAt: '2026-03-09T01:20:00.000Z',
    sentByName: 'Cán bộ một cửa phường Mỹ Bình',
    sentFromAgencyId: MY_BINH_ID,
    sentFromAgencyName: MY_BINH,
    acceptedAt: '2026-03-09T01:30:00.000Z',
    acceptedByName: 'Công chức tư pháp - hộ tịch phường Mỹ Bình',
    completedAt: '2026-03-09T03:00:00.000Z',
    completedByName: 'Công chức tư pháp - hộ tịch phường Mỹ Bình',
    dueAt: '2026-03-09T06:20:00.000Z',
    timeliness: 'EARLY',
    workingMinutesUsed: 100,
  }),
  step({
    seq: 3,
    stage: 2,
    name: 'Phê duyệt, ký Giấy khai sinh; chuyển thông tin liên thông',
    role: 'LEADER',
    status: 'DONE',
    budgetMinutes: 180,
    sentAt: '2026-03-09T03:00:00.000Z',
    sentByName: 'Công chức tư pháp - hộ tịch phường Mỹ Bình',
    sentFromAgencyId: MY_BINH_ID,
    sentFromAgencyName: MY_BINH,
    acceptedAt: '2026-03-09T03:00:00.000Z',
    acceptedByName: 'Chủ tịch UBND phường Mỹ Bình',
    completedAt: '2026-03-09T07:00:00.000Z',
    completedByName: 'Chủ tịch UBND phường Mỹ Bình',
    dueAt: '2026-03-09T07:00:00.000Z',
    timeliness: 'ON_TIME',
    workingMinutesUsed: 180,
  }),
  step({
    seq: 4,
    stage: 3,
    name: 'Đăng ký thường trú cho trẻ em',
    agencyId: CONG_AN_ID,
    agencyName: CONG_AN,
    status: 'SENT',
    budgetMinutes: 720,
    sentAt: '2026-03-09T07:00:00.000Z',
    sentByName: 'Chủ tịch UBND phường Mỹ Bình',
    sentFromAgencyId: MY_BINH_ID,
    sentFromAgencyName: MY_BINH,
    dueAt: '2026-03-11T02:00:00.000Z',
    timeliness: 'WITHIN',
    workingMinutesUsed: 120,
  }),
  step({
    seq: 5,
    stage: 3,
    name: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    agencyId: BHXH_ID,
    agencyName: BHXH,
    status: 'ACCEPTED',
    assigneeId: BHXH_OFFICER_ID,
    assigneeName: 'Chuyên viên BHXH tỉnh',
    budgetMinutes: 480,
    sentAt: '2026-03-09T07:00:00.000Z',
    sentByName: 'Chủ tịch UBND phường Mỹ Bình',
    sentFromAgencyId: MY_BINH_ID,
    sentFromAgencyName: MY_BINH,
    acceptedAt: '2026-03-09T08:00:00.000Z',
    acceptedByName: 'Chuyên viên BHXH tỉnh',
    dueAt: '2026-03-10T07:00:00.000Z',
    timeliness: 'OVERDUE',
    workingMinutesUsed: 540,
  }),
  step({
    seq: 6,
    stage: 4,
    name: 'Trả kết quả (Giấy khai sinh, thông báo đăng ký thường trú, thẻ BHYT điện tử)',
    role: 'RECEPTION',
    budgetMinutes: 120,
  }),
];

/** A 1.012796 dossier received at the ward desk, now at Công an tỉnh and BHXH tỉnh. */
export function routedDossier(overrides: Partial<Schemas['DossierResponse']> = {}): Schemas['DossierResponse'] {
  return dossier({
    id: '00000000-0000-4000-8000-0000000000e3',
    code: ROUTED_CODE,
    procedureCode: '1.012796',
    procedureName: 'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
    applicantName: 'Phạm Thị Mai',
    receivingAgencyId: MY_BINH_ID,
    receivingAgencyName: MY_BINH,
    competentAgencyId: MY_BINH_ID,
    competentAgencyName: MY_BINH,
    status: 'RESULT_READY',
    statusCode: 9,
    statusText: 'Đã có kết quả, chờ trả',
    budgetMinutes: 1440,
    allowedActions: [],
    steps: ROUTE,
    ...overrides,
  });
}
