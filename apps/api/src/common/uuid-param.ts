import { ParseUUIDPipe } from '@nestjs/common';
import { validationProblem } from './problem/validation';

/** `@Param('id', uuidParam('id'))`: a malformed id is a 400 naming the field, never a 500. */
export const uuidParam = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => validationProblem([{ field, rule: 'isUuid', message: `${field} must be a UUID` }]),
  });
