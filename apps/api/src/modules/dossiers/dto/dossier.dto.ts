import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  IDENTIFIER_TYPES,
  type DossierAction,
  type DossierStatus,
  type IdentifierType,
} from '@motcua/domain';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CursorQuery } from '../../../common/pagination';
import { DossierStepView } from '../routing/routing.dto';
import { CHANNELS, RETURN_METHODS, type Channel, type ReturnMethod } from '../entities/dossier.entity';
import { toList, trimmed } from '../../../common/transforms';

export class IdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_TYPES, enumName: 'IdentifierType' }) @IsIn(IDENTIFIER_TYPES) type!: IdentifierType;
  @ApiProperty({ example: '089203001234' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(32) value!: string;
}

/** The applicant: a party already in the registry (`partyId` alone), or the party's data. */
export class ApplicantDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A party of the citizen registry; the other fields are then not needed' })
  @IsOptional()
  @IsUUID()
  partyId?: string;
  @ApiPropertyOptional({ enum: ['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'], description: 'Required unless partyId is given' })
  @ValidateIf((a: ApplicantDto) => !a.partyId)
  @IsIn(['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'])
  type!: 'INDIVIDUAL' | 'ORGANIZATION' | 'ENTERPRISE';
  @ApiPropertyOptional({ example: 'Nguyễn Văn An', description: 'Individuals' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  fullName?: string;
  @ApiPropertyOptional({ example: 'Công ty TNHH Lúa Vàng', description: 'Organisations and enterprises' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  name?: string;
  @ApiPropertyOptional({ format: 'date', example: '2003-05-01' }) @IsOptional() @IsISO8601({ strict: true }) dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['MALE', 'FEMALE'] }) @IsOptional() @IsIn(['MALE', 'FEMALE']) sex?: 'MALE' | 'FEMALE';
  @ApiPropertyOptional({ type: [IdentifierDto], description: 'Required unless partyId is given (may be empty)' })
  @ValidateIf((a: ApplicantDto) => !a.partyId)
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers!: IdentifierDto[];
  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^(\+84|0)\d{9,10}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'Email không hợp lệ' }) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
}

/** The applicant as a dossier shows it: identifiers and phone masked; the registry party it links to. */
export class ApplicantView {
  @ApiPropertyOptional({ format: 'uuid', description: 'The citizen-registry party (absent on dossiers imported before the registry)' })
  partyId?: string;
  @ApiProperty({ enum: ['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'] }) type!: 'INDIVIDUAL' | 'ORGANIZATION' | 'ENTERPRISE';
  @ApiPropertyOptional() fullName?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ format: 'date' }) dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['MALE', 'FEMALE'] }) sex?: 'MALE' | 'FEMALE';
  @ApiProperty({ type: [IdentifierDto], description: 'Masked values' }) identifiers!: IdentifierDto[];
  @ApiPropertyOptional({ description: 'Masked' }) phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class SubmittedDocumentDto {
  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(500) name!: string;
  @ApiProperty({ enum: ['ORIGINAL', 'COPY', 'ELECTRONIC'] }) @IsIn(['ORIGINAL', 'COPY', 'ELECTRONIC']) kind!:
    'ORIGINAL' | 'COPY' | 'ELECTRONIC';
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(100) count!: number;
}

