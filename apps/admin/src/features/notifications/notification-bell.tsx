import { BellOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatShortVietnamDateTime } from '../../app/format';
import { dossierPath } from '../dossiers/labels';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './use-notifications';

type Notification = Schemas['NotificationItem'];

/** The header's bell: the unread count, and the latest notifications; one click opens the dossier it is about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data } = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = data?.unreadCount ?? 0;
  const items = data?.items ?? [];

  const openNotification = (notification: Notification) => {
    if (!notification.read) markRead.mutate({ params: { path: { id: notification.id } } });
    setOpen(false);
    navigate(dossierPath(notification.dossierCode));
  };

  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {items.map((notification) => (
            <li key={notification.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <button
                type="button"
                onClick={() => openNotification(notification)}
                data-testid="notification-item"
                data-read={notification.read}
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'start',
                  padding: '8px 4px',
                  border: 0,
                  cursor: 'pointer',
                  background: notification.read ? 'transparent' : '#fff5f5',
                }}
              >
                <Flex gap={8} align="start">
                  <Badge status={notification.read ? 'default' : 'error'} style={{ marginTop: 4 }} />
                  <div>
                    <Typography.Text strong={!notification.read}>{notification.message}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatShortVietnamDateTime(notification.createdAt)}
                        {notification.read ? '' : ` · ${t('notifications.unread')}`}
                      </Typography.Text>
                    </div>
                  </div>
                </Flex>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center" gap={16}>
          <span>{t('notifications.title')}</span>
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate({})}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Flex>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        data-testid="notification-bell"
        style={{ height: 'auto', padding: '4px 8px' }}
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
