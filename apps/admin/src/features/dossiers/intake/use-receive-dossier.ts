import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { useRefreshDossiers } from '../detail/use-dossier-mutations';

/** Receives a dossier at the counter; the form puts failures (missing documents, field errors) on its lines. */
export function useReceiveDossier() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshDossiers();
  return $api.useMutation('post', '/api/dossiers', {
    onSuccess: (dossier) => {
      // One message per dossier, even when a replayed Idempotency-Key answers twice.
      void message.success({ key: `intake-${dossier.code}`, content: t('dossiers.intake.received', { code: dossier.code }) });
      void refresh();
    },
    onError: () => undefined,
  });
}
