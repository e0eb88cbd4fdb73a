import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';

/** The staff catalog, every version read, and the public guide read again after a change. */
export function useRefreshProcedures() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [
        '/api/procedures',
        '/api/procedures/{id}',
        '/api/procedures/fields',
        '/api/public/procedures',
        '/api/public/procedures/{code}',
        '/api/public/procedures/fields',
      ].map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })),
    );
}

/** Creates a procedure as draft version 1; the drawer puts failures on its fields. */
export function useCreateProcedure() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProcedures();
  return $api.useMutation('post', '/api/procedures', {
    onSuccess: (procedure) => {
      void message.success(t('procedures.created', { code: procedure.code }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Saves a draft (the steps replace the template); the editor puts failures on its fields. */
export function useUpdateProcedure() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProcedures();
  return $api.useMutation('patch', '/api/procedures/{id}', {
    onSuccess: (procedure) => {
      void message.success(t('procedures.saved', { code: procedure.code, version: procedure.versionNo }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Copies a version into a new draft; failures (a draft already open) go to the central notification. */
export function useCreateProcedureVersion() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProcedures();
  return $api.useMutation('post', '/api/procedures/{id}/versions', {
    onSuccess: (procedure) => {
      void message.success(t('procedures.versionCreated', { version: procedure.versionNo }));
      void refresh();
    },
  });
}

/** Publishes a draft (retiring the version published before); failures go to the central notification. */
export function usePublishProcedure() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProcedures();
  return $api.useMutation('post', '/api/procedures/{id}/publish', {
    onSuccess: (procedure) => {
      void message.success(t('procedures.published', { code: procedure.code, version: procedure.versionNo }));
      void refresh();
    },
  });
}

/** Retires the published version; failures go to the central notification. */
export function useRetireProcedure() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProcedures();
  return $api.useMutation('post', '/api/procedures/{id}/retire', {
    onSuccess: (procedure) => {
      void message.success(t('procedures.retired', { code: procedure.code }));
      void refresh();
    },
  });
}
