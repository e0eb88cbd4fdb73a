import { ProblemException } from '../../common/problem/problem';

export const notFound = (detail: string) => new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail });

export const conflict = (code: string, detail: string) => new ProblemException({ status: 409, code, title: 'Conflict', detail });

export const outOfScope = (detail = 'Cơ quan này nằm ngoài phạm vi của bạn.') =>
  new ProblemException({ status: 403, code: 'OUT_OF_SCOPE', title: 'Not allowed', detail });

export const inspectionNotFound = () => notFound('Không có đợt kiểm tra này trong phạm vi của bạn.');
export const pilotNotFound = () => notFound('Không có mô hình thí điểm này trong phạm vi của bạn.');
