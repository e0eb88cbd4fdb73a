import { isProblem, type paths } from '@motcua/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage, fetchClient } from '../../app/api';
import { filenameOf, saveFile } from '../../app/download';

/** Everything a change of a party shows in: the search, the detail, the suspected duplicates. */
const PARTY_PATHS = ['/api/parties', '/api/parties/{id}', '/api/parties/duplicates'] as const;

/** The search, the open detail and the duplicate review read again after a change. */
export function useRefreshParties() {
  const queryClient = useQueryClient();
  return () => Promise.all(PARTY_PATHS.map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })));
}

/** 409 PARTY_IDENTIFIER_TAKEN: the id of the party that already holds the identifier, to open it instead. */
export function existingPartyIdOf(error: unknown): string | undefined {
  if (!isProblem(error) || error.code !== 'PARTY_IDENTIFIER_TAKEN') return undefined;
  const id = (error as { existingPartyId?: unknown }).existingPartyId;
  return typeof id === 'string' && id ? id : undefined;
}

/** Registers a person or an organisation; the form puts failures on its fields and offers the existing party on 409. */
export function useCreateParty() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshParties();
  return $api.useMutation('post', '/api/parties', {
    onSuccess: (party) => {
      void message.success(t('parties.form.created', { name: party.displayName }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Saves a correction with the version the official saw; the form shows a stale version (409) itself. */
export function useUpdateParty() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshParties();
  return $api.useMutation('patch', '/api/parties/{id}', {
    onSuccess: (party) => {
      void message.success(t('parties.form.updated', { name: party.displayName }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Shows the full identifiers and phones for a stated purpose (logged); the dialog shows failures. */
export function useRevealParty() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/api/parties/{id}/reveal', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['get', '/api/parties/access-log'] }),
    onError: () => undefined,
  });
}

/** Merges a duplicate into the party that stays; the dialog shows failures (self-merge, type mismatch). */
export function useMergeParties() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshParties();
  return $api.useMutation('post', '/api/parties/merge', {
    onSuccess: (result) => {
      void message.success(
        t('parties.merge.done', {
          dossiers: result.moved.dossierLinks,
          identifiers: result.moved.identifiers,
          contacts: result.moved.contacts,
        }),
      );
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Replaces the personal fields of a party kept for the archive; the dialog shows failures. */
export function usePseudonymiseParty() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshParties();
  return $api.useMutation('post', '/api/parties/{id}/pseudonymise', {
    onSuccess: () => {
      void message.success(t('parties.pseudonymise.done'));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Records a consent to be contacted; failures go to the central notification. */
export function useRecordConsent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshParties();
  return $api.useMutation('post', '/api/parties/{id}/consents', {
    onSuccess: () => {
      void message.success(t('parties.consents.recorded'));
      void refresh();
    },
  });
}

/** Withdraws a consent; failures go to the central notification. */
export function useWithdrawConsent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshParties();
  return $api.useMutation('post', '/api/parties/{id}/consents/{consentId}/withdraw', {
    onSuccess: () => {
      void message.success(t('parties.consents.withdrawn'));
      void refresh();
    },
  });
}

type AccessLogExportQuery = NonNullable<paths['/api/parties/access-log/export']['get']['parameters']['query']>;
type ContactExportQuery = NonNullable<paths['/api/parties/contacts/export']['get']['parameters']['query']>;

/** Downloads the access log of a period as CSV or XLSX (the export itself is audited). */
export function useExportAccessLog() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<void, unknown, AccessLogExportQuery>({
    mutationKey: ['get', '/api/parties/access-log/export'],
    mutationFn: async (query) => {
      const { data, error, response } = await fetchClient.GET('/api/parties/access-log/export', { params: { query }, parseAs: 'blob' });
      if (error) throw error;
      saveFile(data as Blob, filenameOf(response, `nhat-ky-truy-cap.${query.format ?? 'csv'}`));
    },
    onError: (error) => void message.error(t('parties.export.failed', { reason: errorMessage(error) })),
  });
}

/** Downloads the contacts of the parties who consented (logged and audited). */
export function useExportContacts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<void, unknown, ContactExportQuery>({
    mutationKey: ['get', '/api/parties/contacts/export'],
    mutationFn: async (query) => {
      const { data, error, response } = await fetchClient.GET('/api/parties/contacts/export', { params: { query }, parseAs: 'blob' });
      if (error) throw error;
      saveFile(data as Blob, filenameOf(response, `danh-sach-lien-he.${query.format ?? 'csv'}`));
    },
    onError: (error) => void message.error(t('parties.export.failed', { reason: errorMessage(error) })),
  });
}
