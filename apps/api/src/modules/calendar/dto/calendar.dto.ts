import { DURATION_UNITS, type DayKind, type DayOverrideKind, type ProcessingUnit } from '@motcua/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trimmed } from '../../../common/transforms';

export const OVERRIDE_KINDS: DayOverrideKind[] = ['HOLIDAY', 'SUBSTITUTE_OFF', 'SWAPPED_OFF', 'MAKEUP_WORKDAY'];
const DAY_KINDS: DayKind[] = ['WORKDAY', 'WEEKEND', ...OVERRIDE_KINDS];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Upper bounds: 3 650 days, i.e. about ten years of processing time. */
export const MAX_DAYS = 3650;

export class DueQuery {
  @ApiProperty({ example: '2026-02-13T10:00:00+07:00', description: 'ISO-8601 instant with an offset (or Z)' })
  @Matches(ISO_INSTANT, { message: 'start phải là thời điểm ISO-8601 có múi giờ, ví dụ 2026-02-13T10:00:00+07:00' })
  start!: string;

  @ApiProperty({ example: 3, minimum: 0, description: `At most ${MAX_DAYS} days (or ${MAX_DAYS * 8} working hours)` })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS * 8)
  amount!: number;

  @ApiProperty({ enum: DURATION_UNITS, enumName: 'DurationUnit' })
  @IsIn(DURATION_UNITS)
  unit!: ProcessingUnit;
}

export class DueResponse {
  @ApiProperty({ example: '2026-02-23T07:00:00+07:00', description: 'When the clock starts (next working instant)' }) clockStart!: string;
  @ApiProperty({ example: '2026-02-24T10:00:00+07:00' }) due!: string;
}

export class DaysQuery {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) @Matches(LOCAL_DATE, { message: 'from phải có dạng YYYY-MM-DD' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) @Matches(LOCAL_DATE, { message: 'to phải có dạng YYYY-MM-DD' }) to!: string;
}

export class CalendarDayResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ description: 'ISO weekday, 1 = Monday … 7 = Sunday' }) weekday!: number;
  @ApiProperty() working!: boolean;
  @ApiProperty({ enum: DAY_KINDS, enumName: 'DayKind' }) kind!: DayKind;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() document?: string;
  @ApiProperty({
    enum: ['WEEKLY', 'SCHEDULE', 'STATUTORY'],
    description: 'WEEKLY pattern, the administrators’ SCHEDULE, or STATUTORY holidays computed for a year without a schedule',
  })
  source!: 'WEEKLY' | 'SCHEDULE' | 'STATUTORY';
}

export class PutCalendarDayRequest {
  @ApiProperty({ enum: OVERRIDE_KINDS, enumName: 'DayOverrideKind' }) @IsIn(OVERRIDE_KINDS) kind!: DayOverrideKind;
  @ApiProperty({ example: 'Nghỉ Tết Nguyên đán' })
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  name!: string;
  @ApiPropertyOptional({ example: 'Công văn 12729/VPCP-KGVX' }) @IsOptional() @IsString() @MaxLength(255) document?: string;
}

export class WorkingPeriodDto {
  @ApiProperty({ example: '07:00' }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ phải có dạng HH:mm' }) start!: string;
  @ApiProperty({ example: '11:00' }) @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'Giờ phải có dạng HH:mm' }) end!: string;
}

export class CalendarSettingsDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays worked' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingWeekdays!: number[];

  @ApiProperty({ type: [WorkingPeriodDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => WorkingPeriodDto)
  periods!: WorkingPeriodDto[];
}

export class CalendarSettingsResponse extends CalendarSettingsDto {
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone!: string;
  @ApiProperty() revision!: number;
}

export class YearParam {
  @ApiProperty({ example: 2027 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
}
