import { ProblemException } from './problem';

/** 409 for optimistic concurrency: someone saved first; the client reloads and retries. */
export const staleVersion = (currentVersion: number, detail = 'Bản ghi đã được người khác cập nhật. Tải lại và thử lại.') =>
  new ProblemException({
    status: 409,
    code: 'STALE_VERSION',
    title: 'Conflict',
    detail,
    extensions: { currentVersion },
  });
