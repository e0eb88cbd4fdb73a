import { IDENTIFIER_TYPES, type IdentifierType } from '@motcua/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CursorQuery } from '../../../common/pagination';
import { trimmed } from '../../../common/transforms';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, type ConsentChannel, type ConsentPurpose } from '../entities/party-consent.entity';
import { CONTACT_KINDS, type ContactKind } from '../entities/party-contact.entity';
import { REPRESENTATIVE_ROLES, type RepresentativeRole } from '../entities/party-representative.entity';
import { DOSSIER_PARTY_ROLES, type DossierPartyRole } from '../entities/dossier-party.entity';
import { PARTY_STATUSES, PARTY_TYPES, SEXES, type PartyStatus, type PartyType, type Sex } from '../entities/party.entity';

/** Phones are typed with spaces, dots or dashes at the counter: drop them before checking. */
const compactPhone = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s.()-]+/g, '') : value);
const PHONE = /^(\+84|0)\d{9,10}$/;
const PHONE_MESSAGE = 'Số điện thoại không hợp lệ (10–11 chữ số, bắt đầu bằng 0 hoặc +84)';
const AREA_CODE = /^[0-9A-Z.]{2,16}$/;

export class PartyIdentifierInput {
  @ApiProperty({ enum: IDENTIFIER_TYPES, enumName: 'IdentifierType' }) @IsIn(IDENTIFIER_TYPES) type!: IdentifierType;
  @ApiProperty({ example: '089203001234' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(32) value!: string;
  @ApiPropertyOptional({ format: 'date', description: 'Date of issue' }) @IsOptional() @IsISO8601({ strict: true }) validFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Date of expiry' }) @IsOptional() @IsISO8601({ strict: true }) validTo?: string;
}

export class AddressInput {
  @ApiPropertyOptional({ example: '30280', description: 'Administrative unit code (national list), when known' })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'Mã đơn vị hành chính không hợp lệ' })
  areaCode?: string;
  @ApiProperty({ example: 'Số 12, đường Trần Hưng Đạo, phường Long Xuyên' })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  text!: string;
}

export class RepresentativeInput {
  @ApiProperty({ format: 'uuid', description: 'An individual party already in the registry' }) @IsUUID() partyId!: string;
  @ApiProperty({ enum: REPRESENTATIVE_ROLES, enumName: 'RepresentativeRole' }) @IsIn(REPRESENTATIVE_ROLES) role!: RepresentativeRole;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsISO8601({ strict: true }) validFrom?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsISO8601({ strict: true }) validTo?: string;
}

export class ConsentInput {
  @ApiProperty({ enum: CONSENT_CHANNELS, enumName: 'ConsentChannel' }) @IsIn(CONSENT_CHANNELS) channel!: ConsentChannel;
  @ApiProperty({ enum: CONSENT_PURPOSES, enumName: 'ConsentPurpose' }) @IsIn(CONSENT_PURPOSES) purpose!: ConsentPurpose;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the consent was given (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  givenAt?: string;
}

/** Fields shared by creation and update. */
class PartyFields {
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

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2003-05-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dateOfBirth?: string | null;

  @ApiPropertyOptional({ enum: SEXES, enumName: 'Sex', nullable: true }) @IsOptional() @IsIn(SEXES) sex?: Sex | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912345678' })
  @IsOptional()
  @Transform(compactPhone)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsEmail({}, { message: 'Email không hợp lệ' })
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ type: AddressInput, nullable: true, description: 'Current (contact) address' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput | null;

