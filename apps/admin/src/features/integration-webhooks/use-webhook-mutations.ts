import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';

function useRefreshWebhooks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['get', '/api/integration/webhooks'] });
}

/** A replay changes the status of deliveries: both delivery lists read again. */
function useRefreshDeliveries() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['get', '/api/integration/webhooks/{id}/deliveries'] }),
      queryClient.invalidateQueries({ queryKey: ['get', '/api/integration/deliveries'] }),
    ]);
}

/** Subscribes a URL to dossier events; the dialog puts the API's field errors under its fields. */
export function useCreateWebhook() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshWebhooks();
  return $api.useMutation('post', '/api/integration/webhooks', {
    onSuccess: (webhook) => {
      void message.success(t('adminTools.webhooks.created', { url: webhook.url }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Ends a subscription: pending deliveries are cancelled, the log stays. */
export function useDeleteWebhook() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshWebhooks();
  const refreshDeliveries = useRefreshDeliveries();
  return $api.useMutation('delete', '/api/integration/webhooks/{id}', {
    onSuccess: () => {
      void message.success(t('adminTools.webhooks.deleted'));
      void refresh();
      void refreshDeliveries();
    },
  });
}

/** Sends one event again with its original id, from a fresh retry schedule. */
export function useReplayDelivery() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshDeliveries();
  return $api.useMutation('post', '/api/integration/webhooks/{id}/deliveries/{deliveryId}/replay', {
    onSuccess: (delivery) => {
      void message.success(t('adminTools.deliveries.replayed', { code: delivery.dossierCode }));
      void refresh();
    },
  });
}

/** Sends every event of the subscription since a time again. */
export function useReplaySince() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshDeliveries();
  return $api.useMutation('post', '/api/integration/webhooks/{id}/replay', {
    onSuccess: (result) => {
      void message.success(t('adminTools.deliveries.replaySinceDone', { count: result.scheduled }));
      void refresh();
    },
  });
}
