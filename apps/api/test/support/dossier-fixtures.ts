/* eslint-disable @typescript-eslint/no-explicit-any -- test helper returning parsed JSON */
import { call } from './http';

/** Cấp Phiếu lý lịch tư pháp: province level, received at the provincial center, Sở Tư pháp competent. */
export const CRIMINAL_RECORD = '2.000488';
export const CENTER = '000.00.22.H01';

/** The mandatory documents of a published procedure, as a complete counter checklist. */
export async function mandatoryDocuments(
  baseUrl: string,
  procedureCode = CRIMINAL_RECORD,
): Promise<Array<{ name: string; kind: string; count: number }>> {
  const procedure = await call(baseUrl, 'GET', `/api/public/procedures/${procedureCode}`);
  return procedure.body.documents
    .filter((d: { mandatory: boolean }) => d.mandatory)
    .map((d: { name: string }) => ({ name: d.name, kind: 'ORIGINAL', count: 1 }));
}

/** A complete counter intake at the provincial center; returns the dossier. */
export async function receiveAtCounter(baseUrl: string, token: string, fullName: string): Promise<any> {
  const res = await call(baseUrl, 'POST', '/api/dossiers', {
    token,
    body: {
      procedureCode: CRIMINAL_RECORD,
      receivingAgencyCode: CENTER,
      channel: 'DIRECT',
      applicant: { type: 'INDIVIDUAL', fullName, identifiers: [] },
      documents: await mandatoryDocuments(baseUrl),
    },
  });
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