  @ApiPropertyOptional({ type: AddressInput, nullable: true, description: 'Permanent residence (individuals) or head office' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  permanentAddress?: AddressInput | null;

  @ApiPropertyOptional({ type: [RepresentativeInput], description: 'Organisations and enterprises; on update, the full current list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RepresentativeInput)
  representatives?: RepresentativeInput[];
}

export class CreatePartyRequest extends PartyFields {
  @ApiProperty({ enum: PARTY_TYPES, enumName: 'PartyType' }) @IsIn(PARTY_TYPES) type!: PartyType;

  @ApiProperty({ type: [PartyIdentifierInput] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PartyIdentifierInput)
  identifiers!: PartyIdentifierInput[];

  @ApiPropertyOptional({ type: [ConsentInput], description: 'Consents to be contacted, recorded with the party' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => ConsentInput)
  consents?: ConsentInput[];
}

export class UpdatePartyRequest extends PartyFields {
  @ApiProperty({ description: 'Current version, for optimistic concurrency (409 when stale)' }) @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({ type: [PartyIdentifierInput], description: 'Identifiers to add' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PartyIdentifierInput)
  addIdentifiers?: PartyIdentifierInput[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Identifiers to remove (a correction)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  removeIdentifierIds?: string[];
}

export class ListPartiesQuery extends CursorQuery {
  @ApiPropertyOptional({
    description: 'Name (diacritics and case ignored, contains), or an exact identifier / tax code / phone number (anything with a digit)',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PARTY_TYPES, enumName: 'PartyType' }) @IsOptional() @IsIn(PARTY_TYPES) type?: PartyType;

  @ApiPropertyOptional({ enum: PARTY_STATUSES, enumName: 'PartyStatus', default: 'ACTIVE' })
  @IsOptional()
  @IsIn(PARTY_STATUSES)
  status?: PartyStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only parties with a dossier received or handled by this agency (and its subtree)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class MaskedIdentifier {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IDENTIFIER_TYPES, enumName: 'IdentifierType' }) type!: IdentifierType;
  @ApiProperty({ example: '089******234' }) masked!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
}

export class PartySummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTY_TYPES, enumName: 'PartyType' }) type!: PartyType;
  @ApiProperty({ example: 'Nguyễn Văn An', description: 'Full name or organisation name' }) displayName!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ enum: SEXES, enumName: 'Sex', nullable: true }) sex!: Sex | null;
  @ApiProperty({ enum: PARTY_STATUSES, enumName: 'PartyStatus' }) status!: PartyStatus;
  @ApiProperty({ type: [MaskedIdentifier] }) identifiers!: MaskedIdentifier[];
  @ApiProperty({ type: String, nullable: true, example: '091****678', description: 'Current phone, masked' }) phone!: string | null;
}

export class PartyPage {
  @ApiProperty({ type: [PartySummary] }) items!: PartySummary[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AddressResponse {
  @ApiProperty({ type: String, nullable: true }) areaCode!: string | null;
  @ApiProperty() text!: string;
}

export class ContactVersion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONTACT_KINDS, enumName: 'ContactKind' }) kind!: ContactKind;
  @ApiProperty({ description: 'Phones masked; e-mail and address in clear' }) value!: string;
  @ApiProperty({ type: String, nullable: true }) areaCode!: string | null;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null for the current value' }) validTo!: string | null;
}

export class RepresentativeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation' }) organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ format: 'uuid', description: 'The individual acting for it' }) representativeId!: string;
  @ApiProperty() representativeName!: string;
  @ApiProperty({ enum: REPRESENTATIVE_ROLES, enumName: 'RepresentativeRole' }) role!: RepresentativeRole;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
}

export class ConsentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONSENT_CHANNELS, enumName: 'ConsentChannel' }) channel!: ConsentChannel;
  @ApiProperty({ enum: CONSENT_PURPOSES, enumName: 'ConsentPurpose' }) purpose!: ConsentPurpose;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
}

export class PartyDossier {
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: DOSSIER_PARTY_ROLES, enumName: 'DossierPartyRole' }) role!: DossierPartyRole;
  @ApiProperty() status!: string;
  @ApiProperty() statusCode!: number;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty({ format: 'uuid' }) receivingAgencyId!: string;
  @ApiProperty() receivingAgencyName!: string;
  @ApiProperty({ format: 'uuid' }) competentAgencyId!: string;
  @ApiProperty() competentAgencyName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

export class PartyRestriction {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty() reason!: string;
}

