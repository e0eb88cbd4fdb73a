import type { Permission } from '@motcua/domain';
import type { Dossier, DossierStep, StepAction } from '../labels';

/** What the browser knows of the signed-in official (the API decides; this only hides useless buttons). */
export interface StepViewer {
  id: string;
  agencyId: string;
  agencyName: string;
  username: string;
  fullName: string;
  can: (permission: Permission) => boolean;
}

/** Accounts that handle steps at all (the API's own list: intake, processing or approving). */
const HANDLES_STEPS: readonly Permission[] = ['dossiers:intake', 'dossiers:process', 'dossiers:approve'];

/**
 * Steps the dossier's own actions finish (as the API's route rules do): the desk's steps close
 * with "forward" and "return result", the deciding agency's leader step with "issue result", and
 * its specialist step with "submit for approval" — but only when the leader's step comes next.
 * A review followed by another agency's consultation is completed with its own button.
 */
export function completedByDossierAction(step: DossierStep, dossier: Pick<Dossier, 'competentAgencyId' | 'steps'>): boolean {
  if (step.role === 'RECEPTION') return true;
  if (step.agencyId !== dossier.competentAgencyId) return false;
  if (step.role === 'LEADER') return true;
  const later = dossier.steps.filter((s) => s.stage > step.stage);
  const nextStage = Math.min(...later.map((s) => s.stage));
  return later.some((s) => s.stage === nextStage && s.role === 'LEADER' && s.agencyId === dossier.competentAgencyId);
}

/**
 * The step buttons to show the viewer, in display order. Only the step's agency acts on it
 * (accept, return, take, assign, complete); the agency that sent it sends it again after a return.
 * Assigning someone else needs the leader's `dossiers:assign`; a step assigned to another
 * officer is completed or taken over only by a leader. The API answers 403/404/409 otherwise.
 */
export function stepActionsFor(step: DossierStep, dossier: Pick<Dossier, 'competentAgencyId' | 'steps'>, viewer: StepViewer): StepAction[] {
  if (!HANDLES_STEPS.some((permission) => viewer.can(permission))) return [];
  if (step.status === 'RETURNED') {
    return step.sentFromAgencyId && step.sentFromAgencyId === viewer.agencyId ? ['resend'] : [];
  }
  if (step.agencyId !== viewer.agencyId || (step.status !== 'SENT' && step.status !== 'ACCEPTED')) return [];

  const leader = viewer.can('dossiers:assign');
  const mine = step.assigneeId !== null && step.assigneeId === viewer.id;
  const someoneElses = step.assigneeId !== null && !mine;
  const desk = step.role === 'RECEPTION';
  const actions: StepAction[] = [];
  if (step.status === 'SENT') actions.push('accept');
  if (step.status === 'ACCEPTED' && !completedByDossierAction(step, dossier) && (!someoneElses || leader)) actions.push('complete');
  if (!desk && !mine && (!someoneElses || leader)) actions.push('take');
  if (!desk && leader) actions.push('assign');
  actions.push('return');
  return actions;
}
