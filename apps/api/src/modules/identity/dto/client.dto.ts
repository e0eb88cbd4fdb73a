import { CLIENT_SCOPES, type ClientScope } from '@motcua/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../../common/transforms';

export class IntegrationClientResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Cổng dịch vụ công TP Long Xuyên' }) name!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: CLIENT_SCOPES, isArray: true, enumName: 'ClientScope' }) scopes!: ClientScope[];
  @ApiProperty({ description: 'Public part of the key, to recognise it in logs', example: 'mc_3f9a1c2b7d4e' }) keyPrefix!: string;
  @ApiProperty({ enum: ['ACTIVE', 'REVOKED'] }) status!: 'ACTIVE' | 'REVOKED';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class IntegrationClientWithKey extends IntegrationClientResponse {
  @ApiProperty({ description: 'The API key, shown this once only: send it as X-Api-Key' }) apiKey!: string;
}

export class CreateIntegrationClientRequest {
  @ApiProperty({ example: 'Cổng dịch vụ công TP Long Xuyên' })
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The client acts within this agency’s subtree' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ enum: CLIENT_SCOPES, isArray: true, enumName: 'ClientScope' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CLIENT_SCOPES, { each: true })
  scopes!: ClientScope[];
}
