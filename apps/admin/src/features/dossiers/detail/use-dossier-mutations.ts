import { isProblem, type Schemas } from '@motcua/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage, fetchClient } from '../../../app/api';
import { progressFetch } from '../../../app/upload-transport';
import { actionLabel, isDossierAction } from '../labels';

type AttachmentKind = Schemas['AttachmentKind'];
type Attachment = Schemas['AttachmentResponse'];

/** Problems after which the dossier on screen is out of date: it changed, or what one may do changed. */
export function isOutdatedProblem(error: unknown): boolean {
  return isProblem(error) && (error.code === 'STALE_VERSION' || error.code === 'ACTION_NOT_ALLOWED' || error.status === 403);
}

/** Everything a change of a dossier or of its route shows in: the work list and its counts, the work queues, the dossier, its control sheet. */
const DOSSIER_PATHS = [
  '/api/dossiers',
  '/api/dossiers/counts',
  '/api/dossiers/{code}',
  '/api/dossiers/{code}/attachments',
  '/api/dossiers/{code}/control-sheet',
  '/api/queues',
  '/api/queues/{name}',
] as const;

/** The work list (every tab and count), the work queues and the dossier read again after a change. */
export function useRefreshDossiers() {
  const queryClient = useQueryClient();
  return () => Promise.all(DOSSIER_PATHS.map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })));
}

/**
 * One transition of a dossier, sent with the version the official saw. Someone else's change in
 * between (409 STALE_VERSION) or a change in what the official may do reloads the dossier and
 * says so; the dialog puts field errors (400) on its fields.
 */
export function useDossierAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshDossiers();
  return $api.useMutation('post', '/api/dossiers/{code}/actions/{action}', {
    onSuccess: (dossier, variables) => {
      const action = variables.params.path.action;
      void message.success(
        t('dossiers.action.done', { action: isDossierAction(action) ? actionLabel(action) : action, code: dossier.code }),
      );
      void refresh();
    },
    onError: (error) => {
      if (!isOutdatedProblem(error)) return;
      if (isProblem(error) && error.code === 'STALE_VERSION') void message.warning(t('dossiers.action.stale'), 6);
      else void message.warning(t('dossiers.action.notAllowed', { reason: errorMessage(error) }), 6);
      void refresh();
    },
  });
}

/** PDF, JPEG or PNG up to 20 MB, as the API accepts (it judges the type from the content too). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** Uploads a scanned document or the issued result, reporting the share sent. */
export function useUploadAttachment(code: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation<Attachment, unknown, { file: File; kind: AttachmentKind }>({
    mutationKey: ['post', '/api/dossiers/{code}/attachments'],
    mutationFn: async ({ file, kind }) => {
      setProgress(0);
      const { data, error } = await fetchClient.POST('/api/dossiers/{code}/attachments', {
        params: { path: { code }, query: { kind } },
        // The contract types the binary part as a string; the serializer sends the File itself.
        body: { file: file.name },
        bodySerializer: () => {
          const form = new FormData();
          form.append('file', file, file.name);
          return form;
        },
        fetch: progressFetch(setProgress),
      });
      if (error) throw error;
      return data;
    },
    onSuccess: (attachment) => {
      void message.success(t('dossiers.attachments.uploadedMessage', { name: attachment.filename }));
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/dossiers/{code}/attachments'] });
    },
    onError: (error) => void message.error(t('dossiers.attachments.uploadFailed', { reason: errorMessage(error) })),
  });
  return { ...mutation, progress };
}

/** Downloads an attachment with the official's token (reading it is audited by the API). */
export function useDownloadAttachment(code: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<Blob, unknown, Attachment>({
    mutationKey: ['get', '/api/dossiers/{code}/attachments/{id}'],
    mutationFn: async (attachment) => {
      const { data, error } = await fetchClient.GET('/api/dossiers/{code}/attachments/{id}', {
        params: { path: { code, id: attachment.id } },
        parseAs: 'blob',
      });
      if (error) throw error;
      return data as Blob;
    },
    onSuccess: (blob, attachment) => {
      const url = URL.createObjectURL(new Blob([blob], { type: attachment.contentType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    onError: (error) => void message.error(t('dossiers.attachments.downloadFailed', { reason: errorMessage(error) })),
  });
}