/** The intake contract: portals rely on these names. */
export class CreateDossierRequest {
  @ApiPropertyOptional({ example: '1.001193', description: 'National procedure code (its published version), or procedureId' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  procedureCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() procedureId?: string;
  @ApiPropertyOptional({ example: '000.00.22.H01', description: 'Receiving point’s electronic code, or receivingAgencyId' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  receivingAgencyCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() receivingAgencyId?: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) @IsIn(CHANNELS) channel!: Channel;
  @ApiProperty({ type: ApplicantDto }) @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;
  @ApiProperty({ type: [SubmittedDocumentDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubmittedDocumentDto)
  documents!: SubmittedDocumentDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DossierActionRequest {
  @ApiPropertyOptional({ description: 'Current version (or send it in If-Match)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
  @ApiPropertyOptional({ description: 'Required for refuse, request-supplement, reject-with-reasons, apologize, request-withdrawal, stop' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  reason?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'apologize: the new appointment' })
  @IsOptional()
  @IsISO8601({ strict: true })
  newAppointment?: string;
  @ApiPropertyOptional({ description: 'request-payment: amount in VND' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  amount?: number;
  @ApiPropertyOptional({ description: 'confirm-payment: paid through the online gateway' }) @IsOptional() @IsBoolean() paidOnline?: boolean;
  @ApiPropertyOptional({ description: 'confirm-payment: the gateway’s transaction reference' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  paymentReference?: string;
  @ApiPropertyOptional({ description: 'issue-result: the result is issued electronically (when the procedure allows)' })
  @IsOptional()
  @IsBoolean()
  electronicResult?: boolean;
  @ApiPropertyOptional({ enum: RETURN_METHODS, enumName: 'ReturnMethod' }) @IsOptional() @IsIn(RETURN_METHODS) returnMethod?: ReturnMethod;
}

export class DossierEventResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) form!: string | null;
}

export class DossierSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '000.00.22.H01-260223-0001' }) code!: string;
  @ApiProperty({ enum: DOSSIER_STATUSES, enumName: 'DossierStatus' }) status!: DossierStatus;
  @ApiProperty({ description: 'National status code 1–10' }) statusCode!: number;
  @ApiProperty() statusText!: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel!: Channel;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ format: 'uuid' }) receivingAgencyId!: string;
  @ApiProperty({ format: 'uuid' }) competentAgencyId!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ enum: ['EARLY', 'ON_TIME', 'LATE', 'WITHIN', 'DUE_SOON', 'OVERDUE'], nullable: true }) timeliness!: string | null;
  @ApiProperty() version!: number;
}

export class DossierResponse extends DossierSummary {
  @ApiProperty({ type: String, nullable: true }) stage!: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty() receivingAgencyName!: string;
  @ApiProperty() competentAgencyName!: string;
  @ApiProperty({ format: 'uuid' }) procedureId!: string;
  @ApiProperty({ type: ApplicantView }) applicant!: ApplicantView;
  @ApiProperty({ type: [SubmittedDocumentDto] }) documents!: SubmittedDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) originalDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) apologyDueAt!: string | null;
  @ApiProperty({ enum: ['NOT_STARTED', 'RUNNING', 'PAUSED', 'STOPPED'] }) clockState!: 'NOT_STARTED' | 'RUNNING' | 'PAUSED' | 'STOPPED';
  @ApiProperty({ description: 'Working minutes the procedure allows' }) budgetMinutes!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Working minutes used so far (pauses excluded)' }) workingMinutesUsed!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Working minutes left until the due time (negative when overdue)' })
  workingMinutesLeft!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnMethod!: string | null;
  @ApiProperty() paidOnline!: boolean;
  @ApiProperty() electronicResult!: boolean;
  @ApiProperty({ description: 'Printed on the receipt; lets the applicant follow the dossier online' }) lookupSecret!: string;
  @ApiProperty({ enum: DOSSIER_ACTIONS, isArray: true, enumName: 'DossierAction', description: 'What the caller may do now' })
  allowedActions!: DossierAction[];
  @ApiProperty({ type: [DossierEventResponse] }) timeline!: DossierEventResponse[];
  @ApiProperty({ type: [DossierStepView], description: 'The route across agencies (empty until the dossier is forwarded)' })
  steps!: DossierStepView[];
  @ApiProperty({ type: [String], description: 'Warnings about the applicant data (e.g. CCCD digits disagreeing with the birth year)' })
  warnings!: string[];
}

