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
 * Steps the dossier's own actions finish: the deciding agency's steps close with "submit for
 * approval" and "issue result", the desk's result step with "return result". Completing them on
 * their own would move the route without the dossier, so they get no "Hoàn thành" button.
 */
export function completedByDossierAction(step: DossierStep, dossier: Pick<Dossier, 'competentAgencyId'>): boolean {
  return step.agencyId === dossier.competentAgencyId || step.role === 'RECEPTION';
}

/**
 * The step buttons to show the viewer, in display order. Only the step's agency acts on it
 * (accept, return, take, assign, complete); the agency that sent it sends it again after a return.
 * Assigning someone else needs the leader's `dossiers:assign`; a step assigned to another
 * officer is completed or taken over only by a leader. The API answers 403/404/409 otherwise.
 */
export function stepActionsFor(step: DossierStep, dossier: Pick<Dossier, 'competentAgencyId'>, viewer: StepViewer): StepAction[] {
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
