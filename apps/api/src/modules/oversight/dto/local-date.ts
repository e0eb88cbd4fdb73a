import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsLocalDate = () =>
  applyDecorators(
    Matches(LOCAL_DATE, { message: '$property phải có dạng YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property không phải một ngày có thật' }),
  );
