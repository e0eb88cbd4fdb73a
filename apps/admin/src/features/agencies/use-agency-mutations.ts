import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';

/** The flat list (also behind every agency picker), the tree and single agencies read again. */
function useRefreshAgencies() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['get', '/api/agencies'] }),
      queryClient.invalidateQueries({ queryKey: ['get', '/api/agencies/tree'] }),
      queryClient.invalidateQueries({ queryKey: ['get', '/api/agencies/{id}'] }),
    ]);
}

/** Creates an agency under a parent; the drawer puts failures on its fields. */
export function useCreateAgency() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshAgencies();
  return $api.useMutation('post', '/api/agencies', {
    onSuccess: (agency) => {
      void message.success(t('agencies.created', { name: agency.name }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Saves an agency (moving its subtree when the parent changes); the drawer shows failures. */
export function useUpdateAgency() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshAgencies();
  return $api.useMutation('patch', '/api/agencies/{id}', {
    onSuccess: (agency) => {
      void message.success(t('agencies.updated', { name: agency.name }));
      void refresh();
    },
    onError: () => undefined,
  });
}
