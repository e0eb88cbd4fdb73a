import { permissionsOf, type Role } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { BHXH, BHXH_ID, BHXH_OFFICER_ID, CONG_AN, CONG_AN_ID, MY_BINH, MY_BINH_ID, ROUTE, routedDossier, step } from '../dossier-fixtures';
import { stepActionsFor, type StepViewer } from './step-actions';

const DOSSIER = routedDossier();

function viewer(role: Role, agencyId: string, agencyName: string, id = '00000000-0000-4000-8000-0000000000ff'): StepViewer {
  const permissions = permissionsOf([role]);
  return { id, agencyId, agencyName, username: 'canbo', fullName: 'Cán bộ', can: (permission) => permissions.includes(permission) };
}

const congAnSent = ROUTE[3];
const bhxhAccepted = ROUTE[4];

describe('which step buttons an official sees', () => {
  it('offers accept, take and return on a step just sent to the officer’s agency, and nothing on another agency’s step', () => {
    expect(stepActionsFor(congAnSent, DOSSIER, viewer('SPECIALIST', CONG_AN_ID, CONG_AN))).toEqual(['accept', 'take', 'return']);
    expect(stepActionsFor(congAnSent, DOSSIER, viewer('SPECIALIST', BHXH_ID, BHXH))).toEqual([]);
  });

  it('lets only a leader assign', () => {
    expect(stepActionsFor(congAnSent, DOSSIER, viewer('LEADER', CONG_AN_ID, CONG_AN))).toEqual(['accept', 'take', 'assign', 'return']);
  });

  it('lets the assignee complete, hides complete and take from another specialist, and leaves them to a leader', () => {
    expect(stepActionsFor(bhxhAccepted, DOSSIER, viewer('SPECIALIST', BHXH_ID, BHXH, BHXH_OFFICER_ID))).toEqual(['complete', 'return']);
    expect(stepActionsFor(bhxhAccepted, DOSSIER, viewer('SPECIALIST', BHXH_ID, BHXH))).toEqual(['return']);
    expect(stepActionsFor(bhxhAccepted, DOSSIER, viewer('LEADER', BHXH_ID, BHXH))).toEqual(['complete', 'take', 'assign', 'return']);
  });

  it('knows the officer’s own step by the assignee id, whatever name it shows', () => {
    const taken = { ...bhxhAccepted, assigneeName: 'chuyenvien.bhxh' };
    expect(stepActionsFor(taken, DOSSIER, viewer('SPECIALIST', BHXH_ID, BHXH, BHXH_OFFICER_ID))).toEqual(['complete', 'return']);
  });

  it('leaves completing the deciding agency’s and the desk’s steps to the dossier actions', () => {
    const review = step({ seq: 2, stage: 1, name: 'Thẩm định', agencyId: MY_BINH_ID, status: 'ACCEPTED' });
    expect(stepActionsFor(review, DOSSIER, viewer('SPECIALIST', MY_BINH_ID, MY_BINH))).toEqual(['take', 'return']);
    const deliver = step({ seq: 6, stage: 4, name: 'Trả kết quả', role: 'RECEPTION', status: 'SENT' });
    expect(stepActionsFor(deliver, DOSSIER, viewer('RECEPTION', MY_BINH_ID, MY_BINH))).toEqual(['accept', 'return']);
  });

  it('lets the deciding agency complete a review that a consultation with another agency follows', () => {
    // Criminal record: Sở Tư pháp reviews, the police check, Sở Tư pháp reviews again, its leader approves.
    const review = step({ seq: 2, stage: 1, name: 'Thẩm định', agencyId: MY_BINH_ID, status: 'ACCEPTED' });
    const route = [
      review,
      step({ seq: 3, stage: 2, name: 'Tra cứu án tích', agencyId: CONG_AN_ID }),
      step({ seq: 4, stage: 3, name: 'Lập phiếu', agencyId: MY_BINH_ID }),
      step({ seq: 5, stage: 4, name: 'Phê duyệt', agencyId: MY_BINH_ID, role: 'LEADER' }),
    ];
    const dossier = { ...DOSSIER, steps: route };
    expect(stepActionsFor(review, dossier, viewer('SPECIALIST', MY_BINH_ID, MY_BINH))).toEqual(['complete', 'take', 'return']);
    expect(stepActionsFor({ ...route[2], status: 'ACCEPTED' }, dossier, viewer('SPECIALIST', MY_BINH_ID, MY_BINH))).toEqual([
      'take',
      'return',
    ]);
  });

  it('offers "send again" to the agency a step was returned to, and nothing on done or pending steps', () => {
    const returned = { ...congAnSent, status: 'RETURNED' as const, returnReason: 'Thiếu giấy tờ' };
    expect(stepActionsFor(returned, DOSSIER, viewer('LEADER', MY_BINH_ID, MY_BINH))).toEqual(['resend']);
    expect(stepActionsFor(returned, DOSSIER, viewer('LEADER', CONG_AN_ID, CONG_AN))).toEqual([]);
    expect(stepActionsFor(ROUTE[0], DOSSIER, viewer('RECEPTION', MY_BINH_ID, MY_BINH))).toEqual([]);
    expect(stepActionsFor(ROUTE[5], DOSSIER, viewer('RECEPTION', MY_BINH_ID, MY_BINH))).toEqual([]);
  });

  it('offers nothing on a step the dossier’s stop or withdrawal cancelled, not even to its agency’s leader or its sender', () => {
    const note = 'Công dân rút hồ sơ: Không còn nhu cầu';
    const cancelledSent = { ...congAnSent, status: 'CANCELLED' as const, completedAt: '2026-03-10T03:00:00.000Z', note };
    const cancelledAccepted = { ...bhxhAccepted, status: 'CANCELLED' as const, completedAt: '2026-03-10T03:00:00.000Z', note };
    const cancelledReturned = { ...cancelledSent, returnReason: 'Thiếu giấy tờ' };
    expect(stepActionsFor(cancelledSent, DOSSIER, viewer('LEADER', CONG_AN_ID, CONG_AN))).toEqual([]);
    expect(stepActionsFor(cancelledAccepted, DOSSIER, viewer('SPECIALIST', BHXH_ID, BHXH, BHXH_OFFICER_ID))).toEqual([]);
    expect(stepActionsFor(cancelledAccepted, DOSSIER, viewer('LEADER', BHXH_ID, BHXH))).toEqual([]);
    expect(stepActionsFor(cancelledReturned, DOSSIER, viewer('LEADER', MY_BINH_ID, MY_BINH))).toEqual([]);
  });

  it('shows nothing to an account that does not handle steps (an auditor)', () => {
    expect(stepActionsFor(congAnSent, DOSSIER, viewer('AUDITOR', CONG_AN_ID, CONG_AN))).toEqual([]);
  });
});
