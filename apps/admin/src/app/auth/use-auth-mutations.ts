import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api, sessionStore } from '../api';

/** Signs in; the login form shows a failure (401, 429) itself. A new user starts with an empty cache. */
export function useLogin() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/auth/login', {
    onSuccess: (response) => {
      queryClient.removeQueries();
      sessionStore.signIn(response);
    },
    onError: () => undefined,
  });
}

/** Ends the session on the server and forgets it here, even when the server cannot be reached. */
export function useLogout() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/auth/logout', {
    onSettled: () => {
      sessionStore.signOut('loggedOut');
      queryClient.removeQueries();
    },
    onError: () => undefined,
  });
}

/** Changes one's own password; the API then ends every session of the user, so sign in again. */
export function useChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/auth/password', {
    onSuccess: () => {
      void message.success(t('password.changed'));
      sessionStore.signOut('passwordChanged');
      queryClient.removeQueries();
    },
    onError: () => undefined, // the dialog puts the errors on its fields
  });
}
