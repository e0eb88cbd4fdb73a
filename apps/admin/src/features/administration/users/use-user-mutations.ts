import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';

/** Every list page and every single user read again after a change. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['get', '/api/users'] }),
      queryClient.invalidateQueries({ queryKey: ['get', '/api/users/{id}'] }),
    ]);
}

/** Creates an account; the drawer puts failures on its fields. */
export function useCreateUser() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  return $api.useMutation('post', '/api/users', {
    onSuccess: (user) => {
      void message.success(t('users.created', { username: user.username }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Saves the profile, agency and roles; the drawer puts failures on its fields. */
export function useUpdateUser() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  return $api.useMutation('patch', '/api/users/{id}', {
    onSuccess: (user) => {
      void message.success(t('users.updated', { username: user.username }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Activates or deactivates (ending every session of) an account; failures go to the central notification. */
export function useSetUserActive() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  return $api.useMutation('patch', '/api/users/{id}', {
    onSuccess: (user) => {
      void message.success(t(user.active ? 'users.activated' : 'users.deactivated', { username: user.username }));
      void refresh();
    },
  });
}

/** An administrator sets a new password; the user's sessions end. The dialog shows failures. */
export function useResetUserPassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshUsers();
  return $api.useMutation('patch', '/api/users/{id}', {
    onSuccess: (user) => {
      void message.success(t('users.passwordReset', { username: user.username }));
      void refresh();
    },
    onError: () => undefined,
  });
}
