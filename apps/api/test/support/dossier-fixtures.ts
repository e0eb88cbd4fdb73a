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

/** POST /api/dossiers/{code}/steps/{stepId}/{action}; throws unless 200, returns the dossier. */
export async function stepAction(
  baseUrl: string,
  token: string,
  code: string,
  stepId: string,
  action: string,
  body: object = {},
): Promise<any> {
  const res = await call(baseUrl, 'POST', `/api/dossiers/${encodeURIComponent(code)}/steps/${stepId}/${action}`, { token, body });
  if (res.status !== 200) throw new Error(`step ${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The step of the route waiting at an agency now (there is one in a sequential stage). */
export function sentStep(dossier: any): any {
  return dossier.steps.find((s: { status: string }) => s.status === 'SENT' || s.status === 'ACCEPTED');
}

/**
 * Walks a forwarded criminal-record dossier (2.000488) along its route to the point where the
 * department submits it for approval: Sở Tư pháp's first review, the police check (Công an tỉnh),
 * then the second review is open at Sở Tư pháp. Returns the dossier.
 */
export async function routeToSecondReview(baseUrl: string, code: string, tokens: { specialist: string; police: string }): Promise<any> {
  let dossier = (await call(baseUrl, 'GET', `/api/dossiers/${encodeURIComponent(code)}`, { token: tokens.specialist })).body;
  dossier = await stepAction(baseUrl, tokens.specialist, code, sentStep(dossier).id, 'complete', { note: 'Đã tra cứu cơ sở dữ liệu' });
  const police = sentStep(dossier);
  await stepAction(baseUrl, tokens.police, code, police.id, 'accept');
  return stepAction(baseUrl, tokens.police, code, police.id, 'complete', { note: 'Không có án tích' });
}
