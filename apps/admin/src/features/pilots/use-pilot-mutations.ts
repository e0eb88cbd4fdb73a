import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';

/** The list, the open pilot and its comparison read again after a change. */
export function useRefreshPilots() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['/api/pilots', '/api/pilots/{id}', '/api/pilots/{id}/comparison'].map((path) =>
        queryClient.invalidateQueries({ queryKey: ['get', path] }),
      ),
    );
}

/** Records a pilot; the form puts failures on its fields. */
export function useCreatePilot() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshPilots();
  return $api.useMutation('post', '/api/pilots', {
    onSuccess: (pilot) => {
      void message.success(t('oversight.pilots.created', { name: pilot.name }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Saves a pilot with the version read; the form shows a stale version (409) itself. */
export function useUpdatePilot() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshPilots();
  return $api.useMutation('patch', '/api/pilots/{id}', {
    onSuccess: (pilot) => {
      void message.success(t('oversight.pilots.updated', { name: pilot.name }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Deletes a pilot (the audit trail keeps it). Failures go to the central error policy. */
export function useDeletePilot() {
  const refresh = useRefreshPilots();
  return $api.useMutation('delete', '/api/pilots/{id}', { onSuccess: () => void refresh() });
}
