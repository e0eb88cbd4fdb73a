import type { Schemas } from '@motcua/api-client';
import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchClient } from '../../../app/api';
import { progressFetch } from '../../../app/upload-transport';
import { useRefreshProcedures } from '../use-procedure-mutations';

export type ImportMode = 'all' | 'valid-only';

export interface ImportRequest {
  file: File;
  mode: ImportMode;
  publish: boolean;
}

/**
 * Uploads a spreadsheet to POST /api/procedures/import through the generated client, reporting
 * the share uploaded. The page shows the outcome (rows rejected, a 422 that wrote nothing).
 */
export function useImportProcedures() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshProcedures();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation<Schemas['ImportProceduresResponse'], unknown, ImportRequest>({
    mutationKey: ['post', '/api/procedures/import'],
    mutationFn: async ({ file, mode, publish }) => {
      setProgress(0);
      const { data, error } = await fetchClient.POST('/api/procedures/import', {
        params: { query: { mode, publish } },
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
    onSuccess: (result) => {
      if (result.imported > 0) {
        void message.success(t('procedureImport.done', { count: result.imported }));
        void refresh();
      }
    },
    onError: () => undefined,
  });
  return { ...mutation, progress };
}
