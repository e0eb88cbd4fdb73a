import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage, fetchClient } from '../../app/api';
import {
  exportReducer,
  INITIAL_EXPORT_STATE,
  isBusy,
  type ExportFormat,
  type ExportRequest,
  type ExportRequestInput,
  type ReportExport,
} from './export-machine';
import { filenameOf, saveFile } from '../../app/download';

/** How often a running export is asked for its progress. */
export const EXPORT_POLL_MS = 1_000;

/** Downloads a finished export with the official's token (the file route needs it). */
export function useExportDownload() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<string, unknown, { id: string; filename: string }>({
    mutationKey: ['get', '/api/reports/exports/{id}/file'],
    mutationFn: async ({ id, filename }) => {
      const { data, error, response } = await fetchClient.GET('/api/reports/exports/{id}/file', {
        params: { path: { id } },
        parseAs: 'blob',
      });
      if (error) throw error;
      const name = filenameOf(response, filename);
      saveFile(data as unknown as Blob, name);
      return name;
    },
    onSuccess: (filename) => void message.success(t('reports.export.downloaded', { filename })),
    onError: (error) => void message.error(t('reports.export.downloadFailed', { reason: errorMessage(error) })),
  });
}

/**
 * An export of one report with the filters on screen, as a background job of the API: started
 * with POST, followed by its progress until it is done (download) or failed. A change of the
 * request (other filters, another tab) starts over, unless a job is in flight.
 */
export function useReportExport(request: ExportRequestInput) {
  const [state, dispatch] = useReducer(exportReducer, INITIAL_EXPORT_STATE);
  const queryClient = useQueryClient();
  const requestKey = JSON.stringify(request);
  const requestRef = useRef(request);
  requestRef.current = request;

  useEffect(() => dispatch({ type: 'reset' }), [requestKey]);

  const refreshList = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['get', '/api/reports/exports'] }), [queryClient]);

  const create = useMutation<ReportExport, unknown, ExportFormat>({
    mutationKey: ['post', '/api/reports/exports'],
    mutationFn: async (format) => {
      const { data, error } = await fetchClient.POST('/api/reports/exports', { body: { ...requestRef.current, format } as ExportRequest });
      if (error) throw error;
      return data as ReportExport;
    },
    onSuccess: (job) => {
      dispatch({ type: 'created', job });
      refreshList();
    },
    onError: (error) => dispatch({ type: 'rejected', error: errorMessage(error) }),
  });

  const runningId = state.phase === 'running' ? state.id : undefined;
  const poll = $api.useQuery(
    'get',
    '/api/reports/exports/{id}',
    { params: { path: { id: runningId ?? '' } } },
    { enabled: Boolean(runningId), refetchInterval: EXPORT_POLL_MS, gcTime: 0, meta: { silentErrors: true } },
  );
  useEffect(() => {
    if (poll.data) dispatch({ type: 'polled', job: poll.data as ReportExport });
  }, [poll.data]);
  useEffect(() => {
    if (poll.error && runningId) dispatch({ type: 'rejected', error: errorMessage(poll.error) });
  }, [poll.error, runningId]);

  const finished = state.phase === 'done' || state.phase === 'failed';
  useEffect(() => {
    if (finished) refreshList();
  }, [finished, refreshList]);

  const start = (format: ExportFormat) => {
    if (isBusy(state)) return;
    dispatch({ type: 'request', format });
    create.mutate(format);
  };
  return { state, start };
}
