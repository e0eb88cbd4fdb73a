import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AGENCY_LEVELS, Agency, type AgencyLevel } from '../entities/agency.entity';
import { trimmed, toBoolean } from '../../../common/transforms';

export class AgencyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '000.00.22.H01' }) code!: string;
  @ApiProperty({ example: 'Trung tâm Phục vụ hành chính công tỉnh An Giang' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) shortName!: string | null;
  @ApiProperty({ enum: AGENCY_LEVELS, enumName: 'AgencyLevel' }) level!: AgencyLevel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty() isReceptionPoint!: boolean;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) successorId!: string | null;
  @ApiProperty() version!: number;

  static of(agency: Agency): AgencyResponse {
    const { id, code, name, shortName, level, parentId, isReceptionPoint, address, phone, validFrom, validTo, successorId, version } =
      agency;
    return { id, code, name, shortName, level, parentId, isReceptionPoint, address, phone, validFrom, validTo, successorId, version };
  }
}

export class ListAgenciesQuery {
  @ApiPropertyOptional({ enum: AGENCY_LEVELS, enumName: 'AgencyLevel' })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: AgencyLevel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Text over name, short name and code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  receptionPoint?: boolean;
}

const AGENCY_CODE = /^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$/;

export class CreateAgencyRequest {
  @ApiProperty({ example: '000.31.04.H01', description: 'Electronic identifier code (national standard), unique' })
  @Transform(trimmed)
  @Matches(AGENCY_CODE, { message: 'Mã định danh phải có dạng 000.00.00.H01' })
  code!: string;

  @ApiProperty({ example: 'Ủy ban nhân dân phường Bình Khánh' })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ example: 'UBND phường Bình Khánh' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string;

  @ApiProperty({ enum: AGENCY_LEVELS, enumName: 'AgencyLevel' })
  @IsIn(AGENCY_LEVELS)
  level!: AgencyLevel;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  parentId!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isReceptionPoint?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: '02963852000' })
  @IsOptional()
  @Matches(/^[0-9+ ().-]{6,32}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validTo?: string;
}

export class UpdateAgencyRequest {
  @ApiPropertyOptional({ description: 'Current version, for optimistic concurrency (409 when stale)' })
  @IsOptional()
  @IsInt()
  version?: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trimmed) @IsString() @MinLength(3) @MaxLength(255) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100) shortName?: string | null;
  @ApiPropertyOptional({ enum: AGENCY_LEVELS, enumName: 'AgencyLevel' }) @IsOptional() @IsIn(AGENCY_LEVELS) level?: AgencyLevel;
  @ApiPropertyOptional({ format: 'uuid', description: 'Move the agency (with its subtree) under another parent' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isReceptionPoint?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Matches(/^[0-9+ ().-]{6,32}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validFrom?:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsISO8601({ strict: true }) validTo?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The agency that took over (2025 reform)' })
  @IsOptional()
  @IsUUID()
  successorId?: string | null;
}

export class AgencyTreeNode extends AgencyResponse {
  @ApiProperty({ type: () => [AgencyTreeNode] }) children!: AgencyTreeNode[];
}
