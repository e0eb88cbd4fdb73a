import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AGENCY_LEVELS, Agency, type AgencyLevel } from '../entities/agency.entity';

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
    const { id, code, name, shortName, level, parentId, isReceptionPoint, address, phone, validFrom, validTo, successorId, version } = agency;
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
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  receptionPoint?: boolean;
}
