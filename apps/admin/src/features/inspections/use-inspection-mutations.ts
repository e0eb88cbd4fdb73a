import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage, fetchClient } from '../../app/api';
import type { InspectionExportFormat } from './inspection-labels';
import { filenameOf, saveFile } from '../../app/download';

/** The list and the open inspection read again after a change. */
export function useRefreshInspections() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['/api/inspections', '/api/inspections/{id}'].map((path) => queryClient.invalidateQueries({ queryKey: ['get', path] })));
}

/** Opens an inspection and draws its sample; the form puts failures on its fields. */
export function useOpenInspection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshInspections();
  return $api.useMutation('post', '/api/inspections', {
    onSuccess: (inspection) => {
      void message.success(t('oversight.inspections.opened', { count: inspection.counts.sampled }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Draws the sample again (same or new seed); the dialog shows failures. */
export function useRedrawInspection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshInspections();
  return $api.useMutation('post', '/api/inspections/{id}/redraw', {
    onSuccess: (inspection) => {
      void message.success(t('oversight.inspections.redrawn', { count: inspection.counts.sampled }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Records (or replaces) the finding on one sampled dossier; the row's editor shows failures. */
export function useRecordFinding() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshInspections();
  return $api.useMutation('put', '/api/inspections/{id}/findings/{dossierId}', {
    onSuccess: (item) => {
      void message.success(t('oversight.inspections.finding.saved', { code: item.code }));
      void refresh();
    },
    onError: () => undefined,
  });
}

/** Closes the inspection: frozen from then on. Failures go to the central error policy. */
export function useCloseInspection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshInspections();
  return $api.useMutation('post', '/api/inspections/{id}/close', {
    onSuccess: () => {
      void message.success(t('oversight.inspections.closed'));
      void refresh();
    },
  });
}

/**
 * Downloads the inspection report (scope, period, seed, findings, and the SHA-256 of its rows),
 * fetched with the official's token; the API audits the export.
 */
export function useInspectionExport(id: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<string, unknown, InspectionExportFormat>({
    mutationKey: ['get', '/api/inspections/{id}/report'],
    mutationFn: async (format) => {
      const { data, error, response } = await fetchClient.GET('/api/inspections/{id}/report', {
        params: { path: { id }, query: { format } },
        parseAs: 'blob',
      });
      if (error) throw error;
      const filename = filenameOf(response, `kiem-tra_${id.slice(0, 8)}.${format}`);
      saveFile(data as unknown as Blob, filename);
      return filename;
    },
    onSuccess: (filename) => void message.success(t('oversight.inspections.exported', { filename })),
    onError: (error) => void message.error(t('oversight.inspections.exportFailed', { reason: errorMessage(error) })),
  });
}
