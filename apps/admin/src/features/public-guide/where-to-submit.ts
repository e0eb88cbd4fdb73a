import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

type Procedure = Pick<Schemas['ProcedureResponse'], 'level' | 'onlineRegime'>;

export interface SubmissionPlace {
  /** The desk a citizen normally goes to. */
  main: string;
  /** The other ways in: any desk of the province (phi địa giới), and online when offered. */
  alternatives: string[];
}

/**
 * Where to submit (DOMAIN §2): the provincial Public Administration Service Center for
 * province-level procedures, the district or commune one-stop desk otherwise; any reception point
 * of the province may receive any procedure, since routing follows the competent agency.
 */
export function submissionPlace(procedure: Procedure): SubmissionPlace {
  const main = i18n.t(`publicGuide.submitAt.${procedure.level}`);
  const alternatives = [i18n.t(procedure.level === 'PROVINCE' ? 'publicGuide.anyDeskFromProvince' : 'publicGuide.anyDesk')];
  if (procedure.onlineRegime !== 'NONE') alternatives.push(i18n.t('publicGuide.orOnline'));
  return { main, alternatives };
}
