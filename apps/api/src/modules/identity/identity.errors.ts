import { FieldError, ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';

export const userNotFound = () =>
  new ProblemException({ status: 404, code: 'USER_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy người dùng.' });

export const clientNotFound = () =>
  new ProblemException({ status: 404, code: 'CLIENT_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy ứng dụng tích hợp.' });

export const agencyOutOfScope = (field = 'agencyId'): ProblemException =>
  validationProblem([{ field, rule: 'agencyInScope', message: 'Cơ quan không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn' }]);

export const usernameTaken = () =>
  new ProblemException({
    status: 409,
    code: 'USERNAME_TAKEN',
    title: 'Conflict',
    detail: 'Tên đăng nhập đã được sử dụng.',
    errors: [{ field: 'username', rule: 'unique', message: 'Tên đăng nhập đã được sử dụng' }],
  });

export const invalidCredentials = () =>
  new ProblemException({
    status: 401,
    code: 'INVALID_CREDENTIALS',
    title: 'Authentication failed',
    detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  });

export const passwordPolicy = (errors: FieldError[]) => validationProblem(errors);
