import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage } from '../../app/api';

/** The bell asks again every 30 s and when the official comes back to the tab. */
export const NOTIFICATIONS_POLL_MS = 30_000;
/** The latest ones fit the dropdown; older ones are on the dossiers themselves. */
export const NOTIFICATIONS_SHOWN = 20;

/** The official's latest notifications and the unread count of the badge. */
export function useNotifications() {
  return $api.useQuery(
    'get',
    '/api/notifications',
    { params: { query: { limit: NOTIFICATIONS_SHOWN } } },
    { refetchInterval: NOTIFICATIONS_POLL_MS, refetchOnWindowFocus: true, meta: { silentErrors: true } },
  );
}

function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['get', '/api/notifications'] });
}

/** Marks one notification read (it was opened); a failure only says so, the dossier still opens. */
export function useMarkNotificationRead() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshNotifications();
  return $api.useMutation('post', '/api/notifications/{id}/read', {
    onSuccess: () => void refresh(),
    onError: (error) => void message.error(t('notifications.failed', { reason: errorMessage(error) })),
  });
}

/** "Đánh dấu đã đọc tất cả". */
export function useMarkAllNotificationsRead() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshNotifications();
  return $api.useMutation('post', '/api/notifications/read-all', {
    onSuccess: () => {
      void message.success(t('notifications.allMarked'));
      void refresh();
    },
    onError: (error) => void message.error(t('notifications.failed', { reason: errorMessage(error) })),
  });
}
