import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, fetchClient } from '../../app/api';
import type { AuditExportFormat } from './audit-labels';
import { filenameOf, saveFile } from '../../app/download';

export interface AuditExportRequest {
  /** ISO instants, both included. */
  from: string;
  to: string;
  format: AuditExportFormat;
}

/**
 * Downloads the records of a period with their hashes and the canonical text hashed (CSV for
 * Excel, NDJSON to recompute the chain), fetched with the official's token. The export is audited.
 */
export function useAuditExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<string, unknown, AuditExportRequest>({
    mutationKey: ['get', '/api/audit/export'],
    mutationFn: async (query) => {
      const { data, error, response } = await fetchClient.GET('/api/audit/export', { params: { query }, parseAs: 'blob' });
      if (error) throw error;
      const filename = filenameOf(response, `nhat-ky_${query.from.slice(0, 10)}_${query.to.slice(0, 10)}.${query.format}`);
      saveFile(data as Blob, filename);
      return filename;
    },
    onSuccess: (filename) => void message.success(t('adminTools.audit.exported', { filename })),
    onError: (error) => void message.error(t('adminTools.audit.exportFailed', { reason: errorMessage(error) })),
  });
}