export class PartyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTY_TYPES, enumName: 'PartyType' }) type!: PartyType;
  @ApiProperty({ type: String, nullable: true, description: 'Individuals' }) fullName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Organisations and enterprises' }) name!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth!: string | null;
  @ApiProperty({ enum: SEXES, enumName: 'Sex', nullable: true }) sex!: Sex | null;
  @ApiProperty({ enum: PARTY_STATUSES, enumName: 'PartyStatus' }) status!: PartyStatus;
  @ApiProperty({ type: PartyRestriction, nullable: true, description: 'Processing restricted at the person’s request' })
  restriction!: PartyRestriction | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set when merged: the party that holds the data now' })
  mergedIntoId!: string | null;
  @ApiProperty({ type: [MaskedIdentifier] }) identifiers!: MaskedIdentifier[];
  @ApiProperty({ type: String, nullable: true, example: '091****678', description: 'Current phone, masked' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: AddressResponse, nullable: true, description: 'Current address' }) address!: AddressResponse | null;
  @ApiProperty({ type: AddressResponse, nullable: true }) permanentAddress!: AddressResponse | null;
  @ApiProperty({ type: [ContactVersion], description: 'Every contact version, current ones first' }) contacts!: ContactVersion[];
  @ApiProperty({ type: [RepresentativeResponse], description: 'Individuals acting for this organisation' })
  representatives!: RepresentativeResponse[];
  @ApiProperty({ type: [RepresentativeResponse], description: 'Organisations this individual acts for' })
  represents!: RepresentativeResponse[];
  @ApiProperty({ type: [ConsentResponse] }) consents!: ConsentResponse[];
  @ApiProperty({ type: [PartyDossier], description: 'Dossiers in the caller’s scope (receiving or competent agency), newest first' })
  dossiers!: PartyDossier[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class PartyWithWarnings extends PartyResponse {
  @ApiProperty({ type: [String], description: 'Accepted but worth checking (e.g. CCCD digits disagreeing with the birth year or sex)' })
  warnings!: string[];
}

export const REVEAL_FIELDS = ['IDENTIFIERS', 'PHONE'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export class RevealRequest {
  @ApiProperty({ example: 'Đối chiếu CCCD khi trả kết quả hồ sơ 000.00.22.H01-260223-0001', description: 'Why (logged)' })
  @Transform(trimmed)
  @IsString()
  @MinLength(5, { message: 'Mục đích phải có ít nhất 5 ký tự' })
  @MaxLength(500)
  purpose!: string;

  @ApiPropertyOptional({ enum: REVEAL_FIELDS, isArray: true, enumName: 'RevealField', description: 'Default: all' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(REVEAL_FIELDS, { each: true })
  fields?: RevealField[];
}

export class RevealedIdentifier {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IDENTIFIER_TYPES, enumName: 'IdentifierType' }) type!: IdentifierType;
  @ApiProperty({ example: '089203001234' }) value!: string;
}

export class RevealedPhone {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '0912345678' }) value!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validTo!: string | null;
}

export class RevealResponse {
  @ApiProperty({ format: 'uuid' }) partyId!: string;
  @ApiProperty({ type: [RevealedIdentifier] }) identifiers!: RevealedIdentifier[];
  @ApiProperty({ type: [RevealedPhone], description: 'Current phone first, then older ones' }) phones!: RevealedPhone[];
}

export class ConsentRequest extends ConsentInput {}

export class SubjectAccessRequest {
  @ApiProperty({ example: 'Yêu cầu cung cấp dữ liệu cá nhân của chủ thể, đơn ngày 01/12/2026', description: 'Why (logged)' })
  @Transform(trimmed)
  @IsString()
  @MinLength(5, { message: 'Mục đích phải có ít nhất 5 ký tự' })
  @MaxLength(500)
  purpose!: string;
}

export class RevealedContact {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONTACT_KINDS, enumName: 'ContactKind' }) kind!: ContactKind;
  @ApiProperty() value!: string;
  @ApiProperty({ type: String, nullable: true }) areaCode!: string | null;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validTo!: string | null;
}

export class SubjectAccessLogEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyName!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty({ type: String, nullable: true }) purpose!: string | null;
}

export class SubjectAccessMerge {
  @ApiProperty({ format: 'uuid' }) survivorId!: string;
  @ApiProperty({ format: 'uuid' }) mergedId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
}

/** Everything the registry holds about one party (subject access, Law 91/2025), unmasked. */
export class SubjectAccessResponse {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: PartyResponse, description: 'The record (dossiers limited to the caller’s scope)' }) party!: PartyResponse;
  @ApiProperty({ type: [RevealedIdentifier] }) identifiers!: RevealedIdentifier[];
  @ApiProperty({ type: [RevealedContact], description: 'Every contact version, unmasked' }) contacts!: RevealedContact[];
  @ApiProperty({ type: [SubjectAccessMerge], description: 'Records merged into this one, or this one into another' })
  merges!: SubjectAccessMerge[];
  @ApiProperty({ type: [SubjectAccessLogEntry], description: 'Who read, revealed or exported the data, and why' })
  accessLog!: SubjectAccessLogEntry[];
}
