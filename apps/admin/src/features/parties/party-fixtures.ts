import type { Party, PartySummary } from './labels';

export const PARTY_ID = '6f1c2a9e-0000-4000-8000-0000000000b1';
export const OTHER_ID = '6f1c2a9e-0000-4000-8000-0000000000b2';
export const CCCD_ID = '6f1c2a9e-0000-4000-8000-0000000000c1';
export const PHONE_ID = '6f1c2a9e-0000-4000-8000-0000000000d1';
export const OLD_PHONE_ID = '6f1c2a9e-0000-4000-8000-0000000000d2';
export const DOSSIER_CODE = '000.00.22.H01-260309-0001';

/** Nguyễn Văn An as the API answers the detail: masked identifier and phones, an old phone kept with its dates, one dossier. */
export function party(overrides: Partial<Party> = {}): Party {
  return {
    id: PARTY_ID,
    type: 'INDIVIDUAL',
    fullName: 'Nguyễn Văn An',
    name: null,
    displayName: 'Nguyễn Văn An',
    dateOfBirth: '2003-05-01',
    sex: 'MALE',
    status: 'ACTIVE',
    restriction: null,
    mergedIntoId: null,
    identifiers: [{ id: CCCD_ID, type: 'CCCD', masked: '089******234', validFrom: '2021-04-10', validTo: null }],
    phone: '091****678',
    email: 'an.nguyen@example.vn',
    address: { text: 'Số 12, đường Trần Hưng Đạo, phường Long Xuyên', areaCode: null },
    permanentAddress: null,
    contacts: [
      { id: PHONE_ID, kind: 'PHONE', value: '091****678', areaCode: null, validFrom: '2026-03-09T02:00:00.000Z', validTo: null },
      {
        id: OLD_PHONE_ID,
        kind: 'PHONE',
        value: '098****111',
        areaCode: null,
        validFrom: '2025-01-02T02:00:00.000Z',
        validTo: '2026-03-09T02:00:00.000Z',
      },
    ],
    representatives: [],
    represents: [],
    consents: [],
    dossiers: [
      {
        dossierId: '6f1c2a9e-0000-4000-8000-0000000000e1',
        code: DOSSIER_CODE,
        role: 'OWNER',
        status: 'RECEIVED',
        statusCode: 2,
        procedureCode: '2.000488',
        procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
        receivingAgencyId: '00000000-0000-4000-8000-0000000000a1',
        receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
        competentAgencyId: '00000000-0000-4000-8000-0000000000a2',
        competentAgencyName: 'Sở Tư pháp',
        submittedAt: '2026-03-09T02:00:00.000Z',
      },
    ],
    createdAt: '2026-03-09T02:00:00.000Z',
    updatedAt: '2026-03-09T02:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function summaryOf(p: Party): PartySummary {
  return {
    id: p.id,
    type: p.type,
    displayName: p.displayName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    status: p.status,
    identifiers: p.identifiers,
    phone: p.phone,
  };
}
