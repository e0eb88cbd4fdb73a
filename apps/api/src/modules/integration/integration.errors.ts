import { ProblemException } from '../../common/problem/problem';

export const webhookNotFound = () =>
  new ProblemException({ status: 404, code: 'WEBHOOK_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy đăng ký webhook.' });

export const deliveryNotFound = () =>
  new ProblemException({ status: 404, code: 'WEBHOOK_DELIVERY_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy lần gửi webhook.' });

export const invalidCursor = () =>
  new ProblemException({
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'Validation failed',
    detail: 'The cursor is not one this API issued.',
    errors: [{ field: 'cursor', rule: 'cursor', message: 'Invalid cursor' }],
  });
