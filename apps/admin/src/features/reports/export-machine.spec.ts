import { describe, expect, it } from 'vitest';
import { exportReducer, INITIAL_EXPORT_STATE, isBusy, type ExportEvent, type ExportState, type ReportExport } from './export-machine';

const job = (overrides: Partial<ReportExport> = {}): ReportExport => ({
  id: 'job-1',
  report: 'ii06a',
  format: 'xlsx',
  status: 'QUEUED',
  progress: 0,
  filters: {},
  createdAt: '2026-04-01T02:00:00.000Z',
  expiresAt: '2026-04-08T02:00:00.000Z',
  ...overrides,
});

const run = (...events: ExportEvent[]): ExportState => events.reduce(exportReducer, INITIAL_EXPORT_STATE);

describe('export button state machine', () => {
  it('goes from a request to a running job, follows its progress and ends with the file to download', () => {
    expect(run({ type: 'request', format: 'xlsx' })).toEqual({ phase: 'requesting', format: 'xlsx' });
    expect(run({ type: 'request', format: 'xlsx' }, { type: 'created', job: job() })).toEqual({
      phase: 'running',
      format: 'xlsx',
      id: 'job-1',
      status: 'QUEUED',
      progress: 0,
    });
    const running = run(
      { type: 'request', format: 'xlsx' },
      { type: 'created', job: job() },
      { type: 'polled', job: job({ status: 'RUNNING', progress: 40 }) },
    );
    expect(running).toMatchObject({ phase: 'running', status: 'RUNNING', progress: 40 });
    expect(
      exportReducer(running, {
        type: 'polled',
        job: job({ status: 'DONE', progress: 100, filename: 'II06a_2026-03.xlsx', sizeBytes: 7200, sha256: 'ab' }),
      }),
    ).toEqual({ phase: 'done', format: 'xlsx', id: 'job-1', filename: 'II06a_2026-03.xlsx', sizeBytes: 7200, sha256: 'ab' });
  });

  it('is done at once when the API answers with a finished job (a small export)', () => {
    expect(
      run(
        { type: 'request', format: 'pdf' },
        { type: 'created', job: job({ format: 'pdf', status: 'DONE', progress: 100, filename: 'a.pdf' }) },
      ),
    ).toMatchObject({
      phase: 'done',
      filename: 'a.pdf',
    });
  });

  it('never shows progress going back, even when an older answer arrives late', () => {
    const at60 = run(
      { type: 'request', format: 'csv' },
      { type: 'created', job: job({ format: 'csv' }) },
      { type: 'polled', job: job({ status: 'RUNNING', progress: 60 }) },
    );
    expect(exportReducer(at60, { type: 'polled', job: job({ status: 'RUNNING', progress: 20 }) })).toMatchObject({ progress: 60 });
  });

  it('ignores answers about another job and a second request while one is in flight', () => {
    const running = run({ type: 'request', format: 'xlsx' }, { type: 'created', job: job() });
    expect(exportReducer(running, { type: 'polled', job: job({ id: 'job-2', status: 'DONE' }) })).toBe(running);
    expect(exportReducer(running, { type: 'request', format: 'pdf' })).toBe(running);
    expect(exportReducer({ phase: 'requesting', format: 'xlsx' }, { type: 'request', format: 'pdf' })).toEqual({
      phase: 'requesting',
      format: 'xlsx',
    });
    expect(exportReducer(running, { type: 'reset' })).toBe(running);
    expect(isBusy(running)).toBe(true);
  });

  it('fails with the reason from the job or from the refused request, and can be tried again', () => {
    const failed = run(
      { type: 'request', format: 'pdf' },
      { type: 'created', job: job({ format: 'pdf' }) },
      { type: 'polled', job: job({ format: 'pdf', status: 'FAILED', error: 'Hết bộ nhớ' }) },
    );
    expect(failed).toEqual({ phase: 'failed', format: 'pdf', error: 'Hết bộ nhớ' });
    expect(run({ type: 'request', format: 'xlsx' }, { type: 'rejected', error: 'Kỳ báo cáo tối đa 5 năm' })).toEqual({
      phase: 'failed',
      format: 'xlsx',
      error: 'Kỳ báo cáo tối đa 5 năm',
    });
    expect(exportReducer(failed, { type: 'request', format: 'pdf' })).toEqual({ phase: 'requesting', format: 'pdf' });
    expect(isBusy(failed)).toBe(false);
  });

  it('starts over when the filters change after a finished export, and drops a stray answer when idle', () => {
    const done = run({ type: 'request', format: 'xlsx' }, { type: 'created', job: job({ status: 'DONE', filename: 'x.xlsx' }) });
    expect(exportReducer(done, { type: 'reset' })).toEqual(INITIAL_EXPORT_STATE);
    expect(exportReducer(INITIAL_EXPORT_STATE, { type: 'created', job: job() })).toBe(INITIAL_EXPORT_STATE);
    expect(exportReducer(INITIAL_EXPORT_STATE, { type: 'rejected', error: 'x' })).toBe(INITIAL_EXPORT_STATE);
  });
});
