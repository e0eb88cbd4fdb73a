import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldError {
  @ApiProperty({ example: 'applicant.identifiers.0.value', description: 'Path of the field in the request' })
  field!: string;

  @ApiProperty({ example: 'isCccd', description: 'The rule the value broke' })
  rule!: string;

  @ApiProperty({ example: 'Số CCCD phải gồm 12 chữ số' })
  message!: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export class Problem {
  @ApiProperty({ example: 'https://motcua.angiang.gov.vn/problems/validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has 1 invalid field.' })
  detail!: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;

  @ApiProperty({ type: [FieldError] })
  errors!: FieldError[];

  @ApiPropertyOptional({ description: 'Request id, to quote when reporting a problem' })
  requestId?: string;

  @ApiPropertyOptional({ description: '409 STALE_VERSION: the record’s current version' })
  currentVersion?: number;

  @ApiPropertyOptional({ type: [String], description: '403/409 on a dossier action: what the caller may do now' })
  allowedActions?: string[];

  @ApiPropertyOptional({ description: '429: seconds to wait (also in Retry-After)' })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({ description: '403: the permission the route needs' })
  requiredPermission?: string;

  [extension: string]: unknown;
}

const TYPE_BASE = 'https://motcua.angiang.gov.vn/problems/';

export function problemType(code: string): string {
  return TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

export interface ProblemInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  /** Extra members, e.g. `currentVersion` on a conflict or `allowedActions`. */
  extensions?: Record<string, unknown>;
}

/** Throw this from services: it becomes a problem+json response with a stable code. */
export class ProblemException extends HttpException {
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title, init.status);
  }
}

export const STATUS_CODES: Record<number, { code: string; title: string }> = {
  [HttpStatus.BAD_REQUEST]: { code: 'BAD_REQUEST', title: 'Bad request' },
  [HttpStatus.UNAUTHORIZED]: { code: 'UNAUTHENTICATED', title: 'Authentication required' },
  [HttpStatus.FORBIDDEN]: { code: 'FORBIDDEN', title: 'Not allowed' },
  [HttpStatus.NOT_FOUND]: { code: 'NOT_FOUND', title: 'Not found' },
  [HttpStatus.METHOD_NOT_ALLOWED]: { code: 'METHOD_NOT_ALLOWED', title: 'Method not allowed' },
  [HttpStatus.CONFLICT]: { code: 'CONFLICT', title: 'Conflict' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: { code: 'PAYLOAD_TOO_LARGE', title: 'Request body too large' },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: { code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported media type' },
  [HttpStatus.UNPROCESSABLE_ENTITY]: { code: 'UNPROCESSABLE', title: 'Unprocessable request' },
  [HttpStatus.TOO_MANY_REQUESTS]: { code: 'RATE_LIMITED', title: 'Too many requests' },
  [HttpStatus.SERVICE_UNAVAILABLE]: { code: 'SERVICE_UNAVAILABLE', title: 'Service unavailable' },
};

export function genericProblem(status: number, detail?: string): ProblemInit {
  const known = STATUS_CODES[status] ?? { code: status >= 500 ? 'INTERNAL_ERROR' : 'ERROR', title: 'Error' };
  return { status, code: known.code, title: known.title, detail };
}