export class DossierPage {
  @ApiProperty({ type: [DossierSummary] }) items!: DossierSummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ListDossiersQuery extends CursorQuery {
  @ApiPropertyOptional({
    enum: DOSSIER_STATUSES,
    enumName: 'DossierStatus',
    isArray: true,
    description: 'One or more statuses (repeat the parameter or separate with commas)',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(DOSSIER_STATUSES.length)
  @IsIn(DOSSIER_STATUSES, { each: true })
  status?: DossierStatus[];
  @ApiPropertyOptional({ enum: ['EARLY', 'ON_TIME', 'LATE', 'WITHIN', 'DUE_SOON', 'OVERDUE'] })
  @IsOptional()
  @IsIn(['EARLY', 'ON_TIME', 'LATE', 'WITHIN', 'DUE_SOON', 'OVERDUE'])
  timeliness?: 'EARLY' | 'ON_TIME' | 'LATE' | 'WITHIN' | 'DUE_SOON' | 'OVERDUE';
  @ApiPropertyOptional({ format: 'uuid', description: 'Receiving or competent agency (and its subtree)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @ApiPropertyOptional({
    enum: ['competent', 'receiving'],
    description:
      'Which of the dossier’s agencies `agencyId` must hold: the competent agency or the receiving point (either when absent). The reports’ `by`, so a report’s number opens the same dossiers here.',
  })
  @IsOptional()
  @IsIn(['competent', 'receiving'])
  agencyRole?: 'competent' | 'receiving';
  @ApiPropertyOptional({ description: 'Procedure code' }) @IsOptional() @IsString() @MaxLength(32) procedureCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) field?: string;
  @ApiPropertyOptional({ enum: CHANNELS, enumName: 'Channel' }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ format: 'date', description: 'Received on or after (local date)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Received on or before (local date)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedTo?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) dueBefore?: string;
  @ApiPropertyOptional({ description: 'Code or applicant name, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({
    enum: ['newest', 'due'],
    default: 'newest',
    description: 'newest first, or the nearest due time first (dossiers with a running or paused clock)',
  })
  @IsOptional()
  @IsIn(['newest', 'due'])
  sort?: 'newest' | 'due';
}

/** The work-list filters that make sense for counting tabs: everything but status, timeliness, order and paging. */
export class DossierCountsQuery extends OmitType(ListDossiersQuery, ['status', 'timeliness', 'sort', 'cursor', 'limit'] as const) {}

export const COUNT_BUCKETS = [
  'RECEIVED',
  'SUBMITTED',
  'IN_PROCESS',
  'SUPPLEMENT_REQUESTED',
  'DUE_SOON',
  'OVERDUE',
  'RESULT_READY',
] as const;
export type CountBucket = (typeof COUNT_BUCKETS)[number];

export class DossierCount {
  @ApiProperty({ enum: COUNT_BUCKETS, enumName: 'CountBucket', description: 'A status, or DUE_SOON / OVERDUE for open dossiers' })
  bucket!: CountBucket;
  @ApiProperty({ description: 'Dossiers in the bucket, at most `limit`' }) count!: number;
  @ApiProperty({ description: 'True when there are more than `limit` (shown as "1000+")' }) more!: boolean;
}

export class DossierCounts {
  @ApiProperty() limit!: number;
  @ApiProperty({ type: [DossierCount] }) items!: DossierCount[];
}

export class PublicLookupQuery {
  @ApiProperty({ description: 'The secret printed on the receipt' }) @IsString() @MaxLength(32) secret!: string;
}

export class PublicDossierResponse {
  @ApiProperty() code!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() statusCode!: number;
  @ApiProperty({ example: 'Đang giải quyết' }) statusText!: string;
  @ApiProperty({ example: 'Nguyễn V. A.' }) applicantName!: string;
  @ApiProperty() receivingAgencyName!: string;
  @ApiProperty({ description: 'Where the dossier is now' }) currentAgencyName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Appointment (the new one after an apology)' })
  appointmentAt!: string | null;
  @ApiProperty() resultReady!: boolean;
  @ApiProperty() resultReturned!: boolean;
  @ApiProperty({ description: 'The result can be downloaded from /api/public/dossiers/{code}/result with the secret' })
  electronicResultAvailable!: boolean;
}
