import type { Schemas } from '@motcua/api-client';

export type ReportExport = Schemas['ReportExportView'];
export type ExportFormat = ReportExport['format'];
export type ExportRequest = Schemas['CreateReportExportRequest'];
/**
 * What an export button asks for. The contract marks `by` and `source` required because they have
 * defaults; the API takes them as optional (and refuses `source` for reports without snapshots).
 */
export type ExportRequestInput = Omit<ExportRequest, 'format' | 'by' | 'source'> & Partial<Pick<ExportRequest, 'by' | 'source'>>;

/**
 * One export button's life: idle → requesting (POST) → running (polling the job's progress) →
 * done (a download link) or failed (the reason, and a retry). A new request is taken only when
 * nothing is in flight, progress never goes back, and an answer about another job is ignored.
 */
export type ExportState =
  | { phase: 'idle' }
  | { phase: 'requesting'; format: ExportFormat }
  | { phase: 'running'; format: ExportFormat; id: string; status: 'QUEUED' | 'RUNNING'; progress: number }
  | { phase: 'done'; format: ExportFormat; id: string; filename: string; sizeBytes?: number; sha256?: string }
  | { phase: 'failed'; format: ExportFormat; error: string };

export type ExportEvent =
  | { type: 'request'; format: ExportFormat }
  | { type: 'created'; job: ReportExport }
  | { type: 'polled'; job: ReportExport }
  | { type: 'rejected'; error: string }
  | { type: 'reset' };

export const INITIAL_EXPORT_STATE: ExportState = { phase: 'idle' };

export const isBusy = (state: ExportState) => state.phase === 'requesting' || state.phase === 'running';

function fromJob(job: ReportExport, previous: ExportState): ExportState {
  switch (job.status) {
    case 'DONE':
      return {
        phase: 'done',
        format: job.format,
        id: job.id,
        filename: job.filename ?? `${job.report}.${job.format}`,
        sizeBytes: job.sizeBytes,
        sha256: job.sha256,
      };
    case 'FAILED':
      return { phase: 'failed', format: job.format, error: job.error ?? '' };
    default: {
      const before = previous.phase === 'running' && previous.id === job.id ? previous.progress : 0;
      return {
        phase: 'running',
        format: job.format,
        id: job.id,
        status: job.status,
        progress: Math.max(before, Math.min(100, job.progress)),
      };
    }
  }
}

export function exportReducer(state: ExportState, event: ExportEvent): ExportState {
  switch (event.type) {
    case 'request':
      return isBusy(state) ? state : { phase: 'requesting', format: event.format };
    case 'created':
      return state.phase === 'requesting' ? fromJob(event.job, state) : state;
    case 'polled':
      return state.phase === 'running' && state.id === event.job.id ? fromJob(event.job, state) : state;
    case 'rejected':
      return state.phase === 'requesting' || state.phase === 'running'
        ? { phase: 'failed', format: state.format, error: event.error }
        : state;
    case 'reset':
      return isBusy(state) ? state : INITIAL_EXPORT_STATE;
  }
}
