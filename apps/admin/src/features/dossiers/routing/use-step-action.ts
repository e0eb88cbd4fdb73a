import { isProblem } from '@motcua/api-client';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage } from '../../../app/api';
import { useRefreshDossiers } from '../detail/use-dossier-mutations';
import { stepActionLabel, type StepAction } from '../labels';

/** A field error (400 with errors[]): the dialog that asked for the field shows it under the field. */
export function isFieldProblem(error: unknown): boolean {
  return isProblem(error) && error.status === 400 && error.errors.length > 0;
}

/**
 * One action on a step of the route (accept, return, resend, assign, take, complete). The answer
 * is the dossier as it is now, so the route, the queues and the control sheet are read again.
 * Any refusal but a field error (a 403 "assigned to someone else", a 404 "not your agency's", a
 * 409 "not in that state any more") is said in a message and the dossier is reloaded.
 */
export function useStepAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshDossiers();
  return $api.useMutation('post', '/api/dossiers/{code}/steps/{stepId}/{action}', {
    onSuccess: (dossier, variables) => {
      const step = dossier.steps.find((candidate) => candidate.id === variables.params.path.stepId);
      void message.success(
        t('dossiers.route.done', { action: stepActionLabel(variables.params.path.action as StepAction), step: step?.name ?? '' }),
      );
      void refresh();
    },
    onError: (error) => {
      if (isFieldProblem(error)) return;
      void message.error(errorMessage(error), 6);
      void refresh();
    },
  });
}
