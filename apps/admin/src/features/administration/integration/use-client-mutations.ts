import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';

function useRefreshClients() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['get', '/api/integration/clients'] });
}

/** Registers a client; the response carries its API key this once. The dialog shows failures. */
export function useCreateClient() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshClients();
  return $api.useMutation('post', '/api/integration/clients', {
    onSuccess: (client) => {
      void message.success(t('clients.created', { name: client.name }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Issues a new key (shown once); the old key stops working at once. */
export function useRotateClientKey() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshClients();
  return $api.useMutation('post', '/api/integration/clients/{id}/rotate', {
    onSuccess: (client) => {
      void message.success(t('clients.rotated', { name: client.name }));
      void refresh();
    },
  });
}

/** Revokes a client: its key stops working at once. */
export function useRevokeClient() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshClients();
  return $api.useMutation('delete', '/api/integration/clients/{id}', {
    onSuccess: () => {
      void message.success(t('clients.revoked'));
      void refresh();
    },
  });
}
